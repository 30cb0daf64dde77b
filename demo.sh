#!/usr/bin/env bash
# Runs the whole system on this machine: signal-server (embedded defaults, demo ward and demo
# logins), the ward console, and device-sim playing a small demo ward. Ctrl-C stops everything.
# First run builds the project and creates data/ (site PKI, database, the simulated devices' keys
# and the certificates they get by enrolling).
set -euo pipefail
cd "$(dirname "$0")"

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

HTTP_PORT="${SIGNAL_HTTP_PORT:-8081}"
COAP_PORT="${SIGNAL_COAP_PORT:-5684}"
CONSOLE_PORT="${CONSOLE_PORT:-8080}"
DATA="${DATA_DIR:-$PWD/data}"
LOGS="$DATA/logs"

echo "Building (first run downloads dependencies from Maven Central)..."
./mvnw -B -q -ntp -DskipTests -Dspotless.apply.skip=true package -pl signal-server,ward-console,device-sim -am

mkdir -p "$LOGS"
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap stop INT TERM EXIT

# ZGC: pauses under a millisecond, so a garbage collection never holds up a call (see docs/benchmarks.md).
SIGNAL_DEMO=true SIGNAL_DATA_DIR="$DATA/server" SIGNAL_HTTP_PORT="$HTTP_PORT" SIGNAL_COAP_PORT="$COAP_PORT" \
  "$JAVA" -XX:+UseZGC -jar signal-server/target/signal-server.jar >"$LOGS/signal-server.log" 2>&1 &
pids+=($!)

echo -n "Starting signal-server"
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo; echo "signal-server failed to start; see $LOGS/signal-server.log" >&2; tail -20 "$LOGS/signal-server.log" >&2; exit 1
  fi
  echo -n "."; sleep 0.5
done
echo " up."

SIGNAL_SERVER_URL="http://127.0.0.1:$HTTP_PORT" CONSOLE_PORT="$CONSOLE_PORT" \
  "$JAVA" -jar ward-console/target/ward-console.jar >"$LOGS/ward-console.log" 2>&1 &
pids+=($!)

# On first run device-sim logs in as the demo technician and enrols each simulated device over
# EST-coaps; later runs reuse the keys and certificates in its wallet.
"$JAVA" -jar device-sim/target/device-sim.jar demo --server "127.0.0.1:$COAP_PORT" \
  --api "http://127.0.0.1:$HTTP_PORT" --devices "$DATA/sim/devices" >"$LOGS/device-sim.log" 2>&1 &
pids+=($!)

echo -n "Starting ward console"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$CONSOLE_PORT/" 2>/dev/null; then break; fi
  echo -n "."; sleep 0.5
done
echo " up."

cat <<MSG

  Ward console:   http://localhost:$CONSOLE_PORT/
  Demo logins:    sykepleier / demo-sykepleier   (ward nurse)
                  helsefag   / demo-helsefag     (ward nurse, second carer)
                  natt       / demo-natt         (night staff)
                  tekniker   / demo-tekniker     (technician)
                  kvalitet   / demo-kvalitet     (quality lead)
                  admin      / demo-admin        (administrator)
  Signal server:  http://localhost:$HTTP_PORT/health   (devices: coaps://localhost:$COAP_PORT)
  Demo ward:      rooms 201-208 calling now and then (log: $LOGS/device-sim.log)
  Press a call:   $JAVA -jar device-sim/target/device-sim.jar press 203 --server 127.0.0.1:$COAP_PORT --devices $DATA/sim/devices

  Logs in $LOGS. Press Ctrl-C to stop everything.
MSG

wait -n "${pids[@]}" || true
echo "A component stopped unexpectedly; see $LOGS." >&2
exit 1
