#!/usr/bin/env bash
# The whole test suite: installs what the tests need (as root), makes sure PostgreSQL is up, lints the BPMN,
# then runs unit, process, integration and browser tests (mvn verify). README names this command; CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
export HUIMIN_ROOT="$(pwd)"
echo "== installing browser and fonts"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
test -x /usr/bin/chromium && test -x /usr/bin/chromedriver || { echo "chromium/chromedriver missing" >&2; exit 1; }

echo "== PostgreSQL"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
fi
for i in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }

echo "== bpmnlint (recommended rules)"
deployments/lint-bpmn.sh

echo "== tests: unit, process, integration (PostgreSQL), browser (Chromium)"
mvn -B verify
