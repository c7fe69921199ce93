#!/usr/bin/env bash
# HTTP load benchmark, loopback only, every process stopped at the end (by PID). All against one fake Authorization
# Server (FakeAuthorizationServer: one RSA 2048 key, counted JWKS fetches, a token, a pool of distinct tokens, invalid
# tokens). For each server of SERVERS (payara: Payara Micro 6; liberty: Open Liberty), one after the other:
#   extension-cache-on   the sample WAR secured by this extension, validated-token cache on (default)
#   extension-cache-off  the same with OAUTH_JWT_CACHE_MAX_SIZE=0
#   mp-jwt               benchmarks/mpjwt-war: the same endpoints secured by the server's built-in MicroProfile JWT
#                        (mp.jwt.verify.publickey.location = the same JWKS URL, issuer and audiences checked)
# then express-oauth-jwt 2.0.2 on Node (benchmarks/node/app.js, 2 workers) unless NODE=0.
# Each setup: what its /api/data accepts and refuses (checks.tsv: no token, valid, wrong audience, wrong issuer, bad
# signature); warm-up; then REPS rounds of /api/public, /api/data (one token, CONNECTIONS connections) and /api/data
# with fresh tokens (a pool of POOL distinct valid tokens cycled by wrk/tokens.lua: every request a different token),
# so that a change of the machine's load hits every scenario alike. For the extension with the cache on, also: the
# JWKS fetches of a cold start and of an unknown-kid flood; STRESS_CONNECTIONS connections for STRESS_DURATION s with
# fresh tokens (non-2xx and 5xx counted); and valid fresh tokens with and without a concurrent flood of invalid
# tokens (bad signatures, a quarter of the connections).
# Output in OUT (default benchmarks/target/http): results.tsv (every measured run, with the load average before and
# after it), summary.tsv (medians), stress.tsv, flood.tsv, checks.tsv, jwks-fetches.txt, wrk-*.txt, server logs.
# Usage: benchmarks/run-http-load.sh  (env: SERVERS=payara,liberty SETUPS=extension-cache-on,extension-cache-off,mp-jwt
#        NODE=1 DURATION=8 REPS=3 WARMUP=10 CONNECTIONS=16 THREADS=2 POOL=10000 STRESS_CONNECTIONS=256
#        STRESS_DURATION=60 SKIP_BUILD=1 OUT=...)
# The whole benchmark with the publishing rules (load gate, results/<date>/, site page): benchmarks/run-benchmarks.sh.
# Needs: JDK 17, Maven, wrk, Node 20 (npm ci in benchmarks/node is run if node_modules is missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/benchmarks/target/http}
SERVERS=${SERVERS-payara,liberty}  # empty: express-oauth-jwt only
SETUPS=${SETUPS:-extension-cache-on,extension-cache-off,mp-jwt}
NODE=${NODE:-1}
DURATION=${DURATION:-8}
REPS=${REPS:-3}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
POOL=${POOL:-10000}
STRESS_CONNECTIONS=${STRESS_CONNECTIONS:-256}
STRESS_DURATION=${STRESS_DURATION:-60}
COOLDOWN=5
FLOOD=15
LUA=$ROOT/benchmarks/wrk/tokens.lua
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PIDS=()

