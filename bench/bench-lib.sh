# Shared by bench/bid-burst.sh and bench/crash-check.sh (sourced, not run): PostgreSQL, a Huimin server of our
# own (started with deployments/run.sh, stopped by its pid only), heap/RSS sampling and psql helpers.
# Expects: $out (output directory), $db (database name), $port (HTTP port).

BENCH_PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
psqlq() { psql -X -q -h "$BENCH_PG_HOST" -U postgres -v ON_ERROR_STOP=1 "$@"; }
sql() { psqlq -d "$db" -At -c "$1"; }

ensure_postgres() {
  if ! pg_isready -q -h "$BENCH_PG_HOST" -p 5432; then
    echo "PostgreSQL is down: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$BENCH_PG_HOST" -p 5432 && break; sleep 1; done
  fi
}

fresh_database() {
  psqlq -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" 2>&1 | grep -v "does not exist, skipping" || true
}

free_port() { # first free TCP port from $1
  local p=$1
  while (exec 3<>/dev/tcp/127.0.0.1/"$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# start_server LOGFILE: starts Huimin on $db/$port in the background; sets server_pid (the java process: run.sh execs it)
start_server() {
  local log=$1
  HUIMIN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" HUIMIN_DB_USER=postgres HUIMIN_DEMO_DATA=true \
    HUIMIN_HTTP_PORT="$port" HUIMIN_MASTER_KEY="$master_key" HUIMIN_JAVA_OPTS="$java_opts" \
    deployments/run.sh >> "$log" 2>&1 &
  server_pid=$!
  echo "$server_pid" > "$out/server.pid"
}

# wait_ready SECONDS: until /health/ready answers UP (returns 1 when the server died or the time ran out)
wait_ready() {
  local t0=$SECONDS
  while [ $((SECONDS - t0)) -lt "$1" ]; do
    if curl -fsS "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

stop_server() { # SIGTERM to our own server, SIGKILL after 40 s
  [ -n "${server_pid:-}" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 80); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

# ---------------------------------------------------------------- memory: jstat (heap) and ps (RSS) every 2 s

# one jstat process for the whole run (starting a JVM every 2 s would itself take a good part of a core); each line:
# epoch phase heapUsedMB heapCapacityMB oldUsedMB youngGCs fullGCs gcSeconds rssMB
start_sampler() { # start_sampler PID
  touch "$out/sampling"
  sampler_target=$1
  (
    header=
    jstat -gc "$1" 2000 2>/dev/null | while read -r line; do
      [ -f "$out/sampling" ] || break
      case "$line" in *S0C*) header="$line"; continue ;; esac
      rss=$(ps -o rss= -p "$1" 2>/dev/null | tr -d ' ')
      [ -n "$rss" ] && [ -n "$header" ] || continue
      heap=$(printf '%s\n%s\n' "$header" "$line" | awk 'NR==1{for(i=1;i<=NF;i++)h[$i]=i}
        NR==2{u=$h["S0U"]+$h["S1U"]+$h["EU"]+$h["OU"]; c=$h["S0C"]+$h["S1C"]+$h["EC"]+$h["OC"];
              printf "%.0f %.0f %.0f %d %d %.2f", u/1024, c/1024, $h["OU"]/1024, $h["YGC"], $h["FGC"], $h["GCT"]}')
      echo "$(date +%s) $(cat "$out/phase" 2>/dev/null || echo "?") $heap $((rss / 1024))" >> "$out/memory.txt"
    done
  ) &
  sampler_pid=$!
}

stop_sampler() {
  rm -f "$out/sampling"
  # jstat does not end when its reader does (the JVM ignores SIGPIPE): it is stopped here
  [ -n "${sampler_target:-}" ] && pkill -f "^jstat -gc $sampler_target " 2>/dev/null || true
  [ -n "${sampler_pid:-}" ] && wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=
}

phase() { echo "$1" > "$out/phase"; }

memory_summary() { # per phase: samples, max heap used, max heap capacity, max old gen, GCs, max RSS, last RSS
  echo "memory by phase (jstat -gc every 2 s; heap = young + old used; RSS from ps -o rss):"
  awk '$3 != "-" {p=$2; n[p]++; if(!(p in o)){o[p]=++k; ord[k]=p}
        if($3>hu[p])hu[p]=$3; if($4>hc[p])hc[p]=$4; if($5>ou[p])ou[p]=$5; if($9>rs[p])rs[p]=$9; lr[p]=$9; lh[p]=$3;
        if(!(p in yg0)){yg0[p]=$6; fg0[p]=$7; gt0[p]=$8} yg[p]=$6; fg[p]=$7; gt[p]=$8}
       END{printf "  %-16s %7s %12s %13s %11s %9s %9s %9s %11s %10s\n","phase","samples","heapMaxMB","heapLastMB","heapCapMB","oldMaxMB","youngGC","fullGC","RSSmaxMB","RSSlastMB";
           for(i=1;i<=k;i++){p=ord[i]; printf "  %-16s %7d %12d %13d %11d %9d %9d %9d %11d %10d\n",p,n[p],hu[p],lh[p],hc[p],ou[p],yg[p]-yg0[p],fg[p]-fg0[p],rs[p],lr[p]}}' "$out/memory.txt"
}

heap_info() { # heap_info LABEL: jcmd GC.heap_info of our server, kept in $out and summarized
  local f="$out/heap-info-$1.txt"
  if jcmd "$server_pid" GC.heap_info > "$f" 2>&1; then
    echo "  jcmd GC.heap_info ($1): $(grep -E 'total|used' "$f" | head -n 3 | sed 's/^ *//' | tr '\n' ';' | tr -s ' ')"
  else
    echo "  jcmd GC.heap_info ($1): failed ($(head -c 200 "$f"))"
  fi
}

server_log_summary() { # server_log_summary LOG: counts and the first distinct SEVERE/WARNING/Exception lines
  local log=$1
  echo "server log $log: $(grep -c 'SEVERE' "$log" || true) SEVERE, $(grep -c 'WARNING' "$log" || true) WARNING, $(grep -c 'OutOfMemoryError' "$log" || true) OutOfMemoryError lines"
  grep -E 'SEVERE|OutOfMemoryError|deadlock|Deadlock' "$log" | sed -E 's/^\[[^]]*\] //; s/\[timeMillis: [0-9]+\] //; s/_ThreadID=[0-9]+ _ThreadName=[^]]*//' \
    | cut -c1-400 | sort | uniq -c | sort -rn | head -n 12 | sed 's/^/    /' || true
}
