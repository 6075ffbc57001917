#!/usr/bin/env bash
# Builds (when needed) and starts Huimin on Payara Micro. Configured only by environment:
#   HUIMIN_DB_URL       JDBC URL (unset: embedded H2 file under ./data)
#   HUIMIN_DB_USER      database user          HUIMIN_DB_PASSWORD  its password
#   HUIMIN_HTTP_PORT    HTTP port (default 8080)
#   HUIMIN_DEMO_DATA    true: load demo data once (idempotent)
#   HUIMIN_ADMIN_PASSWORD  creates the first admin when the database has no user
#   HUIMIN_CLUSTER      true: join other Huimin nodes (Hazelcast) instead of running alone
#   HUIMIN_MASTER_KEY   base64 of 32 random bytes: seals the bids (unset: a demo key is generated once into data/master.key)
#   HUIMIN_JAVA_OPTS    JVM options (default -Xmx512m -XX:+UseSerialGC: less memory, quicker start on 2 cores)
#   HUIMIN_HTTP_THREADS request threads (default 64; more requests wait in the listener's queue, not for a thread,
#                       a database connection or a bean instance)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/huimin.war ] || [ ! -f target/payara-micro.jar ] || [ "${HUIMIN_BUILD:-auto}" = "always" ]; then
  mvn -q -B -DskipTests package
fi
export HUIMIN_DB_URL="${HUIMIN_DB_URL:-jdbc:h2:file:$(pwd)/data/huimin;AUTO_SERVER=TRUE}"
case "$HUIMIN_DB_URL" in
  jdbc:postgresql:*) export HUIMIN_DB_CLASS=org.postgresql.ds.PGSimpleDataSource ;;
  jdbc:h2:*) export HUIMIN_DB_CLASS=org.h2.Driver; export HUIMIN_DB_USER="${HUIMIN_DB_USER:-sa}" ;;
  *) echo "HUIMIN_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL" >&2; exit 2 ;;
esac
mkdir -p data target/tmp
if [ -z "${HUIMIN_MASTER_KEY:-}" ]; then
  if [ ! -s data/master.key ]; then
    (umask 077; head -c 32 /dev/urandom | base64 > data/master.key)
    echo "HUIMIN_MASTER_KEY is not set: generated a demo master key in data/master.key (keep it: bids sealed with it need it to open)." >&2
  else
    echo "HUIMIN_MASTER_KEY is not set: using the demo master key in data/master.key." >&2
  fi
  HUIMIN_MASTER_KEY="$(cat data/master.key)"
  export HUIMIN_MASTER_KEY
fi
# request threads, and enough stateless bean instances for all of them (none created and dropped per request)
threads="${HUIMIN_HTTP_THREADS:-64}"
case "$threads" in ''|*[!0-9]*) echo "HUIMIN_HTTP_THREADS must be a number" >&2; exit 2 ;; esac
cat > target/tmp/pre-boot.asadmin <<EOF
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$threads
set configs.config.server-config.ejb-container.max-pool-size=$((threads * 2))
EOF
CLUSTER_OPTS=(--nocluster --nohazelcast)
if [ "${HUIMIN_CLUSTER:-false}" = "true" ]; then CLUSTER_OPTS=(--clustername huimin); fi
exec java ${HUIMIN_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC} -Djava.io.tmpdir=target/tmp -Dhazelcast.phone.home.enabled=false \
  -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -jar target/payara-micro.jar --deploy target/huimin.war --contextroot / \
  --port "${HUIMIN_HTTP_PORT:-8080}" --disablephonehome --prebootcommandfile target/tmp/pre-boot.asadmin "${CLUSTER_OPTS[@]}"
