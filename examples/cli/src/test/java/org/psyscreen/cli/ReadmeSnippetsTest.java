package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java snippet of the READMEs compiles and runs as written (issue 26). A snippet is a
 * {@code ```java} block: its {@code import} lines, then statements. The test puts the statements in
 * a {@code main} method, compiles it against the jars an embedder depends on (engine, batch, records,
 * validation, report and the data jars), and runs it in a new JVM from the repository root, so the
 * paths a snippet names are the repository's. Spark's README snippet needs a Spark session and is
 * left to that module.
 */
class ReadmeSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> READMES = List.of(
            "README.md",
            "engine/README.md",
            "batch/README.md",
            "records/README.md",
            "report/README.md",
            "validation/README.md",
            "norms/README.md",
            "instruments/README.md",
            "policies/README.md");

    record Snippet(String readme, int number, String code) {
        @Override
        public String toString() {
            return readme + " snippet " + number;
        }
    }

    static Stream<Snippet> snippets() throws IOException {
        List<Snippet> out = new ArrayList<>();
        for (String readme : READMES) {
            Path file = Readme.ROOT.resolve(readme);
            if (!Files.exists(file)) {
                continue;
            }
            Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
            int n = 0;
            while (m.find()) {
                out.add(new Snippet(readme, ++n, m.group(1)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void compilesAndRunsAsWritten(Snippet snippet, @TempDir Path dir) throws Exception {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.code().split("\n", -1)) {
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
            } else {
                body.append("        ").append(line).append('\n');
            }
        }
        String source = imports
                + "\npublic final class Snippet {\n    public static void main(String[] args) throws Exception {\n"
                + body + "    }\n}\n";
        Path src = dir.resolve("Snippet.java");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        String classPath = System.getProperty("java.class.path");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-classpath", classPath, "-d", dir.toString(), "-encoding", "UTF-8", "-Xlint:none"),
                        null,
                        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjects(src.toFile()))
                .call();
        assertThat(compiled)
                .as("%s compiles:\n%s\n%s", snippet, diagnostics, source)
                .isTrue();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", dir + File.pathSeparator + classPath, "Snippet")
                .directory(Readme.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s runs:\n%s", snippet, output).isZero();
        assertThat(output)
                .as("%s prints nothing (the library prints nothing)", snippet)
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theReadmesHaveSnippetsToRun() throws IOException {
        assertThat(snippets().map(Snippet::readme)).contains("README.md", "records/README.md");
        assertThat(snippets().count()).isGreaterThanOrEqualTo(4);
    }
}
