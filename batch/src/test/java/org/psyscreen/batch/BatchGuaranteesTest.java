package org.psyscreen.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.privacy.Pseudonymizer;

/** Determinism, privacy and crash safety of batch runs. */
class BatchGuaranteesTest {
    @TempDir
    Path dir;

    @Test
    void outputBytesDoNotDependOnThreadsChunksLocaleOrTimeZone() throws Exception {
        Path in = BatchFixtures.write(dir, "cohort.csv", BatchFixtures.cohort(3000, 42));
        BatchOptions base = BatchFixtures.options();
        new BatchScorer(base.toBuilder().threads(1).build()).run(in, dir.resolve("a"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            new BatchScorer(new BatchOptions(
                            base.plans(),
                            base.policy(),
                            base.norms(),
                            base.mapping(),
                            null,
                            4,
                            7,
                            null,
                            List.of(),
                            false,
                            null,
                            null))
                    .run(in, dir.resolve("b"));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        for (String f : List.of("scores.csv", "scores.jsonl", "rollup.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
        assertThat(Files.readAllLines(dir.resolve("a/scores.csv"))).hasSize(3001);
    }

    @Test
    void rollUpsPublishNoSmallCellAndNoSingleHiddenCellInAnyEquation() throws Exception {
        Path in = BatchFixtures.write(dir, "cohort.csv", BatchFixtures.cohort(3000, 11));
        RunSummary s = new BatchScorer(BatchFixtures.options()).run(in, dir.resolve("out"));
        assertThat(s.outputs()).contains("rollup.csv");
        List<de.siegmar.fastcsv.reader.NamedCsvRecord> rows = new java.util.ArrayList<>();
        try (var r = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(dir.resolve("out/rollup.csv"))) {
            r.forEach(rows::add);
        }
        List<String> cols = List.of("t1", "t2", "t3", "unevaluated", "none");
        assertThat(rows).isNotEmpty();
        java.util.Map<String, de.siegmar.fastcsv.reader.NamedCsvRecord> byPath = new java.util.HashMap<>();
        long hiddenCells = 0;
        for (var row : rows) {
            byPath.put(path(row), row);
            int hiddenInRow = 0;
            for (String c : cols) {
                String v = row.getField(c);
                if (v.equals("*")) {
                    hiddenInRow++;
                    hiddenCells++;
                } else {
                    assertThat(Long.parseLong(v))
                            .as("published cell %s %s", path(row), c)
                            .matches(x -> x == 0 || x >= 10);
                }
            }
            String total = row.getField("students");
            if (!total.equals("*")) {
                assertThat(Long.parseLong(total)).isGreaterThanOrEqualTo(10);
                assertThat(hiddenInRow)
                        .as("row %s: one hidden cell beside a published total", path(row))
                        .isNotEqualTo(1);
            }
        }
        assertThat(hiddenCells)
                .as("the cohort has small classes, so something is hidden")
                .isPositive();
        for (var parent : rows) {
            for (String c : cols) {
                if (parent.getField(c).equals("*")) {
                    continue;
                }
                long hiddenChildren = rows.stream()
                        .filter(ch -> parentPath(ch).equals(path(parent)))
                        .filter(ch -> ch.getField(c).equals("*"))
                        .count();
                assertThat(hiddenChildren)
                        .as("parent %s column %s", path(parent), c)
                        .isNotEqualTo(1);
            }
        }
    }

    /**
     * Issue 27, case 4: the whole published roll-up, solved as an attacker would (every equation at
     * once: published totals, and every column of every parent as the sum of its children), determines
     * no hidden cell and no hidden total — with a school of three students beside schools of hundreds,
     * whose count was once the region's total less the others'.
     */
    @Test
    void noHiddenCellOrTotalOfTheRollupFollowsFromThePublishedOnes() throws Exception {
        String cohort = BatchFixtures.cohort(3000, 11);
        StringBuilder tiny = new StringBuilder(cohort);
        String[] lines = cohort.split("\n");
        for (int i = 1; i <= 3; i++) {
            tiny.append(lines[i].replaceFirst("^G(\\d+),S\\d,", "G9$1,TINY,")).append('\n');
        }
        Path in = BatchFixtures.write(dir, "tiny.csv", tiny.toString());
        new BatchScorer(BatchFixtures.options()).run(in, dir.resolve("tiny-out"));
        List<de.siegmar.fastcsv.reader.NamedCsvRecord> rows = new java.util.ArrayList<>();
        try (var r =
                de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(dir.resolve("tiny-out/rollup.csv"))) {
            r.forEach(rows::add);
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.getField("school")).isEqualTo("TINY"));
        List<String> cols = List.of("t1", "t2", "t3", "unevaluated", "none");
        java.util.Map<String, Integer> unit = new java.util.HashMap<>();
        for (int u = 0; u < rows.size(); u++) {
            unit.put(path(rows.get(u)), u);
        }
        int[][] var = new int[rows.size()][cols.size()];
        int n = 0;
        for (int u = 0; u < rows.size(); u++) {
            for (int c = 0; c < cols.size(); c++) {
                var[u][c] = rows.get(u).getField(cols.get(c)).equals("*") ? n++ : -1;
            }
        }
        List<double[]> equations = new java.util.ArrayList<>();
        List<double[]> targets = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int u = 0; u < rows.size(); u++) {
            double[] sum = new double[n];
            for (int c = 0; c < cols.size(); c++) {
                if (var[u][c] >= 0) {
                    sum[var[u][c]] = 1;
                    double[] cell = new double[n];
                    cell[var[u][c]] = 1;
                    targets.add(cell);
                    names.add(path(rows.get(u)) + " " + cols.get(c));
                }
            }
            if (rows.get(u).getField("students").equals("*")) {
                targets.add(sum);
                names.add(path(rows.get(u)) + " students");
            } else {
                equations.add(sum);
            }
        }
        for (int p = 0; p < rows.size(); p++) {
            String parentPath = path(rows.get(p));
            List<Integer> children = new java.util.ArrayList<>();
            for (int ch = 0; ch < rows.size(); ch++) {
                if (parentPath(rows.get(ch)).equals(parentPath)) {
                    children.add(ch);
                }
            }
            if (children.isEmpty()) {
                continue;
            }
            for (int c = 0; c < cols.size(); c++) {
                double[] e = new double[n];
                if (var[p][c] >= 0) {
                    e[var[p][c]] = -1;
                }
                for (int ch : children) {
                    if (var[ch][c] >= 0) {
                        e[var[ch][c]] = 1;
                    }
                }
                equations.add(e);
            }
        }
        List<Integer> found = org.psyscreen.testing.Disclosure.determined(equations, targets, n);
        assertThat(found.stream().map(names::get).toList())
                .as("hidden figures the published ones determine")
                .isEmpty();
        assertThat(n).as("something is hidden").isPositive();
    }

    static String path(de.siegmar.fastcsv.reader.NamedCsvRecord r) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("region", "school", "grade", "class")) {
            if (!r.getField(f).isEmpty()) {
                sb.append('/').append(r.getField(f));
            }
        }
        return sb.toString();
    }

