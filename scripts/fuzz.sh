#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and runs each for a while.
#   scripts/fuzz.sh [seconds] [target…]      default: 300 seconds each, every target
# Targets are named as in tests/fuzz (fuzz_envelope, or just envelope).
# Environment:
#   SAMLA_FUZZ_DIR        where the growing corpus and crash files are kept, outside the repository
#                         (default ~/.cache/samla-fuzz): corpus/<target>/ and crashes/<target>-*
#   SAMLA_FUZZ_BUILD_DIR  the build directory (default ./build-fuzz)
#   JOBS                  build parallelism (default: number of cores)
# The seeds in tests/fuzz/corpus/<target>/ (and tests/fuzz/<target>.dict) are read, never written.
# A crash, a hang, an allocation past the limit or a broken contract fails the run: the input is
# printed as hex and kept in the crash directory, with the command that runs it again.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
[ $# -gt 0 ] && shift
case "$seconds" in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds] [target…]" >&2; exit 2 ;;
esac
build=${SAMLA_FUZZ_BUILD_DIR:-$root/build-fuzz}
work=${SAMLA_FUZZ_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/samla-fuzz}
jobs=${JOBS:-$(nproc)}

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ is not installed (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

all=()
for f in "$root"/tests/fuzz/fuzz_*.cpp; do
  all+=("$(basename "$f" .cpp)")
done
targets=()
if [ $# -eq 0 ]; then
  targets=("${all[@]}")
else
  for t in "$@"; do
    t=fuzz_${t#fuzz_}
    if [ ! -f "$root/tests/fuzz/$t.cpp" ]; then
      echo "fuzz: no target $t (there are: ${all[*]})" >&2
      exit 2
    fi
    targets+=("$t")
  done
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSAMLA_FUZZ=ON -DSAMLA_BUILD_TESTS=OFF -DSAMLA_BUILD_BENCH=OFF
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]}"

mkdir -p "$work/crashes"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0
failed=0
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  log="$work/$t.log"
  options=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=1024
           -print_final_stats=1 -artifact_prefix="$work/crashes/$t-")
  [ -f "$root/tests/fuzz/$t.dict" ] && options+=(-dict="$root/tests/fuzz/$t.dict")
  seeds=()
  [ -d "$root/tests/fuzz/corpus/$t" ] && seeds+=("$root/tests/fuzz/corpus/$t")
  before=$(ls "$work/crashes" | grep -c "^$t-" || true)
  status=0
  "$build/tests/fuzz/$t" "${options[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
  summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 | sed -E 's/^#([0-9]+)[[:space:]]+DONE[[:space:]]+/\1 runs, /' || true)
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz: $t passed ($seconds s): $summary"
    continue
  fi
  failed=$((failed + 1))
  echo "fuzz: $t FAILED (exit $status); the end of its log ($log):"
  grep -vE '^(INFO|#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|RELOAD))' "$log" | tail -60
  crash=$(ls -t "$work/crashes" | grep "^$t-" | head -1 || true)
  if [ -n "$crash" ] && [ "$(ls "$work/crashes" | grep -c "^$t-")" -gt "$before" ]; then
    file="$work/crashes/$crash"
    echo "fuzz: the input ($(wc -c <"$file") bytes, kept in $file) as hex:"
    od -A x -t x1z -v "$file" | head -256 || true
    echo "fuzz: run it again with: $build/tests/fuzz/$t $file"
  fi
done
echo "fuzz: corpus in $work/corpus, crash files in $work/crashes"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
