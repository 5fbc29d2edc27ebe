package org.psyscreen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's Spark command, run as written from the root of a copy of the repository (sources only),
 * so the nested build can never recompile the tree the outer build is testing; it is given the outer
 * build's local repository. Runs with -Pspark.
 */
@Tag("spark")
class SparkReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeCommandScoresTheDemoCohortOnSpark() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## On Apache Spark"));
        String command = section.substring(
                        section.indexOf("```sh") + 5, section.indexOf("```", section.indexOf("```sh") + 5))
                .strip();
        assertThat(command).startsWith("./mvnw ").doesNotContain("\n");
        Path copy = Files.createTempDirectory("spark-readme-tree");
        copySources(ROOT, copy);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.set(0, copy.resolve("mvnw").toString());
        String repo = System.getProperty("psyscreen.outer.repo", "");
        if (!repo.isBlank()) {
            args.add(1, "-Dmaven.repo.local=" + repo);
        }
        Path log = Files.createTempFile("spark-readme", ".log");
        Process p = new ProcessBuilder(args)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("psyscreen on Spark: 2000 records in, 2000 out — every record accounted for");
        Path demo = copy.resolve("spark/target/spark-demo");
        assertThat(Files.readString(demo.resolve("rollup.csv")))
                .startsWith("level,region,school,grade,class,students,urgent,high,watch,unevaluated,none\n");
        try (var s = Files.walk(demo.resolve("parquet"))) {
            assertThat(s.anyMatch(f -> f.toString().endsWith(".parquet"))).isTrue();
        }
    }

    /** Copies the repository without build outputs and version control (what a fresh clone has). */
    private static void copySources(Path from, Path to) throws java.io.IOException {
        try (var tree = Files.walk(from)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Path rel = from.relativize(p);
                boolean skip = false;
                for (Path part : rel) {
                    String n = part.toString();
                    skip |= n.equals("target") || n.equals(".git");
                }
                if (skip) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