    static String parentPath(de.siegmar.fastcsv.reader.NamedCsvRecord r) {
        String p = path(r);
        int cut = p.lastIndexOf('/');
        return cut <= 0 ? "" : p.substring(0, cut);
    }

    @Test
    void withAKeyNoRawIdNameOrAnswerSentinelAppearsAnywhere() throws Exception {
        String sentinelId = "G9990001SENTINEL";
        String sentinelSchool = "SCHOOLSENTINEL";
        String content = BatchFixtures.HEADER + "\n" + BatchFixtures.row(sentinelId) + "\n"
                + BatchFixtures.row(sentinelId) + "\n" // a duplicate: problems name it by code only
                + BatchFixtures.row("G2")
                        .replace(",S1,", "," + sentinelSchool + ",")
                        .replace(",0,1,3,0,1,0,", ",QSENTINEL,1,3,0,1,0,")
                + "\n";
        Path in = BatchFixtures.write(dir, "in.csv", content);
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        Pseudonymizer p = Pseudonymizer.of(key);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        RunSummary s;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            s = new BatchScorer(
                            BatchFixtures.options().toBuilder().pseudonymizer(p).build())
                    .run(in, dir.resolve("out"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String csv = Files.readString(dir.resolve("out/scores.csv"));
        String jsonl = Files.readString(dir.resolve("out/scores.jsonl"));
        String summary = Files.readString(dir.resolve("out/summary.json"));
        for (String text : List.of(csv, jsonl, summary, captured.toString(StandardCharsets.UTF_8), s.toString())) {
            assertThat(text)
                    .doesNotContain(sentinelId)
                    .doesNotContain("QSENTINEL")
                    .doesNotContain(new String(key, StandardCharsets.ISO_8859_1));
        }
        assertThat(summary).doesNotContain(sentinelSchool);
        assertThat(csv).contains(p.token(sentinelId)).contains("PSY-2105");
        assertThat(p.token(" ｇ9990001sentinel "))
                .as("canonical ids share a token")
                .isEqualTo(p.token(sentinelId));
        assertThat(p.token(sentinelId)).matches("ps1\\.[0-9a-f]{8}\\.[0-9a-f]{32}");
        assertThat(summary).contains("\"keyId\":\"" + p.keyId() + "\"");
    }

    @Test
    void hmacMatchesTheRfc4231TestVector() throws Exception {
        // RFC 4231 test case 2 uses a short key; case 6/7 use 131-byte keys. Case 7: key = 0xaa * 131.
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        String data =
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be"
                        + " hashed before being used by the HMAC algorithm.";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        String expected = "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2";
        assertThat(java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(expected);
        // A token is the first 128 bits of that MAC over the canonical (trimmed, upper-case) id.
        String canonical = Pseudonymizer.canonical(data);
        byte[] full = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(Pseudonymizer.of(key).token(data))
                .endsWith("." + java.util.HexFormat.of().formatHex(full, 0, 16));
    }
}
