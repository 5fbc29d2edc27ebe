package org.psyscreen.batch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.psyscreen.testing.Demo;
import org.psyscreen.testing.DemoPolicy;

/** Synthetic response files over the demo instrument, and the options to score them. */
final class BatchFixtures {
    static final String HEADER = "student_id,school,class,grade,sex,birth_date,test_date,"
            + "demo.q1,demo.q2,demo.q3,demo.q4,demo.q5,demo.q6,demo.l1,demo.l2,demo.l3,demo.danger";

    private BatchFixtures() {}

    static BatchOptions options() {
        return new BatchOptions(
                Map.of("demo", Demo.PLAN),
                DemoPolicy.POLICY,
                Map.of(DemoPolicy.TOTAL_NORMS.definition().id(), DemoPolicy.TOTAL_NORMS),
                null,
                null,
                2,
                64,
                null,
                List.of(),
                false,
                null,
                null);
    }

    /** A complete low row for a student id. */
    static String row(String id) {
        return id + ",S1,C1,5,female,2016-03-01,2026-09-01,0,1,3,0,1,0,0,0,0,0";
    }

    static Path write(Path dir, String name, String content) throws Exception {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content, Charset cs) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        PlainCsvTest.assertReadersAgree(p, 7); // every file a batch test scores also checks the fast path
        return p;
    }

    /** A seeded cohort of {@code n} students with realistic answers and a few awkward ones. */
    static String cohort(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < n; i++) {
            sb.append("G")
                    .append(1000000 + i)
                    .append(",S")
                    .append(r.nextInt(5))
                    .append(",C")
                    .append(r.nextInt(8))
                    .append(',')
                    .append(4 + r.nextInt(9))
                    .append(',')
                    .append(r.nextBoolean() ? "female" : "male")
                    .append(",2012-0")
                    .append(1 + r.nextInt(9))
                    .append("-15,2026-09-15");
            double sev = r.nextDouble();
            for (int q = 0; q < 10; q++) {
                int max = q >= 6 && q <= 8 ? 1 : 3;
                double u = r.nextDouble();
                String v = u < 0.02
                        ? ""
                        : u < 0.03
                                ? "4"
                                : Integer.toString((int) Math.min(
                                        max,
                                        Math.round(
                                                sev * max + r.nextGaussian() * 0.7 < 0
                                                        ? 0
                                                        : sev * max + r.nextGaussian() * 0.7)));
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Starts a child JVM (same class path, {@code jvmOptions} first) that scores {@code in} into
     * {@code out} with {@link KillTarget}; its output and errors come back on one stream.
     */
    static Process scoreInChildJvm(Path in, Path out, String... jvmOptions) throws IOException {
        return scoreInChildJvmPausing(in, out, "", jvmOptions);
    }

    /**
     * Everything this JVM runs with, as one class path: the tests run on the module path (the module,
     * its dependencies, the test classes patched in), and the child needs all of it on its class path.
     */
    private static String childClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {System.getProperty("java.class.path"), System.getProperty("jdk.module.path")}) {
            if (p != null && !p.isEmpty()) {
                parts.add(p);
            }
        }
        try {
            parts.add(Path.of(KillTarget.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** As above, pausing at publishing step {@code pauseAt} (empty: none) after saying {@code AT <step>}. */
    static Process scoreInChildJvmPausing(Path in, Path out, String pauseAt, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(
                List.of("-cp", childClassPath(), KillTarget.class.getName(), in.toString(), out.toString(), pauseAt));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
