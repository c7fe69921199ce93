#!/usr/bin/env bash
# The whole benchmark in one command: JMH (ValidationBenchmark, -prof gc) and the HTTP load benchmark
# (run-http-load.sh: Payara Micro and Open Liberty, this extension against the servers' built-in MP-JWT, and
# express-oauth-jwt), then the site's performance page regenerated from the results (make-performance-page.py).
#
# Publishing rules: a run is only published when the machine was quiet when it started (1-minute load average at most
# MAX_LOAD, default 0.5); otherwise the script refuses to run (exit 3). ALLOW_BUSY=1 runs anyway, for trying the
# harness: such a run is marked busy, written to benchmarks/target/busy/<date>/ and never published.
# A published run writes benchmarks/results/<date>/ (jmh.txt, jmh.json, http/..., run.txt) and regenerates
# src-site/markdown/performance.md (between its "generated" markers) and src-site/resources/images/performance-*.svg.
#
# Usage: benchmarks/run-benchmarks.sh
#   env: everything run-http-load.sh takes (DURATION, REPS, WARMUP, SERVERS, NODE, POOL, STRESS_DURATION, ...),
#        JMH_ARGS (default "-f 1 -wi 3 -w 1s -i 5 -r 2s -t 1"), JMH=0 skips JMH, SKIP_BUILD=1, ALLOW_BUSY=1, MAX_LOAD
# Default durations take about 25 minutes on 2 cores (build 1-2, JMH about 3, HTTP about 20).
# Run it on an otherwise idle machine: no build, server or benchmark of anything else at the same time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAX_LOAD=${MAX_LOAD:-0.5}
JMH_ARGS=${JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 2s -t 1}
DATE=$(date -u +%Y-%m-%d)
START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
BUSY=0
if ! python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" \
     "${START_LOAD%% *}" "$MAX_LOAD"; then
  if [ -z "${ALLOW_BUSY:-}" ]; then
    echo "Refusing to run: the 1-minute load average is ${START_LOAD%% *} (above $MAX_LOAD; load $START_LOAD)." >&2
    echo "Stop whatever else runs on this machine and wait until it is quiet (ALLOW_BUSY=1 only tries the harness;" \
         "such results are not published)." >&2
    exit 3
  fi
  BUSY=1
fi
if [ "$BUSY" = 1 ]; then
  DEST=$ROOT/benchmarks/target/busy/$DATE
else
  DEST=$ROOT/benchmarks/results/$DATE
fi
rm -rf "$DEST"
mkdir -p "$DEST"
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
  echo "started $STARTED"
  echo "load_at_start $START_LOAD"
  echo "busy $BUSY"
  echo "machine $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java $(java -version 2>&1 | head -1)"
  echo "settings DURATION=${DURATION:-8} REPS=${REPS:-3} WARMUP=${WARMUP:-10} CONNECTIONS=${CONNECTIONS:-16}" \
       "POOL=${POOL:-10000} STRESS=${STRESS_CONNECTIONS:-256}x${STRESS_DURATION:-60}s SERVERS=${SERVERS:-payara,liberty}" \
       "JMH_ARGS=$JMH_ARGS"
} > "$DEST/run.txt"

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && mvn -B -Pbenchmarks,demo package -pl sample-war,benchmarks,benchmarks/mpjwt-war -am -DskipTests)
fi

if [ "${JMH:-1}" = 1 ]; then
  echo "jmh_load_before $(cut -d' ' -f1-3 /proc/loadavg)" >> "$DEST/run.txt"
  # shellcheck disable=SC2086
  java -jar "$ROOT/benchmarks/target/benchmarks.jar" ValidationBenchmark $JMH_ARGS -prof gc \
    -rf json -rff "$DEST/jmh.json" | tee "$DEST/jmh.txt"
  echo "jmh_load_after $(cut -d' ' -f1-3 /proc/loadavg)" >> "$DEST/run.txt"
fi

OUT=$DEST/http SKIP_BUILD=1 "$ROOT/benchmarks/run-http-load.sh"
# the token files are test material of this run only: not kept with the results
rm -f "$DEST"/http/{pool,invalid,unknown-kids,token}.txt
rm -rf "$DEST"/http/refused
rm -rf "$DEST"/http/payara-*/root
# Open Liberty's MP-JWT writes refused tokens into its log: no token is kept in the published results
find "$DEST/http" -type f \( -name '*.log' -o -name '*.txt' -o -name '*.tsv' \) \
  -exec sed -i -E 's/eyJ[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)*/<token redacted>/g' {} +
echo "finished $(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$DEST/run.txt"
echo "load_at_end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$DEST/run.txt"

if [ "$BUSY" = 1 ]; then
  python3 "$ROOT/benchmarks/make-performance-page.py" "$DEST" --draft "$DEST/performance-draft.md"
  echo "BUSY run (load $START_LOAD at the start): results in $DEST, not published; draft page $DEST/performance-draft.md"
else
  python3 "$ROOT/benchmarks/make-performance-page.py" "$DEST"
  echo "Published: $DEST and src-site/markdown/performance.md (review and commit both)"
fi
