#!/usr/bin/env bash
# Crash check: kill -9 the server during a bid burst, with the bid deadline passing while it is down.
#
#   bench/crash-check.sh               (about 5-8 minutes on 2 cores; PostgreSQL on 127.0.0.1:5432, user postgres)
#
# 1. fresh database $BENCH_DB, start Huimin, setup (verified vendors, one published tender with $BENCH_LOTS lots);
# 2. start a burst (bench/BidBurst.java: a network error is retried with the same request and Idempotency-Key);
# 3. once $BENCH_KILL_AFTER_RECEIPTS receipts arrived: move the tender's bid deadline (and the bid-opening timer job's
#    due date) to now + $BENCH_DEADLINE_AHEAD_S s, let the burst go on $BENCH_KILL_DELAY_S s, then kill -9 the server;
# 4. keep it down until $BENCH_DOWN_PAST_DEADLINE_S s after the deadline, restart it (same database, same master key);
# 5. the client's retries reach the restarted server: a bid committed before the crash answers its first receipt
#    again, the others are refused (deadline passed);
# 6. checks: every receipt the client received is in the database exactly once (SUBMITTED, same key, lot); no two
#    current bids per tender/lot/vendor; the opening ran exactly once and after the restart (one opening row, one
#    TENDER_OPENED audit entry, opened_at after the restart); no bid at/after the deadline in it; every receipt is
#    in it with its price and a verified seal; the audit chain head matches its last entry.
# Output and logs: target/bench-crashcheck/. The server is stopped at the end.
#
# Environment: BENCH_VENDORS (40) BENCH_LOTS (10) BENCH_ATTACHMENT_KB (128: the opening holds every attachment of
#   the tender in the heap at once, so 400 bids of 1 MB would not open within the default -Xmx512m) BENCH_THREADS (200) BENCH_DB
#   (huimin_crashcheck) BENCH_PORT (first free from 18591) BENCH_KILL_AFTER_RECEIPTS (60) BENCH_DEADLINE_AHEAD_S (20)
#   BENCH_KILL_DELAY_S (5) BENCH_DOWN_PAST_DEADLINE_S (10) BENCH_SETUP_THREADS (1) HUIMIN_JAVA_OPTS (default -Xmx512m -XX:+UseSerialGC)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-lib.sh

vendors="${BENCH_VENDORS:-40}"
lots="${BENCH_LOTS:-10}"
kb="${BENCH_ATTACHMENT_KB:-128}"
threads="${BENCH_THREADS:-200}"
db="${BENCH_DB:-huimin_crashcheck}"
kill_after="${BENCH_KILL_AFTER_RECEIPTS:-60}"
ahead="${BENCH_DEADLINE_AHEAD_S:-20}"
kill_delay="${BENCH_KILL_DELAY_S:-5}"
down_past="${BENCH_DOWN_PAST_DEADLINE_S:-10}"
java_opts="${HUIMIN_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
out=target/bench-crashcheck
rm -rf "$out"; mkdir -p "$out"
log="$out/server.log"
master_key="$(head -c 32 /dev/urandom | base64)"
(umask 077; echo "$master_key" > "$out/master.key") # a throw-away key; kept to restart on the same database
server_pid=; sampler_pid=; burst_pid=
cleanup() {
  stop_sampler
  if [ -n "${burst_pid:-}" ] && kill -0 "$burst_pid" 2>/dev/null; then kill "$burst_pid" 2>/dev/null || true; fi
  stop_server
}
trap cleanup EXIT

[ -f target/huimin.war ] && [ -f target/payara-micro.jar ] || mvn -q -B -DskipTests package
ensure_postgres
fresh_database
port="${BENCH_PORT:-$(free_port 18591)}"
total=$((vendors * lots))
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "== crash check: $vendors vendors x $lots lots = $total bids (${kb} KB attachments); kill -9 after $kill_after receipts; server JVM: $java_opts; database $db; port $port"

start_server "$log"
wait_ready 240 || { echo "server did not become ready (see $log)"; tail -n 30 "$log"; exit 1; }
echo "server pid $server_pid ready"
phase setup; start_sampler "$server_pid"
java bench/BidBurst.java setup --base "http://127.0.0.1:$port/" --vendors "$vendors" --lots "$lots" --state "$out/state.properties" --setup-threads "${BENCH_SETUP_THREADS:-1}"
tender=$(grep '^tenderId=' "$out/state.properties" | cut -d= -f2)

