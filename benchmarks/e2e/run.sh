#!/usr/bin/env bash
# End-to-end benchmark: psyscreen vs R data.table (+ base R, + psych::scoreItems) vs pandas on the
# same generated cohort, same job (PHQ-A, GAD-7, SCARED totals with every item required; example
# policy A's tiers), outputs checked to agree record by record, then whole-process wall time and peak
# RSS from /usr/bin/time. The tools run interleaved, REPS rounds (default 3), and the table shows the
# median wall time, so machine noise hits every tool alike.
# Usage (from the repository root, after ./mvnw -q -B install -DskipTests):
#   benchmarks/e2e/run.sh 1000000 [THREADS]          REPS=5 SKIP="pandas psych" to change the defaults
#   SCHOOLS=6 CLASSES=4 for the demo cohort's small hierarchy (default: 200 schools, 12 classes a grade)
#   COHORT=wide for a wide survey-platform export of the same kind of students (wide_export.py): 87
#   columns, CES-D (reverse-keyed items) beside PHQ-A, GAD-7 and SCARED (five subscales), every
#   header renamed by a mapping file, no test date column; the outputs are checked on every total,
#   SCARED's subscales, CES-D's total and the tier
# R (apt-get install r-base-core r-cran-data.table r-cran-psych) and pandas (apt-get install
# python3-pandas) are used when installed and reported as skipped otherwise.
set -euo pipefail
N=${1:-1000000}
T=${2:-2}
REPS=${REPS:-3}
SKIP=${SKIP:-}
W=${WORK:-target/e2e}
JAR=examples/cli/target/psyscreen.jar
mkdir -p "$W"
# A province-like hierarchy (issue 17): 200 schools x 12 grades x 12 classes = 28,800 classes.
SCHOOLS=${SCHOOLS:-200}
CLASSES=${CLASSES:-12}
LAUNCHER=examples/cli/target/bin/psyscreen
COHORT=${COHORT:-narrow}
IN="$W/cohort-$N-$SCHOOLS-$CLASSES.csv"
WIDE=() # the wide export's extra psyscreen arguments
MODE=() # and the comparison scripts'
if [ "$COHORT" = wide ]; then
  GEN="$W/wide-cohort-$N-$SCHOOLS-$CLASSES.csv"
  IN="$W/wide-export-$N-$SCHOOLS-$CLASSES.csv"
  MAP="$W/wide-export-mapping.yaml"
  [ -f "$GEN" ] || java -jar "$JAR" generate-cohort --instrument phqa --instrument gad7 --instrument scared \
    --instrument cesd --students "$N" --seed 1 --schools "$SCHOOLS" --classes-per-grade "$CLASSES" "$GEN" > /dev/null
  [ -f "$IN" ] || /usr/bin/python3 benchmarks/e2e/wide_export.py "$GEN" "$IN" "$MAP"
  WIDE=(--instrument cesd --mapping "$MAP")
  MODE=(wide)
else
  [ -f "$IN" ] || java -jar "$JAR" generate-cohort --policy example-a-glad-pc --students "$N" --seed 1 \
    --schools "$SCHOOLS" --classes-per-grade "$CLASSES" "$IN" > /dev/null
fi

NAMES=()
CMDS=()
OUTS=()
add() { # name, output to compare (or -), command...
  NAMES+=("$1"); OUTS+=("$2"); shift 2; CMDS+=("$(printf '%q ' "$@")")
}
skipped() { case " $SKIP " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
add "psyscreen score" - "$LAUNCHER" score --policy example-a-glad-pc "${WIDE[@]}" --threads "$T" --overwrite --out "$W/psyscreen" "$IN"
add "psyscreen score, no audit trail" - "$LAUNCHER" score --policy example-a-glad-pc "${WIDE[@]}" --threads "$T" --overwrite --outputs csv,rollup --out "$W/psyscreen-lean" "$IN"
add "java -jar psyscreen.jar score, no audit trail" - java -jar "$JAR" score --policy example-a-glad-pc "${WIDE[@]}" --threads "$T" --overwrite --outputs csv,rollup --out "$W/psyscreen-jar" "$IN"
if Rscript -e 'library(data.table)' > /dev/null 2>&1; then
  add "R data.table + base R" "$W/r.csv" Rscript benchmarks/e2e/score_datatable.R "$IN" "$W/r.csv" "$T" "${MODE[@]}"
  if [ "$COHORT" != wide ] && ! skipped psych && Rscript -e 'library(psych)' > /dev/null 2>&1; then
    add "R data.table + psych::scoreItems" "$W/r-psych.csv" Rscript benchmarks/e2e/score_datatable.R "$IN" "$W/r-psych.csv" "$T" psych
  fi
else
  echo "R data.table: skipped, not installed"
fi
if ! skipped pandas && /usr/bin/python3 -c 'import pandas' > /dev/null 2>&1; then
  add "pandas + numpy" "$W/pandas.csv" /usr/bin/python3 benchmarks/e2e/score_pandas.py "$IN" "$W/pandas.csv" "${MODE[@]}"
else
  echo "pandas: skipped"
fi

for ((r = 1; r <= REPS; r++)); do
  for i in "${!NAMES[@]}"; do
    /usr/bin/time -f "%e %M" -o "$W/time.$i.$r" bash -c "${CMDS[$i]}" > "$W/log.$i" 2>&1 \
      || { echo "${NAMES[$i]} failed; see $W/log.$i"; exit 1; }
  done
done

# Agreement first: no time is reported for an answer that differs.
CHECK=()
for i in "${!NAMES[@]}"; do [ "${OUTS[$i]}" = - ] || CHECK+=("${OUTS[$i]}"); done
[ ${#CHECK[@]} -eq 0 ] || /usr/bin/python3 benchmarks/e2e/compare.py "$W/psyscreen/scores.csv" "${CHECK[@]}"

echo
echo "cohort: $COHORT, $N students, $(du -mL "$IN" | cut -f1) MB, threads $T, $REPS interleaved rounds, $(nproc) cores"
echo "| tool | median wall (s) | runs (s) | peak RSS (MB) | median / psyscreen |"
echo "|---|---:|---|---:|---:|"
base=""
for i in "${!NAMES[@]}"; do
  walls=$(for ((r = 1; r <= REPS; r++)); do cut -d' ' -f1 "$W/time.$i.$r"; done | sort -n)
  median=$(echo "$walls" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  rss=$(for ((r = 1; r <= REPS; r++)); do cut -d' ' -f2 "$W/time.$i.$r"; done | sort -n | tail -1)
  [ -n "$base" ] || base=$median
  printf '| %s | %.2f | %s | %d | %.2f |\n' "${NAMES[$i]}" "$median" "$(echo $walls | tr ' ' '/')" $((rss / 1024)) \
    "$(awk -v a="$median" -v b="$base" 'BEGIN {print a / b}')"
done
