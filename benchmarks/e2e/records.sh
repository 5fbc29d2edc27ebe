#!/usr/bin/env bash
# Records-store benchmark: N students x 3 waves of the SYNTHETIC cohort (generate-cohort --wave 1..3),
# each scored with a key, then imported into SQLite and (when a PostgreSQL server binary is installed)
# into a throwaway PostgreSQL cluster on loopback. Reports per import: wall time and peak RSS
# (/usr/bin/time -v), records/s, the store's size, and the latency of one student's history at
# 3 waves (benchmarks' RecordsLatency: median, p95, p99 over 2,000 random students), then the closed
# loop (benchmarks' RecordsLoop): each school's roster, a plan and the parents' notice and acknowledgement
# on up to 20,000 cases, each school's overdue list, the coverage and the district form of everything;
# on PostgreSQL also what row-level security costs a school's own queries (benchmarks' RecordsAccess).
# Usage (from the repository root, after ./mvnw -q -B install -DskipTests):
#   benchmarks/e2e/records.sh [N] [SCHOOLS]    defaults N = 1000000, SCHOOLS = 200
set -euo pipefail
N=${1:-1000000}
SCHOOLS=${2:-200}
W=${WORK:-target/e2e-records}
JAR=examples/cli/target/psyscreen.jar
BENCH=benchmarks/target/benchmarks.jar
mkdir -p "$W"
java -jar "$JAR" key "$W/bench.key" > /dev/null
for wave in 1 2 3; do
  [ -f "$W/wave$wave.csv" ] || java -jar "$JAR" generate-cohort --policy example-a-glad-pc --students "$N" --schools "$SCHOOLS" --classes-per-grade 12 --seed 1 --wave "$wave" "$W/wave$wave.csv" > /dev/null
  [ -f "$W/run$wave/summary.json" ] || java -jar "$JAR" score --policy example-a-glad-pc --key "$W/bench.key" --overwrite --outputs csv,jsonl --out "$W/run$wave" "$W/wave$wave.csv" > /dev/null
done
records() { # the records in a run
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['recordsOut'])" "$1/summary.json"
}
import_all() { # label, db
  for wave in 1 2 3; do
    /usr/bin/time -v -o "$W/time.txt" java -jar "$JAR" records import --db "$2" --wave "w$wave" "$W/run$wave" > /dev/null 2> "$W/import.err"
    wall=$(grep "Elapsed (wall clock)" "$W/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$W/time.txt" | awk '{print $NF}')
    secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
    n=$(records "$W/run$wave")
    printf '%-10s wave %d: %8d records in %7.1f s = %8.0f records/s, peak RSS %d MiB\n' "$1" "$wave" "$n" "$secs" "$(python3 -c "print($n/$secs)")" $((rss / 1024))
  done
}
rm -f "$W/records.db" "$W/records.db-wal" "$W/records.db-shm"
import_all sqlite "$W/records.db"
echo "sqlite     store size: $(du -m "$W/records.db" | cut -f1) MiB"
java -cp "$BENCH" org.psyscreen.benchmarks.RecordsLatency "$W/records.db" "$W/bench.key" "$N"
java -cp "$BENCH" org.psyscreen.benchmarks.RecordsLoop "$W/records.db" "$W/bench.key" "$N" "$SCHOOLS" w1 example-a-glad-pc

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$PGBIN" ]; then
  PGDATA=/tmp/psyscreen-bench-pg
  AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  "${AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U psyscreen --auth=trust > /dev/null
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p 55432 -k /tmp -c listen_addresses=127.0.0.1" -l "$PGDATA/log" -w start > /dev/null
  trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop > /dev/null' EXIT
  "${AS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p 55432 -U psyscreen records
  URL="jdbc:postgresql://127.0.0.1:55432/records?user=psyscreen&reWriteBatchedInserts=true"
  import_all postgresql "$URL"
  echo "postgresql store size: $("${AS[@]}" psql -h 127.0.0.1 -p 55432 -U psyscreen -Atc "select pg_database_size('records')/1048576" records) MiB"
  java -cp "$BENCH" org.psyscreen.benchmarks.RecordsLatency "$URL" "$W/bench.key" "$N"
  java -cp "$BENCH" org.psyscreen.benchmarks.RecordsLoop "$URL" "$W/bench.key" "$N" "$SCHOOLS" w1 example-a-glad-pc
  java -cp "$BENCH" org.psyscreen.benchmarks.RecordsAccess "$URL" SCH1
else
  echo "postgresql: skipped (no server binary under /usr/lib/postgresql; apt-get install postgresql)"
fi
