package org.psyscreen.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.psyscreen.batch.BatchOptions;
import org.psyscreen.batch.RecordScorer;
import org.psyscreen.load.Bundle;
import org.psyscreen.privacy.Pseudonymizer;
import org.psyscreen.tier.CutoffPolicy;
import scala.Tuple2;

/**
 * psyscreen on Apache Spark: a {@code Dataset<Row>} of responses in psyscreen's columns (from CSV,
 * Parquet, ORC or a table) in, a {@code Dataset<Row>} with the columns and cells of {@code scores.csv}
 * out — one output row per input row, in input order, record problems as columns, never a dropped
 * row. Each executor JVM compiles the plans once (from the bundled definitions on its class path and
 * the job's own files, shipped as bytes) and scores its partitions with the batch's
 * {@link RecordScorer}, so the cells equal the CLI's. Ids that occur more than once are found by a
 * Spark aggregation first. Pseudonyms are made inside the job with the job's key; the key is never
 * in a column, a plan string or the Spark UI.
 *
 * <p>For CSV files, {@link #scoreCsv} reads lines as text and splits them as the CLI does (Spark's
 * own CSV reader pads short rows with nulls and drops extra fields, which would hide a shifted row);
 * typed sources go through {@link #score}.
 */
public final class SparkScreening {

    private SparkScreening() {}

    /**
     * A screening job: what every executor needs, serialisable, the key never printed.
     *
     * @param policyId the tier policy
     * @param files the job's own definitions, norm tables and policies (file name → bytes), or none
     * @param key the pseudonym key, or {@code null} for raw ids
     */
    public record Job(String policyId, Map<String, byte[]> files, byte[] key) implements Serializable {
        /**
         * Copies the files and the key.
         *
         * @param policyId the tier policy
         * @param files the job's own definitions, norm tables and policies (file name → bytes), or none
         * @param key the pseudonym key, or {@code null} for raw ids
         */
        public Job {
            files = Map.copyOf(files);
            key = key == null ? null : key.clone();
        }

        @Override
        public String toString() {
            return "Job[policy " + policyId + ", " + files.size() + " own file(s), "
                    + (key == null ? "no key" : "keyed") + "]";
        }

