#!/usr/bin/env bash
# The audit-trail benchmark of issue 5 on this machine: writes a year of a 200-room site (about
# 6 million journal records) to a real journal while the search index follows it, rebuilds the
# index from the journal (indexing throughput), and times the yearly fall statistics (latency
# percentiles). Prints one JSON line on stdout; progress on stderr.
#
#   bench/audit.sh [DAYS [QUERIES]]      # default 365 days, 200 queries per statistic
#
# Environment: DIR=folder reuses (or keeps) the generated journal there; BENCH_OPTS are extra
# JVM options. Needs about 4 GB of disk for a year.
set -euo pipefail
cd "$(dirname "$0")/.."

DAYS="${1:-365}"
QUERIES="${2:-200}"
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "Building the benchmarks..." >&2
./mvnw -B -q -ntp -DskipTests -Dspotless.apply.skip=true package -pl benchmarks -am >&2

if [ -z "${DIR:-}" ]; then
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/pasientsignal-audit.XXXXXX")"
  trap 'rm -rf "$DIR"' EXIT
fi
# shellcheck disable=SC2086
"$JAVA" -XX:+UseZGC -Xmx4g ${BENCH_OPTS:-} -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  no.pasientsignal.benchmarks.AuditBenchmark "$DIR" "$DAYS" "$QUERIES"
