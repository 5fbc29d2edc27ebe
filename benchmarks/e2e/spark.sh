#!/usr/bin/env bash
# Spark's overhead on one machine: the CLI (scores.csv + rollup.csv) against psyscreen-spark's Example
# (Spark 4, local[2]: scores as CSV, Parquet by region and school year, rollup.csv) on the same SYNTHETIC
# cohort, wall time and peak RSS from /usr/bin/time -v, one run each, interleaved REPS times.
# Usage (from the repository root, after ./mvnw -q -B install -DskipTests):
#   benchmarks/e2e/spark.sh [N]        default N = 1000000
set -euo pipefail
N=${1:-1000000}
REPS=${REPS:-1}
W=${WORK:-target/e2e}
JAR=examples/cli/target/psyscreen.jar
mkdir -p "$W"
IN="$W/cohort-$N.csv"
[ -f "$IN" ] || java -jar "$JAR" generate-cohort --policy example-a-glad-pc --students "$N" --seed 1 "$IN" > /dev/null
CP=$(./mvnw -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
OPENS=$(./mvnw -q -B -pl spark help:evaluate -Dexpression=spark.test.jvm -DforceStdout)
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -v -o "$W/time.txt" "$@" > /dev/null 2> "$W/err.txt"
  printf '%-28s wall %8s  peak RSS %6d MiB\n' "$label" "$(grep 'Elapsed (wall' "$W/time.txt" | awk '{print $NF}')" \
    $(( $(grep 'Maximum resident' "$W/time.txt" | awk '{print $NF}') / 1024 ))
}
for r in $(seq "$REPS"); do
  run "CLI score (2 threads)" java -jar "$JAR" score --policy example-a-glad-pc --threads 2 --outputs csv,rollup --overwrite --out "$W/cli-$N" "$IN"
  rm -rf "$W/spark-$N"
  # shellcheck disable=SC2086
  run "Spark local[2]" java $OPENS -Xmx4g -Dspark.master='local[2]' -cp "spark/target/classes:$CP" org.psyscreen.spark.Example "$IN" "$W/spark-$N"
done