echo; echo "== burst, in the background (log $out/burst.txt)"
phase burst
touch "$out/receipts.tsv"
java bench/BidBurst.java burst --base "http://127.0.0.1:$port/" --state "$out/state.properties" --receipts "$out/receipts.tsv" \
  --threads "$threads" --attachment-kb "$kb" --max-seconds 900 --retry-for-s 600 > "$out/burst.txt" 2>&1 &
burst_pid=$!
t0=$SECONDS
while [ "$(wc -l < "$out/receipts.tsv")" -lt "$kill_after" ] && [ $((SECONDS - t0)) -lt 300 ] && kill -0 "$burst_pid" 2>/dev/null; do sleep 0.2; done
before_move=$(wc -l < "$out/receipts.tsv")

deadline=$(sql "update tender set bid_deadline = date_trunc('milliseconds', now()) + interval '$ahead seconds' where id = $tender returning to_char(bid_deadline at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
# Camunda keeps due dates as the server JVM's local time (run.sh sets Asia/Shanghai): convert, or the timer fires 8 hours early
jobs=$(sql "with u as (update act_ru_job set duedate_ = (select bid_deadline at time zone 'Asia/Shanghai' from tender where id = $tender) where process_instance_id_ in (select id_ from act_ru_execution where business_key_ = '$tender' and proc_def_id_ like 'bid-opening%') returning 1) select count(*) from u")
echo "$(date -u +%T) receipts so far $before_move; bid deadline moved to $deadline (now + ${ahead} s), $jobs bid-opening timer job(s) due then"
sleep "$kill_delay"
stop_sampler
kill -9 "$server_pid"
at_kill=$(wc -l < "$out/receipts.tsv")
wait "$server_pid" 2>/dev/null || true
killed_at=$(date -u +%T.%3N)
echo "$(date -u +%T) kill -9 $server_pid (receipts so far $at_kill; burst running: $(kill -0 "$burst_pid" 2>/dev/null && echo yes || echo no))"
server_pid=
# down until the deadline has passed by $down_past s
while [ "$(sql "select (now() > timestamptz '$deadline' + interval '$down_past seconds')::int")" != 1 ]; do sleep 0.5; done
echo "$(date -u +%T) restarting (deadline passed $down_past s ago)"
restart_at=$(sql "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
echo "---- restart at $restart_at ----" >> "$log"
start_server "$log"
phase restart; start_sampler "$server_pid"
wait_ready 300 || { echo "server did not come back (see $log)"; tail -n 30 "$log"; exit 1; }
echo "$(date -u +%T) server pid $server_pid ready again; waiting for the burst client to finish its retries"
wait "$burst_pid" || true
burst_pid=
sed -n '/== burst figures ==/,$p' "$out/burst.txt"

echo; echo "== opening after the restart"
phase opening
open_rc=0
java bench/BidBurst.java opening --base "http://127.0.0.1:$port/" --state "$out/state.properties" --receipts "$out/receipts.tsv" \
  --timeout-s 600 --allow-unreceipted true || open_rc=$?

echo; echo "== checks (tender $tender, deadline $deadline, killed at ${killed_at}Z, restarted at $restart_at)"
sleep 3 # the chainer links new audit entries every second
checks=$(psqlq -d "$db" -At -F '=' <<SQL
create temp table r(bid_id bigint, vendor text, lot_id bigint, price numeric, ikey text, status int, submitted_at text, sealed_hash text, client_ms bigint);
\copy r from '$out/receipts.tsv'
select 'receipts', count(*) from r;
select 'distinct_receipt_bids', count(distinct bid_id) from r;
select 'receipts_not_in_db_exactly_once', count(*) from r where (select count(*) from bid b where b.id = r.bid_id and b.status = 'SUBMITTED' and b.lot_id = r.lot_id and b.idempotency_key = r.ikey) <> 1;
select 'keys_with_more_than_one_bid', count(*) from (select vendor_id, idempotency_key from bid where tender_id = $tender group by 1, 2 having count(*) > 1) x;
select 'submitted_twice_same_tender_lot_vendor', count(*) from (select tender_id, lot_id, vendor_id from bid where status = 'SUBMITTED' and tender_id = $tender group by 1, 2, 3 having count(*) > 1) x;
select 'submitted_bids', count(*) from bid where tender_id = $tender and status = 'SUBMITTED';
select 'bids_at_or_after_deadline', count(*) from bid where tender_id = $tender and submitted_at >= timestamptz '$deadline';
select 'bids_without_receipt', count(*) from bid b where b.tender_id = $tender and b.status = 'SUBMITTED' and not exists (select 1 from r where r.bid_id = b.id);
select 'opening_rows', count(*) from opening where tender_id = $tender;
select 'tender_opened_audit_entries', count(*) from audit_entry where entity_type = 'tender' and entity_id = '$tender' and action = 'TENDER_OPENED';
select 'opened_after_restart', coalesce(bool_and(opened_at >= timestamptz '$restart_at'), false)::int from opening where tender_id = $tender;
select 'opening_deadline_is_moved_deadline', coalesce(bool_and(deadline = timestamptz '$deadline'), false)::int from opening where tender_id = $tender;
select 'opening_entries', count(*) from opening_entry where tender_id = $tender;
select 'opening_entries_at_or_after_deadline', count(*) from opening_entry where tender_id = $tender and submitted_at >= timestamptz '$deadline';
select 'submitted_before_deadline_not_in_opening', count(*) from bid b where b.tender_id = $tender and b.status = 'SUBMITTED' and b.submitted_at < timestamptz '$deadline' and not exists (select 1 from opening_entry e where e.bid_id = b.id);
select 'receipts_not_in_opening', count(*) from r where not exists (select 1 from opening_entry e where e.bid_id = r.bid_id);
select 'opening_entries_twice', count(*) from (select bid_id from opening_entry where tender_id = $tender group by 1 having count(*) > 1) x;
select 'tender_status', status from tender where id = $tender;
select 'audit_unlinked', count(*) from audit_entry where seq is null;
select 'audit_head_consistent', (h.last_seq = (select max(seq) from audit_entry) and h.last_hash = (select hash from audit_entry a where a.seq = h.last_seq))::int from audit_head h;
SQL
)
echo "$checks" | sed 's/^/  /'
val() { echo "$checks" | grep "^$1=" | cut -d= -f2; }
ok=true
expect() { # expect NAME VALUE TEXT
  if [ "$(val "$1")" = "$2" ]; then echo "  PASS  $3"; else echo "  FAIL  $3 ($1 = $(val "$1"), expected $2)"; ok=false; fi
}
echo
expect receipts_not_in_db_exactly_once 0 "every receipt the client received is in the database exactly once"
expect keys_with_more_than_one_bid 0 "no Idempotency-Key produced a second bid"
expect submitted_twice_same_tender_lot_vendor 0 "no two current bids for a tender/lot/vendor"
expect opening_rows 1 "one opening row"
expect tender_opened_audit_entries 1 "one TENDER_OPENED audit entry"
expect opened_after_restart 1 "the opening ran after the restart"
expect opening_deadline_is_moved_deadline 1 "the opening used the moved deadline"
expect opening_entries_at_or_after_deadline 0 "no bid submitted at/after the deadline in the opening"
expect bids_at_or_after_deadline 0 "no bid accepted at/after the deadline"
expect submitted_before_deadline_not_in_opening 0 "every bid submitted before the deadline is in the opening"
expect receipts_not_in_opening 0 "every receipt is in the opening"
expect opening_entries_twice 0 "no bid twice in the opening"
expect audit_unlinked 0 "every audit entry linked into the chain"
expect audit_head_consistent 1 "audit chain head matches its last entry"
[ "$open_rc" = 0 ] && echo "  PASS  public opening record: seals verified, prices as in the receipts" || { echo "  FAIL  public opening record check (see above)"; ok=false; }
echo "  (bids committed whose receipt was lost in the crash: $(val bids_without_receipt); receipts at kill time: $at_kill of $total)"
stop_sampler
echo
memory_summary
echo
server_log_summary "$log"
echo
echo "== crash check: $($ok && echo PASSED || echo FAILED)   (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; output in $out)"
$ok
