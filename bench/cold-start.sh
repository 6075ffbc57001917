#!/usr/bin/env bash
# Measures cold start (JVM start -> ready, as logged by Huimin) and resident memory after start, on H2 and on
# PostgreSQL (a fresh database huimin_bench each run). Usage: bench/cold-start.sh [runs]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"
[ -f target/huimin.war ] || mvn -q -B -DskipTests package
port=18080
measure() { # $1 label
  local log=target/bench-$1.log
  deployments/run.sh > "$log" 2>&1 &
  local pid=$!
  for i in $(seq 1 240); do
    grep -q "Huimin ready: cold start took" "$log" && break
    kill -0 $pid 2>/dev/null || { echo "$1: did not start (see $log)"; return 1; }
    sleep 0.5
  done
  local ms; ms=$(grep -o "cold start took [0-9]*" "$log" | grep -o "[0-9]*$")
  local java; java=$(pgrep -f "payara-micro.jar.*--port $port" | head -n1)
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$java/status)
  # a readiness probe polls: the web container may still answer 500 for a moment after the pages are built
  local ready=DOWN
  for i in $(seq 1 50); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=UP; break; fi
    sleep 0.2
  done
  echo "$1: cold start ${ms} ms (JVM start -> pages ready), RSS ${rss} MB, /health/ready $ready"
  kill $java; wait $pid 2>/dev/null || true
}
for r in $(seq 1 "$runs"); do
  rm -rf target/bench-data
  HUIMIN_HTTP_PORT=$port HUIMIN_DEMO_DATA=true HUIMIN_DB_URL="jdbc:h2:file:$(pwd)/target/bench-data/huimin;AUTO_SERVER=TRUE" measure "h2-run$r"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS huimin_bench WITH (FORCE)" -c "CREATE DATABASE huimin_bench" postgres
  HUIMIN_HTTP_PORT=$port HUIMIN_DEMO_DATA=true HUIMIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/huimin_bench HUIMIN_DB_USER=postgres measure "postgresql-run$r"
done