# a process and all its descendants, children first listed last (Liberty's bin/server starts the JVM as a child)
tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$child"; done
  echo "$1"
}
stop() { # pid
  local pids p
  pids=$(tree "$1")
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do
    for _ in $(seq 1 75); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null || true
  done
}
cleanup() {
  for pid in "${PIDS[@]}"; do stop "$pid"; done
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
await_up() { # url seconds pid
  for _ in $(seq 1 $(( $2 * 2 ))); do
    if [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "server exited before $1 answered" >&2; return 1; }
    sleep 0.5
  done
  echo "not up: $1" >&2; return 1
}
load1() { cut -d' ' -f1 /proc/loadavg; }
stats() { curl -s -m 10 "http://127.0.0.1:$AS_PORT/stats"; }
reset_stats() { curl -s -m 10 -X POST "http://127.0.0.1:$AS_PORT/stats" >/dev/null; }

# wrk run -> its output in wrk-<server>-<setup>-<label>.txt; "record" adds a line to results.tsv
# measure server setup scenario rep url seconds connections [record] (env TOKENS_FILE: fresh tokens)
measure() {
  local before out file
  before=$(load1)
  out=$(TOKEN=$TOKEN COUNT_STATUS=${COUNT_STATUS:-} TOKENS_FILE=${TOKENS_FILE:-} \
    wrk -t"$THREADS" -c"$7" -d"$6"s --latency -s "$LUA" "$5")
  file=$OUT/wrk-$1-$2-$3-$4.txt
  printf '%s\n# load average before %s, after %s\n' "$out" "$before" "$(load1)" > "$file"
  if [ "${8:-}" = record ]; then
    python3 "$ROOT/benchmarks/wrk-result.py" "$1" "$2" "$3" "$4" "$file" >> "$RESULTS"
  fi
}

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$ROOT" && mvn -B -Pbenchmarks,demo package -pl sample-war,benchmarks,benchmarks/mpjwt-war -am -DskipTests)
fi
if [ "$NODE" = 1 ]; then
  [ -d "$ROOT/benchmarks/node/node_modules" ] || (cd "$ROOT/benchmarks/node" && npm ci --no-audit --no-fund)
fi
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
PAYARA_JAR=$ROOT/sample-war/target/demo/payara-micro.jar
SAMPLE_WAR=$ROOT/sample-war/target/sample.war
MPJWT_WAR=$ROOT/benchmarks/mpjwt-war/target/mpjwt.war
WLP=$ROOT/benchmarks/mpjwt-war/target/liberty/wlp
for f in "$BENCH_JAR" "$PAYARA_JAR" "$SAMPLE_WAR" "$MPJWT_WAR" "$WLP/bin/server"; do
  [ -e "$f" ] || { echo "missing $f: build without SKIP_BUILD" >&2; exit 2; }
done

rm -rf "$OUT"/wrk-*.txt "$OUT"/token.txt "$OUT"/refused
AS_PORT=$(free_port)
java -Xmx256m -cp "$BENCH_JAR" dev.oauthjwt.bench.FakeAuthorizationServer "$AS_PORT" "$OUT" "$POOL" \
  > "$OUT/fake-as.log" 2>&1 &
PIDS+=($!)
await_up "http://127.0.0.1:$AS_PORT/stats" 60 "${PIDS[-1]}"
for _ in $(seq 1 240); do [ -s "$OUT/token.txt" ] && break; sleep 0.5; done
TOKEN=$(cat "$OUT/token.txt")
ISSUER=http://127.0.0.1:$AS_PORT
JWKS=$ISSUER/jwks

RESULTS=$OUT/results.tsv
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency;" \
       "warm-up ${WARMUP}s per scenario; $REPS rounds; pool of $POOL tokens"
  echo "# java: $(java -version 2>&1 | head -1); node: $(node --version 2>/dev/null || echo none);" \
       "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  printf 'server\tsetup\tscenario\trep\trequests_per_s\tp50_ms\tp99_ms\trequests\tnon_2xx\tsocket_errors\tload_before\tload_after\n'
} > "$RESULTS"
printf 'server\tsetup\tcase\texpected\tstatus\tverdict\n' > "$OUT/checks.tsv"
printf 'server\tsetup\tconnections\tseconds\trequests_per_s\tp50_ms\tp99_ms\trequests\tnon_2xx\tstatus_5xx\tsocket_errors\tload_before\tload_after\n' \
  > "$OUT/stress.tsv"
