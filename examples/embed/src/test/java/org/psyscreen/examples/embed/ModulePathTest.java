package org.psyscreen.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psyscreen on the module path, as an embedder runs it: the engine as the named module
 * {@code org.psyscreen.engine}, the data jars as the modules {@code org.psyscreen.instruments},
 * {@code .norms} and {@code .policies}, and this example as a named module requiring only the
 * engine. A child JVM runs {@code java -p ... -m ...}: the bundle is found, a student is screened,
 * and the library prints nothing of its own. Without the data jars the embedder is told so.
 */
class ModulePathTest {
    record Result(int exit, String out, String err) {}

    /** The test's class path as module-path entries: no test classes or test libraries. */
    static List<Path> modulePath(Path tmp, boolean withData) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            String name = p.toString().replace('\\', '/');
            if (name.endsWith("/test-classes")
                    || name.matches(".*/(junit|opentest4j|apiguardian|assertj|byte-buddy|jacoco)[^/]*\\.jar")) {
                continue;
            }
            String data = dataModule(name);
            if (data != null && !withData) {
                continue;
            }
            if (Files.isDirectory(p) && !Files.exists(p.resolve("module-info.class"))) {
                // A reactor build may hand over target/classes: jar it under its module name.
                p = jar(p, tmp.resolve(data == null ? "dir" + out.size() + ".jar" : data + ".jar"), data);
            }
            out.add(p);
        }
        return out;
    }

    /** The data module a class-path entry holds, from its artifact name, or null. */
    static String dataModule(String entry) {
        for (String m : List.of("instruments", "norms", "policies")) {
            if (entry.matches(".*/psyscreen-" + m + "-[^/]*\\.jar") || entry.endsWith("/" + m + "/target/classes")) {
                return "org.psyscreen." + m;
            }
        }
        return null;
    }

    static Path jar(Path dir, Path jar, String moduleName) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (moduleName != null) {
            mf.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
        }
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(os, mf);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = dir.relativize(f).toString().replace('\\', '/');
                if (entry.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                j.putNextEntry(new ZipEntry(entry));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    /** The data modules, as an embedder names them: nothing requires a data jar, so they are added. */
    static final String DATA = "org.psyscreen.instruments,org.psyscreen.norms,org.psyscreen.policies";

    static Result run(List<Path> modulePath, String addModules) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p",
                String.join(
                        File.pathSeparator,
                        modulePath.stream().map(Path::toString).toList())));
        if (addModules != null) {
            command.addAll(List.of("--add-modules", addModules));
        }
        command.addAll(List.of("-m", "org.psyscreen.examples.embed/org.psyscreen.examples.embed.EmbedExample"));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void anEmbedderOnTheModulePathScreensAStudentAndTheLibraryPrintsNothing(@TempDir Path tmp) throws Exception {
        Result r = run(modulePath(tmp, true), DATA);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err())
                .as("the library prints nothing (no Hibernate Validator start-up line)")
                .isEmpty();
        // Hand-worked: PHQ-A items 1-9 sum to 12; example A fires phqa_high (>= 11) and phqa_watch (>= 5);
        // GAD-7 and SCARED were not answered, so they are follow-ups, never "no risk".
        assertThat(r.out())
                .contains("module: org.psyscreen.engine")
                .contains("phqa: SCORED total 12.0")
                .contains(
                        "tier: high Tier 2: high",
                        "fired: phqa_high",
                        "fired: phqa_watch",
                        "follow-up: NOT_ADMINISTERED")
                .doesNotContain("PSY-1017");
    }

    @Test
    void withoutTheDataJarsTheEmbedderIsToldNotGivenAnEmptyBundle(@TempDir Path tmp) throws Exception {
        for (Result r : List.of(
                run(modulePath(tmp, false), null), // the jars are missing
                run(modulePath(tmp.resolve(".."), true), null))) { // present, but no module reads them
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("PSY-1017", "no bundled instruments", "org.psyscreen.instruments");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void anEmbedderMayRequireTheDataModulesByNameWithoutAWarning(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src/embedder");
        Files.createDirectories(src.resolve("embedder"));
        Files.writeString(
                src.resolve("module-info.java"),
                "module embedder { requires org.psyscreen.engine; requires org.psyscreen.instruments;"
                        + " requires org.psyscreen.norms; requires org.psyscreen.policies; }\n");
        Files.writeString(
                src.resolve("embedder/Main.java"),
                "package embedder; public class Main { public static void main(String[] a) {"
                        + " System.out.println(org.psyscreen.load.Bundle.classPath(Main.class.getClassLoader())"
                        + ".instruments().size()); } }\n");
        String modulePath = String.join(
                File.pathSeparator,
                modulePath(tmp, true).stream().map(Path::toString).toList());
        Process javac = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                        "-Xlint:all",
                        "-p",
                        modulePath,
                        "-d",
                        tmp.resolve("out").toString(),
                        src.resolve("module-info.java").toString(),
                        src.resolve("embedder/Main.java").toString())
                .redirectErrorStream(true)
                .start();
        String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
        boolean ok = javac.exitValue() == 0;
        assertThat(ok).as(diagnostics).isTrue();
        assertThat(diagnostics)
                .as("the data jars are named modules, not automatic ones")
                .doesNotContain("automatic");
    }
}
