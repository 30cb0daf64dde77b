#!/usr/bin/env bash
# The load benchmark of issue 4 on this machine: builds, starts a fresh signal-server in demo mode
# (temporary data folder, free ports), runs `device-sim load` against it, prints the result (one
# JSON line) on stdout and stops the server. Progress goes to stderr.
#
#   bench/load.sh [DEVICES [RATE [SECONDS [more device-sim load options...]]]]
#   bench/load.sh                       # 10000 devices, 1000 events/s, 60 s
#   bench/load.sh 2000 250 30 --saturation-seconds 5
#
# Environment: KEEP=1 keeps the data folder (server log, wallet) for a look afterwards;
# SERVER_OPTS / SIM_OPTS are extra JVM options for the server and the simulator.
set -euo pipefail
cd "$(dirname "$0")/.."

DEVICES="${1:-10000}"
RATE="${2:-1000}"
SECONDS_="${3:-60}"
shift $(( $# < 3 ? $# : 3 ))

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "Building signal-server and device-sim..." >&2
./mvnw -B -q -ntp -DskipTests -Dspotless.apply.skip=true package -pl signal-server,device-sim -am >&2

DATA="$(mktemp -d "${TMPDIR:-/tmp}/pasientsignal-load.XXXXXX")"
free_port() { "$JAVA" bench/FreePort.java "$1"; } # $1: tcp or udp
HTTP_PORT="$(free_port tcp)"
COAP_PORT="$(free_port udp)"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = "1" ]; then echo "Data kept in $DATA" >&2; else rm -rf "$DATA"; fi
}
trap cleanup EXIT INT TERM

# shellcheck disable=SC2086
SIGNAL_DEMO=true SIGNAL_DATA_DIR="$DATA/server" SIGNAL_HTTP_PORT="$HTTP_PORT" SIGNAL_COAP_PORT="$COAP_PORT" \
  "$JAVA" ${SERVER_OPTS:--XX:+UseZGC} -jar signal-server/target/signal-server.jar >"$DATA/signal-server.log" 2>&1 &
server_pid=$!

echo -n "Starting signal-server (HTTP $HTTP_PORT, CoAP $COAP_PORT)" >&2
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo >&2; echo "signal-server failed to start:" >&2; tail -20 "$DATA/signal-server.log" >&2; exit 1
  fi
  echo -n "." >&2; sleep 0.5
done
echo " up." >&2

# One socket per device: make sure the file limit allows it (ulimit -n).
needed=$(( DEVICES + 2000 ))
if [ "$(ulimit -n)" != "unlimited" ] && [ "$(ulimit -n)" -lt "$needed" ]; then
  ulimit -n "$needed" 2>/dev/null || echo "warning: ulimit -n is $(ulimit -n), $DEVICES devices need about $needed" >&2
fi

# shellcheck disable=SC2086
"$JAVA" ${SIM_OPTS:--Xmx3g -XX:+UseZGC} -jar device-sim/target/device-sim.jar load \
  --server "127.0.0.1:$COAP_PORT" --api "http://127.0.0.1:$HTTP_PORT" --devices "$DATA/wallet" \
  --count "$DEVICES" --rate "$RATE" --duration "$SECONDS_" "$@"
