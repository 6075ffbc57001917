#!/usr/bin/env bash
# Two Huimin nodes on one PostgreSQL database, joined in a Hazelcast cluster (HTTP sessions and the job executor
# are shared safely: the engine's jobs are locked in the database). Ports 8080 and 8081.
#   HUIMIN_DB_URL (default jdbc:postgresql://127.0.0.1:5432/huimin), HUIMIN_DB_USER, HUIMIN_DB_PASSWORD
set -euo pipefail
cd "$(dirname "$0")/.."
export HUIMIN_DB_URL="${HUIMIN_DB_URL:-jdbc:postgresql://127.0.0.1:5432/huimin}"
export HUIMIN_DB_USER="${HUIMIN_DB_USER:-postgres}"
export HUIMIN_CLUSTER=true
mkdir -p target
HUIMIN_HTTP_PORT=8080 deployments/run.sh > target/node1.log 2>&1 &
echo "node 1 on :8080 (log target/node1.log, pid $!)"
sleep 5
HUIMIN_HTTP_PORT=8081 deployments/run.sh > target/node2.log 2>&1 &
echo "node 2 on :8081 (log target/node2.log, pid $!)"
wait
