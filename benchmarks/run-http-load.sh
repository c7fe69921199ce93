#!/usr/bin/env bash
# HTTP load benchmark, loopback only, every process stopped at the end (by PID):
#   the sample WAR on Payara Micro with the validated-token cache on (default) and off (OAUTH_JWT_CACHE_MAX_SIZE=0),
#   and express-oauth-jwt 2.0.2 on Node (benchmarks/node/app.js), all against the same fake Authorization Server
#   (FakeAuthorizationServer: one RSA 2048 key, counted JWKS fetches).
# Per server: warm-up, then wrk on /api/public and /api/data (same token), alternating REPS times so that a change of
# the machine's load hits both endpoints alike; summary.tsv holds the medians. For Payara also the JWKS fetch counts
# of a cold start and of a 15 s unknown-kid flood (cooldown set to 5 s).
# Usage: benchmarks/run-http-load.sh   (env: DURATION=8 REPS=3 WARMUP=10 CONNECTIONS=16 THREADS=2 SKIP_BUILD=1)
# Needs: JDK 17, Maven, wrk, Node 20 (npm ci in benchmarks/node is run if node_modules is missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/benchmarks/target/http
DURATION=${DURATION:-8}
REPS=${REPS:-3}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
COOLDOWN=5
FLOOD=15
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
await_up() { # url seconds
  for _ in $(seq 1 $(( $2 * 2 ))); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then return 0; fi
    sleep 0.5
  done
  echo "not up: $1" >&2; return 1
}
stats() { curl -s "http://127.0.0.1:$AS_PORT/stats"; }
reset_stats() { curl -s -X POST "http://127.0.0.1:$AS_PORT/stats" >/dev/null; }

# wrk run -> one TSV line: server endpoint requests/s p50_ms p99_ms non2xx
measure() { # server label url seconds [record]
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4"s --latency -H "Authorization: Bearer $TOKEN" "$3")
  echo "$out" > "$OUT/wrk-$1-$2-$4s.txt"
  if [ "${5:-}" = record ]; then
    python3 - "$1" "$2" "$out" >> "$RESULTS" <<'PY'
import re, sys
server, label, out = sys.argv[1], sys.argv[2], sys.argv[3]
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
print(f"{server}\t{label}\t{rps:.0f}\t{p50:.2f}\t{p99:.2f}\t{bad.group(1) if bad else 0}")
PY
  fi
}

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && mvn -B -Pbenchmarks,demo package -pl sample-war,benchmarks -am -DskipTests)
fi
[ -d "$ROOT/benchmarks/node/node_modules" ] || (cd "$ROOT/benchmarks/node" && npm ci --no-audit --no-fund)
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
PAYARA_JAR=$ROOT/sample-war/target/demo/payara-micro.jar
WAR=$ROOT/sample-war/target/sample.war

AS_PORT=$(free_port)
java -Xmx256m -cp "$BENCH_JAR" dev.oauthjwt.bench.FakeAuthorizationServer "$AS_PORT" "$OUT" > "$OUT/fake-as.log" 2>&1 &
PIDS+=($!)
await_up "http://127.0.0.1:$AS_PORT/stats" 60
for _ in $(seq 1 60); do [ -s "$OUT/unknown-kids.txt" ] && break; sleep 0.5; done
TOKEN=$(cat "$OUT/token.txt")

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; warm-up ${WARMUP}s per endpoint"
  echo "# java: $(java -version 2>&1 | head -1); node: $(node --version); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  printf 'server\tendpoint\trequests_per_s\tp50_ms\tp99_ms\tnon_2xx\n'
} > "$RESULTS"
JWKS_LOG=$OUT/jwks-fetches.txt
: > "$JWKS_LOG"