printf 'server\tsetup\trep\tvalid_alone_per_s\tvalid_with_flood_per_s\tinvalid_per_s\tinvalid_share\tvalid_drop\tvalid_non_2xx\tinvalid_not_401\tload_before\tload_after\n' \
  > "$OUT/flood.tsv"
JWKS_LOG=$OUT/jwks-fetches.txt
: > "$JWKS_LOG"

check() { # server setup url case expected token-or-empty
  local status
  if [ -n "$6" ]; then
    status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $6" "$3")
  else
    status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$3")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$5" "$status" \
    "$([ "$status" = "$5" ] && echo ok || echo DIFFERENT)" >> "$OUT/checks.tsv"
}
checks() { # server setup data-url
  local file name
  check "$1" "$2" "$3" "no token" 401 ""
  check "$1" "$2" "$3" "valid token" 200 "$TOKEN"
  for file in "$OUT"/refused/*.txt; do
    name=$(basename "$file" .txt)
    check "$1" "$2" "$3" "${name//-/ }" 401 "$(cat "$file")"
  done
}

# the measured rounds of one setup: warm-up, then REPS x (public, data, data with fresh tokens)
rounds() { # server setup base-url
  measure "$1" "$2" public warm "$3/api/public" "$WARMUP" "$CONNECTIONS"
  measure "$1" "$2" data warm "$3/api/data" "$WARMUP" "$CONNECTIONS"
  TOKENS_FILE=$OUT/pool.txt measure "$1" "$2" data-fresh warm "$3/api/data" "$WARMUP" "$CONNECTIONS"
  for rep in $(seq 1 "$REPS"); do
    measure "$1" "$2" public "$rep" "$3/api/public" "$DURATION" "$CONNECTIONS" record
    measure "$1" "$2" data "$rep" "$3/api/data" "$DURATION" "$CONNECTIONS" record
    TOKENS_FILE=$OUT/pool.txt measure "$1" "$2" data-fresh "$rep" "$3/api/data" "$DURATION" "$CONNECTIONS" record
  done
}

# STRESS_CONNECTIONS connections with fresh tokens; then valid fresh tokens alone and with a flood of invalid ones
stress_and_flood() { # server setup base-url
  local before file valid=$(( CONNECTIONS * 3 / 4 )) invalid=$(( CONNECTIONS - CONNECTIONS * 3 / 4 )) rep
  before=$(load1)
  file=$OUT/wrk-$1-$2-stress.txt
  TOKENS_FILE=$OUT/pool.txt COUNT_STATUS=1 TOKEN=$TOKEN \
    wrk -t"$THREADS" -c"$STRESS_CONNECTIONS" -d"$STRESS_DURATION"s --latency --timeout 10s -s "$LUA" "$3/api/data" \
    > "$file"
  printf '# load average before %s, after %s\n' "$before" "$(load1)" >> "$file"
  python3 "$ROOT/benchmarks/wrk-result.py" --stress "$1" "$2" "$STRESS_CONNECTIONS" "$STRESS_DURATION" "$file" \
    >> "$OUT/stress.tsv"
  for rep in $(seq 1 "$REPS"); do
    before=$(load1)
    TOKENS_FILE=$OUT/pool.txt COUNT_STATUS=1 TOKEN=$TOKEN wrk -t1 -c"$valid" -d"$DURATION"s --latency -s "$LUA" \
      "$3/api/data" > "$OUT/wrk-$1-$2-flood-alone-$rep.txt"
    TOKENS_FILE=$OUT/invalid.txt COUNT_STATUS=1 TOKEN=$TOKEN wrk -t1 -c"$invalid" -d"$DURATION"s --latency -s "$LUA" \
      "$3/api/data" > "$OUT/wrk-$1-$2-flood-invalid-$rep.txt" &
    local flood_pid=$!
    TOKENS_FILE=$OUT/pool.txt COUNT_STATUS=1 TOKEN=$TOKEN wrk -t1 -c"$valid" -d"$DURATION"s --latency -s "$LUA" \
      "$3/api/data" > "$OUT/wrk-$1-$2-flood-valid-$rep.txt"
    wait "$flood_pid"
    python3 "$ROOT/benchmarks/wrk-result.py" --flood "$1" "$2" "$rep" "$OUT/wrk-$1-$2-flood-alone-$rep.txt" \
      "$OUT/wrk-$1-$2-flood-valid-$rep.txt" "$OUT/wrk-$1-$2-flood-invalid-$rep.txt" "$before" "$(load1)" \
      >> "$OUT/flood.tsv"
  done
}

# cold start and unknown-kid flood: JWKS fetches counted by the fake Authorization Server
jwks_counts() { # server setup base-url
  echo "$1 $2: JWKS fetches after boot, before any secured request: $(stats)" >> "$JWKS_LOG"
  measure "$1" "$2" cold 0 "$3/api/data" 2 "$CONNECTIONS"
  local target=""
  [ "${2#extension}" != "$2" ] && target=" (target 1)"
  echo "$1 $2: JWKS fetches after a cold start under load (2 s, $CONNECTIONS connections): $(stats)$target" \
    >> "$JWKS_LOG"
}
unknown_kid_flood() { # server setup base-url
  local flood
  reset_stats
  sleep "$COOLDOWN"
  flood=$(java -cp "$BENCH_JAR" dev.oauthjwt.bench.UnknownKidFlood "$3/api/data" "$OUT/unknown-kids.txt" "$FLOOD")
  echo "$1 $2: unknown-kid flood ${FLOOD}s (4 threads, 2000 distinct kids), cooldown ${COOLDOWN}s: $flood;" \
       "JWKS fetches: $(stats) (target <= $(( (FLOOD + COOLDOWN - 1) / COOLDOWN )))" >> "$JWKS_LOG"
}

# environment of the extension (the sample) and of the servers' MP-JWT (mpjwt-war)
extension_env() { # cache-size
  echo "OAUTH_JWT_JWKS_URI=$JWKS OAUTH_JWT_ISSUER=$ISSUER OAUTH_JWT_AUDIENCE=sample-api OAUTH_JWT_REALM=sample" \
       "OAUTH_JWT_CACHE_MAX_SIZE=$1 OAUTH_JWT_JWKS_MIN_REFRESH_INTERVAL=$COOLDOWN"
}
MPJWT_ENV="MP_JWT_VERIFY_PUBLICKEY_LOCATION=$JWKS MP_JWT_VERIFY_ISSUER=$ISSUER"

start_payara() { # setup war env -> SERVER_PID, BASE
  local port root
  port=$(free_port)
  root=$OUT/payara-$1
  rm -rf "$root"; mkdir -p "$root"
  printf '%s\n' \
    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1" \
    > "$root/preboot.txt"
  # shellcheck disable=SC2086
  env $3 java -Xmx512m -jar "$PAYARA_JAR" --nocluster --disablephonehome --port "$port" \
    --prebootcommandfile "$root/preboot.txt" --rootdir "$root/root" --contextroot / --deploy "$2" \
    > "$root/server.log" 2>&1 &
  SERVER_PID=$!
  BASE=http://127.0.0.1:$port
}

start_liberty() { # setup war env -> SERVER_PID, BASE
  local port name=bench-$1 features
  port=$(free_port)
  features="restfulWS-3.1 cdi-4.0 jsonp-2.1 mpConfig-3.1"
  [ "$2" = "$MPJWT_WAR" ] && features="$features mpJwt-2.1"
  rm -rf "$WLP/usr/servers/$name"; mkdir -p "$WLP/usr/servers/$name/apps"
  cp "$2" "$WLP/usr/servers/$name/apps/app.war"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<server description="oauth-jwt HTTP benchmark">'
    echo '  <featureManager>'
    for f in $features; do echo "    <feature>$f</feature>"; done
    echo '  </featureManager>'
    echo "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"$port\" httpsPort=\"-1\"/>"
    echo '  <webApplication id="app" location="app.war" contextRoot="/"/>'
    echo '  <applicationManager autoExpand="true"/>'
    if [ "$2" = "$MPJWT_WAR" ]; then
      # without an mpJwt element Liberty falls back to Basic authentication; upn is its default user name claim.
      # mpJwt needs the SSL service, hence a keystore: Liberty generates it, with a password made up here
      echo '  <mpJwt id="bench" userNameAttribute="sub"/>'
      echo "  <keyStore id=\"defaultKeyStore\" password=\"$(python3 -c 'import secrets; print(secrets.token_hex(16))')\"/>"
    fi
    echo '</server>'
  } > "$WLP/usr/servers/$name/server.xml"
  echo "-Xmx512m" > "$WLP/usr/servers/$name/jvm.options"
  # shellcheck disable=SC2086
  env $3 "$WLP/bin/server" run "$name" --clean > "$OUT/liberty-$1.console.log" 2>&1 &
  SERVER_PID=$!
  BASE=http://127.0.0.1:$port
}

run_setup() { # server setup
  local war env
  case "$2" in
    extension-cache-on) war=$SAMPLE_WAR; env=$(extension_env 10000) ;;
    extension-cache-off) war=$SAMPLE_WAR; env=$(extension_env 0) ;;
    mp-jwt) war=$MPJWT_WAR; env=$MPJWT_ENV ;;
    *) echo "unknown setup $2 (extension-cache-on, extension-cache-off, mp-jwt)" >&2; exit 2 ;;
  esac
  reset_stats
  "start_$1" "$2" "$war" "$env"
  PIDS+=("$SERVER_PID")
  await_up "$BASE/api/public" 300 "$SERVER_PID"
  echo "[$(date -u +%H:%M:%S)] $1 $2 up on $BASE"
  jwks_counts "$1" "$2" "$BASE"
  checks "$1" "$2" "$BASE/api/data"
  rounds "$1" "$2" "$BASE"
  if [ "$2" = extension-cache-on ]; then
    stress_and_flood "$1" "$2" "$BASE"
    unknown_kid_flood "$1" "$2" "$BASE"
  fi
  stop "$SERVER_PID"
  if [ "$1" = liberty ]; then cp "$WLP/usr/servers/bench-$2/logs/messages.log" "$OUT/liberty-$2.log" || true; fi
}

for server in ${SERVERS//,/ }; do
  case "$server" in payara | liberty) ;; *) echo "unknown server $server (payara, liberty)" >&2; exit 2 ;; esac
  for setup in ${SETUPS//,/ }; do
    run_setup "$server" "$setup"
  done
done

if [ "$NODE" = 1 ]; then
  NODE_PORT=$(free_port)
  reset_stats
  (cd "$ROOT/benchmarks/node" && exec env PORT="$NODE_PORT" JWKS_URI="$JWKS" WORKERS=2 node app.js) \
    > "$OUT/node.log" 2>&1 &
  PIDS+=($!)
  await_up "http://127.0.0.1:$NODE_PORT/api/public" 60 "${PIDS[-1]}"
  jwks_counts node express-oauth-jwt "http://127.0.0.1:$NODE_PORT"
  checks node express-oauth-jwt "http://127.0.0.1:$NODE_PORT/api/data"
  rounds node express-oauth-jwt "http://127.0.0.1:$NODE_PORT"
  stop "${PIDS[-1]}"
fi

echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$JWKS_LOG"
python3 "$ROOT/benchmarks/wrk-result.py" --summary "$RESULTS" > "$OUT/summary.tsv"
cat "$OUT/summary.tsv" "$OUT/checks.tsv" "$OUT/stress.tsv" "$OUT/flood.tsv" "$JWKS_LOG"
