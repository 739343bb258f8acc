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

echo "== store workload, $notes notes (one transaction per insert) =="
"$build/tests/bench/bench_plain" "$notes" | tee "$out/plain.txt"
"$build/tests/bench/bench_store" "$notes" | tee "$out/encrypted.txt"

echo
printf '%-12s %14s %14s %8s %14s %14s\n' operation plain_us/op enc_us/op ratio plain_p99_us enc_p99_us
for op in insert read_by_id list_page search; do
  p=$(grep " $op " "$out/plain.txt")
  e=$(grep " $op " "$out/encrypted.txt")
  pv=$(sed -E 's/.*per_op_us=([0-9.]+).*/\1/' <<<"$p"); ev=$(sed -E 's/.*per_op_us=([0-9.]+).*/\1/' <<<"$e")
  p99p=$(sed -E 's/.*p99_us=([0-9.]+).*/\1/' <<<"$p"); p99e=$(sed -E 's/.*p99_us=([0-9.]+).*/\1/' <<<"$e")
  ratio=$(awk -v a="$ev" -v b="$pv" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-12s %14s %14s %8s %14s %14s\n' "$op" "$pv" "$ev" "$ratio" "$p99p" "$p99e"
done

if [ -x "$build/samla" ]; then
  echo
  "$here/startup.sh" "$build" "$notes" || echo "startup benchmark failed"
fi
