#!/usr/bin/env bash
# Runs the store benchmark on Samla's encrypted store and on plain SQLite in the
# same run, and prints encrypted/plain ratios (target: at most 1.3 each).
# Usage: tests/bench/run.sh [BUILD_DIR] [NOTES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
notes=${2:-100000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

rounds=${SAMLA_BENCH_ROUNDS:-2}
echo "== store workload, $notes notes (one transaction per insert), $rounds rounds =="
# The three stores run in turn, round after round, and each operation keeps
# its best round (least CPU time): other work on the machine then slows all
# of them alike instead of whichever happened to run during it.
for round in $(seq 1 "$rounds"); do
  for variant in plain unkeyed store; do
    "$build/tests/bench/bench_$variant" "$notes" | tee "$out/$variant.$round.txt"
  done
done
best() {   # best <variant> <file>: per operation, the round with the least cpu_per_op_us
  cat "$out/$1".*.txt | awk '/cpu_per_op_us=/ { for (i = 1; i <= NF; i++) if ($i ~ /^cpu_per_op_us=/) { split($i, kv, "="); c = kv[2] + 0 }
                               op = $2; if (!(op in min) || c < min[op]) { min[op] = c; line[op] = $0 } }
                             END { for (op in line) print line[op] }' > "$2"
}
best plain "$out/plain.txt"
best unkeyed "$out/unkeyed.txt"
best store "$out/encrypted.txt"

field() { sed -E "s/.* $2=([0-9.]+).*/\\1/" <<<"$(grep " $1 " "$3")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
echo "plain = libsqlite3 (Debian's SQLite 3.40); unkeyed = SQLCipher's SQLite 3.15 core without a key;"
echo "encrypted = Samla's store. Ratios are encrypted/plain (the target, <= 1.3) and encrypted/unkeyed (encryption alone)."
echo "wall = mean wall time per operation; cpu = mean CPU time of the thread per operation, the steadier"
echo "figure when other work shares the machine (the workload never waits on the disk)."
printf '%-11s %9s %9s %9s %10s %10s %10s %9s %9s\n' operation plain_us enc_us wall_ratio plain_cpu enc_cpu cpu_ratio p50_ratio p99_ratio
for op in insert read_by_id list_page search; do
  p=$(field "$op" per_op_us "$out/plain.txt"); e=$(field "$op" per_op_us "$out/encrypted.txt")
  pc=$(field "$op" cpu_per_op_us "$out/plain.txt"); ec=$(field "$op" cpu_per_op_us "$out/encrypted.txt")
  p50=$(ratio "$(field "$op" p50_us "$out/encrypted.txt")" "$(field "$op" p50_us "$out/plain.txt")")
  p99=$(ratio "$(field "$op" p99_us "$out/encrypted.txt")" "$(field "$op" p99_us "$out/plain.txt")")
  printf '%-11s %9s %9s %9s %10s %10s %10s %9s %9s\n' "$op" "$p" "$e" "$(ratio "$e" "$p")" "$pc" "$ec" "$(ratio "$ec" "$pc")" "$p50" "$p99"
done
echo
printf '%-11s %12s %12s\n' operation unkeyed_cpu enc/unkeyed
for op in insert read_by_id list_page search; do
  uc=$(field "$op" cpu_per_op_us "$out/unkeyed.txt"); ec=$(field "$op" cpu_per_op_us "$out/encrypted.txt")
  printf '%-11s %12s %12s\n' "$op" "$uc" "$(ratio "$ec" "$uc")"
done

echo
p99ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }
echo "note search p99 over $notes notes: plain $(p99ms "$(field search p99_us "$out/plain.txt")") ms," \
     "encrypted $(p99ms "$(field search p99_us "$out/encrypted.txt")") ms (target: under 50 ms)"

if [ -x "$build/tests/bench/bench_observation" ]; then
  echo
  echo "== observation: one tap to a persisted event, 10,000 events already in the session (target p99 < 16 ms) =="
  "$build/tests/bench/bench_observation" 10000 1000
fi

if [ -x "$build/samla" ]; then
  echo
  "$here/startup.sh" "$build" "$notes" || echo "startup benchmark failed"
fi
