#!/usr/bin/env bash
# Runs every test: unit tests, integration tests over real DTLS and HTTP, and the end-to-end
# test that drives the ward console in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"

# Build with JDK 25 (Temurin) when it is installed where Debian/Adoptium packages put it.
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

# The end-to-end test needs Debian's chromium and chromium-driver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing chromium and chromium-driver (Debian packages) for the end-to-end test..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The end-to-end test needs Chromium: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

# The PostgreSQL integration tests start a throw-away cluster from Debian's postgresql binaries.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing postgresql (Debian package) for the PostgreSQL integration tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The PostgreSQL integration tests need PostgreSQL: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi

exec ./mvnw -B -ntp verify "$@"