        /** A stable id of the job's definitions, for the per-JVM cache. */
        String fingerprint() {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(policyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (var e : new java.util.TreeMap<>(files).entrySet()) {
                    d.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    d.update(e.getValue());
                }
                if (key != null) {
                    d.update(key);
                }
                return HexFormat.of().formatHex(d.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Options compiled once per JVM and job. */
    private static final Map<String, BatchOptions> COMPILED = new ConcurrentHashMap<>();

    static BatchOptions options(Job job) {
        return COMPILED.computeIfAbsent(job.fingerprint(), f -> compile(job));
    }

    private static BatchOptions compile(Job job) {
        Bundle.Builder b = Bundle.builder().classPath(SparkScreening.class.getClassLoader());
        if (!job.files().isEmpty()) {
            try {
                Path dir = Files.createTempDirectory("psyscreen-bundle");
                for (var e : job.files().entrySet()) {
                    Files.write(dir.resolve(Path.of(e.getKey()).getFileName().toString()), e.getValue());
                }
                b.folder(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Bundle bundle = b.build();
        CutoffPolicy policy = bundle.policy(job.policyId())
                .orElseThrow(() -> new IllegalArgumentException("no policy '" + job.policyId() + "' in the bundle"));
        var plans = bundle.plansFor(policy);
        BatchOptions o = BatchOptions.builder(plans, policy)
                .norms(bundle.norms())
                .policyVersions(bundle.policyVersions(policy.id()))
                .build();
        return job.key() == null
                ? o
                : o.toBuilder().pseudonymizer(Pseudonymizer.of(job.key())).build();
    }

    /**
     * Scores every row of a typed source (Parquet, ORC, a table, a DataFrame). The output has the
     * columns of {@code scores.csv}, all strings, one row per input row in input order ({@code record}
     * 1, 2, …; {@code line} = record + 1, as a CSV file with a header would number it).
     *
     * @param responses the responses, one row per student, columns named as a CSV header would be
     * @param job the policy, files and key every executor uses
     * @return one scored row per input row
     * @throws RecordScorer.HeaderRefused when the columns cannot be scored (a missing or doubled column)
     */
    public static Dataset<Row> score(Dataset<Row> responses, Job job) throws RecordScorer.HeaderRefused {
        List<String> header = Arrays.asList(responses.columns());
        JavaRDD<Tuple2<String[], Long>> records = responses
                .toJavaRDD()
                .zipWithIndex()
                .map(t -> {
                    String[] fields = new String[header.size()];
                    for (int i = 0; i < fields.length; i++) {
                        Object v = t._1().get(i);
                        fields[i] = v == null ? "" : v.toString();
                    }
                    return new Tuple2<>(fields, t._2() + 2);
                });
        return scoreRecords(responses.sparkSession(), header, records, job);
    }

    /**
     * Scores a CSV file (UTF-8, a header, one record per line) read as text, each line split as the
     * CLI splits it: a row with fewer or more fields than the header is flagged exactly as the CLI
     * flags it (the batch's own CSV reader and settings, {@link RecordScorer#fields}), blank lines are
     * skipped, and {@code record} and {@code line} equal the CLI's.
     *
     * @param spark the session
     * @param path the CSV file or folder of files
     * @param job the policy, files and key every executor uses
     * @return one scored row per record
     * @throws RecordScorer.HeaderRefused when the header cannot be scored
     */
    public static Dataset<Row> scoreCsv(SparkSession spark, String path, Job job) throws RecordScorer.HeaderRefused {
        JavaRDD<Tuple2<String, Long>> lines =
                spark.read().textFile(path).toJavaRDD().zipWithIndex().map(t -> new Tuple2<>(t._1(), t._2() + 1));
        String first = lines.first()._1();
        List<String> header =
                Arrays.asList(RecordScorer.fields(first.startsWith("\uFEFF") ? first.substring(1) : first));
        JavaRDD<Tuple2<String[], Long>> records = lines.filter(t -> t._2() > 1 && !t._1().isBlank())
                .map(t -> new Tuple2<>(RecordScorer.fields(t._1()), t._2()));
        return scoreRecords(spark, header, records, job);
    }

    /** Scores records given as fields and the line each starts on, in input order. */
    private static Dataset<Row> scoreRecords(
            SparkSession spark, List<String> header, JavaRDD<Tuple2<String[], Long>> records, Job job)
            throws RecordScorer.HeaderRefused {
        // The header is checked on the driver first: a refused file fails before any task runs.
        List<String> columns =
                RecordScorer.open(options(job), header, new long[0]).columns();
        int idColumn = header.indexOf("student_id");
        long[] duplicated = idColumn < 0 ? new long[0] : duplicatedIds(records, idColumn);
        StructType schema = new StructType(columns.stream()
                .map(c -> new StructField(c, DataTypes.StringType, true, org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
        JavaRDD<Row> out = records.zipWithIndex().mapPartitions(rows -> {
            RecordScorer scorer = RecordScorer.open(options(job), header, duplicated);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Tuple2<Tuple2<String[], Long>, Long> t = rows.next();
                    long record = t._2() + 1;
                    return RowFactory.create(
                            scorer.score(record, t._1()._2(), t._1()._1()).toArray());
                }
            };
        });
        return spark.createDataFrame(out, schema);
    }

    /** The id hashes that occur more than once, by a Spark aggregation. */
    private static long[] duplicatedIds(JavaRDD<Tuple2<String[], Long>> records, int idColumn) {
        List<Long> hashes = records.map(t -> RecordScorer.idHash(idColumn < t._1().length ? t._1()[idColumn] : ""))
                .filter(h -> h != 0)
                .mapToPair(h -> new Tuple2<>(h, 1L))
                .reduceByKey(Long::sum)
                .filter(t -> t._2() > 1)
                .keys()
                .collect();
        return hashes.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * {@code rollup.csv} of scored rows: counted in Spark by region, school, grade, class and tier,
     * suppressed on the driver with the batch's roll-up (the same bytes as the CLI's). Rows of a
     * header repeated inside the input are not students and are not counted.
     *
     * @param scored rows {@link #score} or {@link #scoreCsv} gave
     * @param job the job they were scored with
     * @param k the smallest count published
     * @return the roll-up as CSV text
     * @throws IOException when the roll-up cannot be written
     */
    public static String rollup(Dataset<Row> scored, Job job, int k) throws IOException {
        CutoffPolicy policy = options(job).policy();
        List<String> outcomes = policy.outcomeIds();
        String repeated = org.psyscreen.diagnostic.ProblemCode.ROW_HEADER_REPEATED.id();
        List<Row> counts = scored.filter(org.apache.spark.sql.functions.not(
                        org.apache.spark.sql.functions.col("problems").contains(repeated)))
                .groupBy("region", "school", "grade", "class", "tier")
                .count()
                .collectAsList();
        org.psyscreen.batch.RollupTable table = new org.psyscreen.batch.RollupTable(outcomes);
        for (Row r : counts) {
            table.add(
                    unsafe(r.getString(0)),
                    unsafe(r.getString(1)),
                    unsafe(r.getString(2)),
                    unsafe(r.getString(3)),
                    r.getString(4) == null ? "" : r.getString(4),
                    r.getLong(5));
        }
        java.io.StringWriter w = new java.io.StringWriter();
        table.write(w, k);
        return w.toString();
    }

    /** The text columns scores.csv makes spreadsheet-safe ({@code ScoresCsv} writes these with marks). */
    private static final List<String> MARKED_COLUMNS = List.of("student", "school", "class", "grade", "sex", "region");

    /** scores.csv cells are spreadsheet-safe ('=x); the roll-up makes them safe itself. */
    private static String unsafe(String cell) {
        return cell == null ? "" : org.psyscreen.student.Cells.fromSpreadsheetSafe(cell);
    }

    /**
     * Writes scored rows as Parquet partitioned by region and school year (replacing what is there),
     * the layout provincial platforms read by region and year. Parquet is read by machines, not opened
     * in a spreadsheet: the text columns hold what was read, without the spreadsheet marks
     * {@code scores.csv} adds ({@link org.psyscreen.student.Cells#fromSpreadsheetSafe}, done in Spark).
     *
     * @param scored rows {@link #score} or {@link #scoreCsv} gave
     * @param path the folder to write
     * @param schoolYear the school year the rows are of, e.g. {@code 2026-2027}
     */
    public static void writeParquet(Dataset<Row> scored, String path, String schoolYear) {
        Dataset<Row> plain = scored;
        for (String c : MARKED_COLUMNS) {
            // the inverse of Cells.spreadsheetSafe: one apostrophe before a marked first character
            plain = plain.withColumn(
                    c,
                    org.apache.spark.sql.functions.regexp_replace(
                            org.apache.spark.sql.functions.col(c), "^'(?=[=+\\-@\\t\\r\\x00'])", ""));
        }
        plain.withColumn("school_year", org.apache.spark.sql.functions.lit(schoolYear))
                .write()
                .mode(org.apache.spark.sql.SaveMode.Overwrite)
                .partitionBy("region", "school_year")
                .parquet(path);
    }
}
