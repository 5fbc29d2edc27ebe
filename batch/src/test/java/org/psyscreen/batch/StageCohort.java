package org.psyscreen.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.plan.ScoringPlan;
import org.psyscreen.tier.CutoffPolicy;

/**
 * The SYNTHETIC cohort the batch's stage benchmarks read ({@link ChunkBenchmark}, {@link
 * CsvDecodeBenchmark}): wave 1 of the project's one generator for a bundled policy's instruments, with
 * its awkward records. The same seed gives the same file.
 *
 * <p>{@link #wide} is the shape of a survey platform's export (as {@code benchmarks/e2e/wide_export.py}
 * writes it for the end-to-end runs): CES-D scored beside the policy's instruments, every header the
 * platform's own and renamed by a {@link #mapping}, no test date column.
 */
final class StageCohort {
    /** The bundled instruments, norm tables and policies. */
    static final Bundle BUNDLE = Bundle.classPath(StageCohort.class.getClassLoader());

    final CutoffPolicy policy;
    final Map<String, ScoringPlan> plans;
    /** The file's headers to psyscreen's columns: empty but for the wide export. */
    final Map<String, String> mapping;

    private final int students;
    private final long seed;
    private final boolean wide;

    StageCohort(String policyId, int students, long seed) {
        this(policyId, students, seed, false);
    }

    private StageCohort(String policyId, int students, long seed, boolean wide) {
        this.policy = BUNDLE.policy(policyId).orElseThrow();
        Map<String, ScoringPlan> p = new TreeMap<>(BUNDLE.plansFor(policy));
        if (wide) {
            p.put("cesd", BUNDLE.plan("cesd").orElseThrow());
        }
        this.plans = Map.copyOf(p);
        this.students = students;
        this.seed = seed;
        this.wide = wide;
        Map<String, String> m = new LinkedHashMap<>();
        if (wide) {
            m.put(platform("student_id"), "student_id");
            for (String c : List.of("school", "class", "grade", "sex", "birth_date")) {
                m.put(platform(c), c);
            }
            new TreeMap<>(plans)
                    .forEach((id, plan) -> plan.itemIds().forEach(i -> m.put(platform(id + "." + i), id + "." + i)));
        }
        this.mapping = Map.copyOf(m);
    }

    /** The wide export of a policy's instruments and CES-D (see the class comment). */
    static StageCohort wide(String policyId, int students, long seed) {
        return new StageCohort(policyId, students, seed, true);
    }

    /** Writes the cohort as CSV to {@code file} and returns it. */
    Path write(Path file) throws IOException {
        StringWriter generated = new StringWriter();
        SyntheticCohort.write(generated, plans, students, seed, 1, SyntheticCohort.Hierarchy.SMALL);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (!wide) {
                w.write(generated.toString());
                return file;
            }
            String[] lines = generated.toString().split("\n", -1);
            List<String> header = List.of(lines[0].split(",", -1));
            int testDate = header.indexOf("test_date");
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isEmpty()) {
                    w.write(n == lines.length - 1 ? "" : "\n");
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(lines[n].split(",", -1)));
                if (testDate < cells.size()) {
                    cells.remove(testDate); // no test date column; a short record stays short
                }
                if (n == 0) {
                    cells.replaceAll(StageCohort::platform);
                }
                w.write(String.join(",", cells));
                w.write(n == lines.length - 1 ? "" : "\n");
            }
        }
        return file;
    }

    /** A platform's header for one of psyscreen's columns: each instrument in its own style. */
    private static String platform(String column) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            return switch (column) {
                case "student_id" -> "学号";
                case "school" -> "学校";
                case "class" -> "班级";
                case "grade" -> "年级";
                case "sex" -> "性别";
                case "birth_date" -> "出生日期";
                default -> column;
            };
        }
        String instrument = column.substring(0, dot);
        String item = column.substring(dot + 1);
        if (!item.startsWith("q")) {
            return instrument.toUpperCase(java.util.Locale.ROOT) + "_" + item;
        }
        String n = item.substring(1);
        return switch (instrument) {
            case "phqa" -> "PHQA第" + n + "题";
            case "gad7" -> "GAD7_" + n;
            case "scared" -> "SCARED_Q" + n;
            default -> instrument.toUpperCase(java.util.Locale.ROOT) + "-" + n;
        };
    }
}
