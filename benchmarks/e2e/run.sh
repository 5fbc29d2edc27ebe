#!/usr/bin/env bash
# End-to-end benchmark: psyscreen vs R data.table (+ base R) vs pandas on the same generated cohort,
# same job (PHQ-A, GAD-7, SCARED totals with every item required; example policy A's tiers), outputs
# checked to agree, whole-process time and peak RSS from /usr/bin/time -v.
# Usage (from the repository root, after ./mvnw -q -B install -DskipTests):
#   benchmarks/e2e/run.sh 1000000 [THREADS]
# R (apt-get install r-base-core r-cran-data.table) and pandas (apt-get install python3-pandas) are
# used when installed and reported as skipped otherwise.
set -euo pipefail
N=${1:-1000000}
T=${2:-2}
W=${WORK:-target/e2e}
JAR=examples/cli/target/psyscreen.jar
mkdir -p "$W"
IN="$W/cohort-$N.csv"
[ -f "$IN" ] || java -jar "$JAR" generate-cohort --policy example-a-glad-pc --students "$N" --seed 1 "$IN" > /dev/null
measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$W/$name.log" 2> "$W/$name.time" || { echo "$name failed; see $W/$name.log"; return 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$W/$name.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$W/$name.time" | awk '{print $NF}')
  printf '| %-34s | %10s | %8d MB |\n' "$name" "$wall" $((rss / 1024))
}
echo "cohort: $N students, $(du -m "$IN" | cut -f1) MB, threads $T"
echo "| tool | wall (m:ss) | peak RSS |"
echo "|---|---:|---:|"
measure psyscreen java -jar "$JAR" score --policy example-a-glad-pc --threads "$T" --out "$W/psyscreen" "$IN"
OTHERS=()
if command -v Rscript > /dev/null && Rscript -e 'library(data.table)' > /dev/null 2>&1; then
  measure "R data.table + base R" Rscript benchmarks/e2e/score_datatable.R "$IN" "$W/r.csv" "$T"
  OTHERS+=("$W/r.csv")
else
  echo "| R data.table | skipped: not installed | |"
fi
if /usr/bin/python3 -c 'import pandas' > /dev/null 2>&1; then
  measure "pandas + numpy" /usr/bin/python3 benchmarks/e2e/score_pandas.py "$IN" "$W/pandas.csv"
  OTHERS+=("$W/pandas.csv")
else
  echo "| pandas | skipped: not installed | |"
fi
[ ${#OTHERS[@]} -eq 0 ] || /usr/bin/python3 benchmarks/e2e/compare.py "$W/psyscreen/scores.csv" "${OTHERS[@]}"
