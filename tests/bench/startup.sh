#!/usr/bin/env bash
# Start-up benchmark: process start to first frame of the unlock screen, and
# unlock to first frame of the home screen with NOTES notes (target: under
# 300 ms each after the first run). Prints the median of five runs.
# Usage: tests/bench/startup.sh [BUILD_DIR] [NOTES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
notes=${2:-100000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export SAMLA_PROBE_PASSPHRASE="benchmark-only passphrase"

echo "== start-up, $notes notes =="
"$build/tests/bench/bench_seed" "$data/store" "$notes"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

first=()
unlock=()
for i in 1 2 3 4 5 6; do
  out=$(SAMLA_PROBE_PASSPHRASE= "$build/samla" --data-dir "$data/store" --startup-probe 2>/dev/null)
  f=$(sed -nE 's/^first-frame-ms: ([0-9.]+).*/\1/p' <<<"$out")
  out=$("$build/samla" --data-dir "$data/store" --startup-probe 2>/dev/null)
  u=$(sed -nE 's/^unlock-to-home-ms: ([0-9.]+).*/\1/p' <<<"$out")
  # The first run warms the page cache; it is reported but not counted.
  if [ "$i" -eq 1 ]; then echo "first run (cold): first-frame ${f} ms, unlock-to-home ${u} ms"; continue; fi
  first+=("$f"); unlock+=("$u")
done
echo "process start -> unlock screen first frame: median $(printf '%s\n' "${first[@]}" | median) ms (runs: ${first[*]})"
echo "unlock -> home screen first frame:          median $(printf '%s\n' "${unlock[@]}" | median) ms (runs: ${unlock[*]})"
