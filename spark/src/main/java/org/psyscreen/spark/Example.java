package org.psyscreen.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a response file on Spark and writes Parquet (partitioned by region and school year), CSV and
 * the roll-up. Usage: {@code Example INPUT.csv OUT_DIR [POLICY [SCHOOL_YEAR [KEY_FILE]]]}; the master
 * comes from spark-submit, or {@code local[*]} when run directly.
 */
public final class Example {
    private Example() {}

    /**
     * Scores a CSV file and writes its scores, roll-up and Parquet.
     *
     * @param args INPUT.csv OUT_DIR [POLICY [SCHOOL_YEAR [KEY_FILE]]]
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Example INPUT.csv OUT_DIR [POLICY [SCHOOL_YEAR [KEY_FILE]]]");
            System.exit(2);
        }
        String policy = args.length > 2 ? args[2] : "example-a-glad-pc";
        String year = args.length > 3 ? args[3] : "2026-2027";
        byte[] key = args.length > 4 ? Files.readAllBytes(Path.of(args[4])) : null;
        SparkSession.Builder b = SparkSession.builder().appName("psyscreen");
        if (!System.getProperties().containsKey("spark.master")) {
            b.master("local[*]");
        }
        SparkSession spark = b.config("spark.ui.enabled", "false").getOrCreate();
        try {
            SparkScreening.Job job = new SparkScreening.Job(policy, Map.of(), key);
            Dataset<Row> scored = SparkScreening.scoreCsv(spark, args[0], job).cache();
            long in = spark.read()
                            .textFile(args[0])
                            .filter((org.apache.spark.api.java.function.FilterFunction<String>) l -> !l.isBlank())
                            .count()
                    - 1;
            long out = scored.count();
            Path dir = Path.of(args[1]);
            SparkScreening.writeParquet(scored, dir.resolve("parquet").toString(), year);
            scored.coalesce(1)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("header", true)
                    .csv(dir.resolve("csv").toString());
            Files.writeString(
                    dir.resolve("rollup.csv"), SparkScreening.rollup(scored, job, 10), StandardCharsets.UTF_8);
            System.out.println("psyscreen on Spark: " + in + " records in, " + out + " out"
                    + (in == out ? " — every record accounted for" : " — MISMATCH")
                    + "; Parquet, CSV and rollup.csv in " + dir);
            if (in != out) {
                System.exit(1);
            }
        } finally {
            spark.stop();
        }
    }
}
