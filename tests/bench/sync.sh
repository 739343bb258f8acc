#!/usr/bin/env bash
# Sync throughput through the real samla-server on loopback, on the embedded
# store and (when PostgreSQL's server programs are installed) on PostgreSQL:
#  A. two devices exchange 10,000 records and 200 MB of attachments over HTTPS;
#     curl then sends the same payload bytes through the same server's
#     attachment endpoints, and the ratio Samla/curl is printed;
#  B. 500 devices push 10 KB ops (a 250-question questionnaire response) at
#     once: accepted ops/s, p50 and p99 push latency, the server's peak RSS,
#     against ODK Central's 41 submissions/s (the target is ten times that).
# Printed, never pass or fail; not run by CI (bench_sync_smoke keeps the driver working).
# Usage: tests/bench/sync.sh [BUILD_DIR]
# Environment: SAMLA_BENCH_RECORDS (10000), SAMLA_BENCH_ATTACHMENTS (100),
# SAMLA_BENCH_ATTACHMENT_BYTES (2000000), SAMLA_BENCH_DEVICES (500),
# SAMLA_BENCH_OPS (ops per device, 20), SAMLA_BENCH_PG=0 to skip PostgreSQL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
driver=$build/tests/bench/bench_sync
[ -x "$driver" ] || { echo "no $driver: build the tests first" >&2; exit 1; }

records=${SAMLA_BENCH_RECORDS:-10000}
attachments=${SAMLA_BENCH_ATTACHMENTS:-100}
attachment_bytes=${SAMLA_BENCH_ATTACHMENT_BYTES:-2000000}
devices=${SAMLA_BENCH_DEVICES:-500}
ops=${SAMLA_BENCH_OPS:-20}

echo "== sync benchmarks on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) =="
exchange() { "$driver" exchange --records "$records" --attachments "$attachments" --attachment-bytes "$attachment_bytes" "$@"; }
crowd() { "$driver" devices --devices "$devices" --ops "$ops" "$@"; }

echo
echo "== A. two devices, $records records and $attachments attachments of $attachment_bytes bytes; embedded store =="
exchange || echo "exchange benchmark failed (embedded)"
echo
echo "== B. $devices devices x $ops ops of 10 KB at once; embedded store =="
crowd || echo "devices benchmark failed (embedded)"

initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ "${SAMLA_BENCH_PG:-1}" = "0" ] || [ -z "$initdb" ]; then
  echo
  echo "PostgreSQL: skipped (no initdb, or SAMLA_BENCH_PG=0)"
  exit 0
fi
state=$(mktemp -d)
trap 'bash "$here/../sync/pg-cluster.sh" stop "$state" "$(dirname "$initdb")" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
bash "$here/../sync/pg-cluster.sh" start "$state" "$(dirname "$initdb")" >/dev/null
url=$(cat "$state/url")
echo
echo "(PostgreSQL: a throwaway loopback cluster from tests/sync/pg-cluster.sh, which runs with fsync off;"
echo " peak RSS is samla-server's own, without PostgreSQL's processes)"
echo
echo "== A. two devices, $records records and $attachments attachments of $attachment_bytes bytes; PostgreSQL =="
exchange --pg "$url" || echo "exchange benchmark failed (PostgreSQL)"
echo
echo "== B. $devices devices x $ops ops of 10 KB at once; PostgreSQL =="
crowd --pg "$url" || echo "devices benchmark failed (PostgreSQL)"