run_payara() { # label cache-size
  local port root log pid
  port=$(free_port)
  root=$OUT/payara-$1
  rm -rf "$root"; mkdir -p "$root"
  printf '%s\n' \
    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1" \
    > "$root/preboot.txt"
  log=$root/payara.log
  reset_stats
  OAUTH_JWT_JWKS_URI="http://127.0.0.1:$AS_PORT/jwks" OAUTH_JWT_ISSUER="http://127.0.0.1:$AS_PORT" \
  OAUTH_JWT_AUDIENCE=sample-api OAUTH_JWT_REALM=sample OAUTH_JWT_CACHE_MAX_SIZE="$2" \
  OAUTH_JWT_JWKS_MIN_REFRESH_INTERVAL=$COOLDOWN \
    java -Xmx512m -jar "$PAYARA_JAR" --nocluster --disablephonehome --port "$port" \
      --prebootcommandfile "$root/preboot.txt" --rootdir "$root/root" --contextroot / --deploy "$WAR" > "$log" 2>&1 &
  pid=$!
  PIDS+=($pid)
  await_up "http://127.0.0.1:$port/api/public" 300
  echo "payara-$1: JWKS fetches after boot, before any secured request: $(stats)" >> "$JWKS_LOG"
  measure "payara-$1" cold "http://127.0.0.1:$port/api/data" 2
  echo "payara-$1: JWKS fetches after a cold start under load (2 s, $CONNECTIONS connections): $(stats) (target 1)" >> "$JWKS_LOG"
  measure "payara-$1" warm-public "http://127.0.0.1:$port/api/public" "$WARMUP"
  measure "payara-$1" warm-data "http://127.0.0.1:$port/api/data" "$WARMUP"
  for rep in $(seq 1 "$REPS"); do
    measure "payara-$1" "public-r$rep" "http://127.0.0.1:$port/api/public" "$DURATION" record
    measure "payara-$1" "data-r$rep" "http://127.0.0.1:$port/api/data" "$DURATION" record
  done
  if [ "$2" != 0 ]; then
    reset_stats
    sleep "$COOLDOWN"
    local flood
    flood=$(java -cp "$BENCH_JAR" dev.oauthjwt.bench.UnknownKidFlood "http://127.0.0.1:$port/api/data" \
      "$OUT/unknown-kids.txt" "$FLOOD")
    echo "payara-$1: unknown-kid flood ${FLOOD}s (4 threads, 2000 distinct kids), cooldown ${COOLDOWN}s: $flood;" \
         "JWKS fetches: $(stats) (target <= $(( (FLOOD + COOLDOWN - 1) / COOLDOWN )))" >> "$JWKS_LOG"
  fi
  kill "$pid"; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done; kill -9 "$pid" 2>/dev/null || true
}

run_payara cache-on 10000
run_payara cache-off 0

NODE_PORT=$(free_port)
reset_stats
(cd "$ROOT/benchmarks/node" && exec env PORT="$NODE_PORT" JWKS_URI="http://127.0.0.1:$AS_PORT/jwks" WORKERS=2 node app.js) \
  > "$OUT/node.log" 2>&1 &
NODE_PID=$!
PIDS+=($NODE_PID)
await_up "http://127.0.0.1:$NODE_PORT/api/public" 60
measure express-oauth-jwt cold "http://127.0.0.1:$NODE_PORT/api/data" 2
echo "express-oauth-jwt (2 workers): JWKS fetches after a cold start under load: $(stats)" >> "$JWKS_LOG"
measure express-oauth-jwt warm-public "http://127.0.0.1:$NODE_PORT/api/public" "$WARMUP"
measure express-oauth-jwt warm-data "http://127.0.0.1:$NODE_PORT/api/data" "$WARMUP"
for rep in $(seq 1 "$REPS"); do
  measure express-oauth-jwt "public-r$rep" "http://127.0.0.1:$NODE_PORT/api/public" "$DURATION" record
  measure express-oauth-jwt "data-r$rep" "http://127.0.0.1:$NODE_PORT/api/data" "$DURATION" record
done

echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$JWKS_LOG"
python3 - "$RESULTS" > "$OUT/summary.tsv" <<'PY'
import statistics, sys
rows, header = {}, []
for line in open(sys.argv[1]):
    if line.startswith("#"):
        header.append(line.rstrip("\n"))
        continue
    f = line.rstrip("\n").split("\t")
    if f[0] == "server":
        continue
    rows.setdefault((f[0], f[1].split("-r")[0]), []).append(f[2:])
print("\n".join(header) + "\n# medians of the repetitions")
print("server\tendpoint\trequests_per_s\tp50_ms\tp99_ms\tnon_2xx")
for (server, endpoint), reps in rows.items():
    med = [statistics.median(float(r[i]) for r in reps) for i in range(3)]
    bad = sum(int(r[3]) for r in reps)
    print(f"{server}\t{endpoint}\t{med[0]:.0f}\t{med[1]:.2f}\t{med[2]:.2f}\t{bad}")
PY
cat "$RESULTS" "$OUT/summary.tsv" "$JWKS_LOG"
