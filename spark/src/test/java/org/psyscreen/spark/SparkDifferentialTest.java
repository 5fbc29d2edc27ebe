package org.psyscreen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.BatchScorer;
import org.psyscreen.cohort.SyntheticCohort;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;

/**
 * Spark against the CLI's batch on the same 200,000-student SYNTHETIC file (with its awkward records:
 * a short row, a duplicated id, an unreadable date, out-of-range codes, full-width digits): every
 * output row and cell equal, counts in == out, the same roll-up, the same output whatever the
 * partition count, and the key nowhere in a plan. Spark 4 in {@code local[2]}; runs with -Pspark.
 */
@Tag("spark")
class SparkDifferentialTest {
    static final int STUDENTS = 200_000;
    static final byte[] KEY =
            HexFormat.of().parseHex("0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000");

    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path input;
    static List<List<String>> cli;
    static String cliRollup;
    static SparkScreening.Job job;

    @BeforeAll
    static void cliRun() throws Exception {
        Bundle bundle = Bundle.classPath(SparkDifferentialTest.class.getClassLoader());
        var policy = bundle.policy("example-a-glad-pc").orElseThrow();
        var plans = bundle.plansFor(policy);
        input = dir.resolve("cohort.csv");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            SyntheticCohort.write(w, plans, STUDENTS, 7L);
        }
        Path out = dir.resolve("cli");
        new BatchScorer(BatchOptions.builder(plans, policy)
                        .norms(bundle.norms())
                        .policyVersions(bundle.policyVersions(policy.id()))
                        .pseudonymizer(Pseudonymizer.of(KEY))
                        .build())
                .run(input, out);
        cli = rows(Files.readString(out.resolve("scores.csv")));
        cliRollup = Files.readString(out.resolve("rollup.csv"));
        job = new SparkScreening.Job("example-a-glad-pc", Map.of(), KEY);
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("psyscreen-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static List<List<String>> rows(String csv) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord rec : r) {
                out.add(rec.getFields());
            }
        }
        return out.subList(1, out.size());
    }

    static List<List<String>> collect(Dataset<Row> scored) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : scored.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                cells.add(r.isNullAt(i) ? "" : r.getString(i));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void everyRowAndCellEqualsTheClisAndTheRollupToo() throws Exception {
        Dataset<Row> scored =
                SparkScreening.scoreCsv(spark, input.toString(), job).cache();
        List<List<String>> mine = collect(scored);
        assertThat(mine).hasSize(STUDENTS).hasSameSizeAs(cli);
        for (int i = 0; i < mine.size(); i++) {
            assertThat(mine.get(i)).as("record " + (i + 1)).isEqualTo(cli.get(i));
        }
        assertThat(mine.get(17).get(8))
                .as("the short row is flagged as the CLI flags it")
                .contains("PSY-2101");
        assertThat(SparkScreening.rollup(scored, job, 10)).isEqualTo(cliRollup);
    }

    @Test
    void theOutputDoesNotDependOnThePartitionCount() throws Exception {
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        try {
            spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(2 << 20)); // ~18 partitions
            Dataset<Row> scored = SparkScreening.scoreCsv(spark, input.toString(), job);
            assertThat(scored.rdd().getNumPartitions()).isGreaterThan(4);
            assertThat(collect(scored)).isEqualTo(cli);
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
    }

    @Test
    void theKeyAndRawIdsAreInNoPlanString() throws Exception {
        Dataset<Row> scored = SparkScreening.scoreCsv(spark, input.toString(), job);
        String plan = scored.queryExecution().toString() + scored.rdd().toDebugString();
        assertThat(plan).doesNotContain(HexFormat.of().formatHex(KEY)).doesNotContain("G4401");
        assertThat(job.toString()).isEqualTo("Job[policy example-a-glad-pc, 0 own file(s), keyed]");
        assertThat(collect(scored.limit(5)))
                .allSatisfy(r -> assertThat(r.get(2)).startsWith("ps1."));
    }

    @Test
    void parquetOutIsPartitionedByRegionAndSchoolYearAndTypedSourcesScoreToo() throws Exception {
        Dataset<Row> scored = SparkScreening.scoreCsv(spark, input.toString(), job);
        Path parquet = dir.resolve("parquet");
        SparkScreening.writeParquet(scored, parquet.toString(), "2026-2027");
        Dataset<Row> back = spark.read().parquet(parquet.toString());
        assertThat(back.count()).isEqualTo(STUDENTS);
        try (var s = Files.walk(parquet)) {
            assertThat(s.anyMatch(p -> p.toString().contains("school_year=2026-2027")))
                    .isTrue();
        }
        // Parquet is for machines: text as it was read, without scores.csv's spreadsheet marks
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8).subList(0, 6);
        int school = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("school");
        String[] first = lines.get(1).split(",", -1);
        first[school] = "=SUM(1)";
        List<String> marked = new java.util.ArrayList<>(lines);
        marked.set(1, String.join(",", first));
        Path small = Files.write(dir.resolve("marked.csv"), marked, StandardCharsets.UTF_8);
        Dataset<Row> markedRows = SparkScreening.scoreCsv(spark, small.toString(), job);
        assertThat(markedRows.select("school").first().getString(0)).isEqualTo("'=SUM(1)"); // as scores.csv
        Path markedParquet = dir.resolve("marked-parquet");
        SparkScreening.writeParquet(markedRows, markedParquet.toString(), "2026-2027");
        assertThat(spark.read()
                        .parquet(markedParquet.toString())
                        .select("school")
                        .collectAsList())
                .extracting(r -> r.getString(0))
                .contains("=SUM(1)")
                .noneMatch(v -> v.startsWith("'="));
        // A typed source (here Spark's own CSV reader, every column a string): equal to the CLI on every
        // record but the short row, whose missing fields Spark's reader fills with nulls.
        Dataset<Row> typed = spark.read().option("header", true).csv(input.toString());
        List<List<String>> mine = collect(SparkScreening.score(typed, job));
        assertThat(mine).hasSameSizeAs(cli);
        for (int i = 0; i < mine.size(); i++) {
            if (i != 17) {
                assertThat(mine.get(i)).as("record " + (i + 1)).isEqualTo(cli.get(i));
            }
        }
    }
}
