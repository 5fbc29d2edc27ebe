package org.psyscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --records DB} leaves the store exactly as {@code score} followed by
 * {@code records import} does: every table, row for row, but the clock columns ({@code *_at}).
 */
class ScoreIntoRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void scoreWithRecordsEqualsScoreThenImport() throws Exception {
        String key = tmp.resolve("k.key").toString();
        assertThat(MainTest.run("key", key).exit()).isZero();
        String cohort = Readme.ROOT.resolve("examples/demo/cohort.csv").toString();
        Path together = tmp.resolve("together.db");
        MainTest.Run one = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                key,
                "--records",
                together.toString(),
                "--wave",
                "w1",
                "--out",
                tmp.resolve("run1").toString(),
                cohort);
        assertThat(one.exit()).as(one.err()).isZero();

        Path apart = tmp.resolve("apart.db");
        MainTest.Run score = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                key,
                "--out",
                tmp.resolve("run2").toString(),
                cohort);
        assertThat(score.exit()).as(score.err()).isZero();
        MainTest.Run imported = MainTest.run(
                "records",
                "import",
                "--db",
                apart.toString(),
                "--wave",
                "w1",
                tmp.resolve("run2").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        Map<String, List<List<Object>>> a = tables(together);
        Map<String, List<List<Object>>> b = tables(apart);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("screening", "decision", "warning_case");
        assertThat(a.get("screening")).hasSize(2000);
        for (String table : a.keySet()) {
            assertThat(a.get(table)).as(table).isEqualTo(b.get(table));
        }
    }

    /**
     * The store is written while the run scores, so a store that would refuse the run (another key)
     * refuses it before anything is published; and the audit trail is no longer needed for it.
     */
    @Test
    void aStoreThatRefusesTheRunRefusesItBeforeAnythingIsPublished() throws Exception {
        String cohort = Readme.ROOT.resolve("examples/demo/cohort.csv").toString();
        String k1 = tmp.resolve("k1.key").toString();
        String k2 = tmp.resolve("k2.key").toString();
        assertThat(MainTest.run("key", k1).exit()).isZero();
        assertThat(MainTest.run("key", k2).exit()).isZero();
        Path db = tmp.resolve("store.db");
        MainTest.Run first = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                k1,
                "--outputs",
                "csv",
                "--records",
                db.toString(),
                "--wave",
                "w1",
                "--out",
                tmp.resolve("first").toString(),
                cohort);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("2000");
        assertThat(tmp.resolve("first/scores.jsonl")).doesNotExist();

        MainTest.Run other = MainTest.run(
                "score",
                "--policy",
                "example-a-glad-pc",
                "--key",
                k2,
                "--records",
                db.toString(),
                "--wave",
                "w2",
                "--out",
                tmp.resolve("second").toString(),
                cohort);
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("nothing was scored").contains("key");
        assertThat(tmp.resolve("second/summary.json")).doesNotExist();
        assertThat(tables(db).get("wave")).hasSize(1);
    }

    /** Every table's rows in one order, without the columns that hold the time something happened. */
    private static Map<String, List<List<Object>>> tables(Path db) throws Exception {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'flyway%'"
                            + " ORDER BY name")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String t : names) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM " + t)) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            String column = r.getMetaData().getColumnName(i);
                            // the clock, and the audit log's hash, which chains the clock in
                            if (!column.endsWith("_at") && !column.equals("at") && !column.equals("hash")) {
                                row.add(r.getObject(i));
                            }
                        }
                        rows.add(row);
                    }
                }
                rows.sort(java.util.Comparator.comparing(Object::toString));
                out.put(t, rows);
            }
        }
        return out;
    }
}
