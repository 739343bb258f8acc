#!/usr/bin/env bash
# Long runs of the sync robustness tests, beyond what ctest runs:
#   tests/sync/soak.sh BUILD_DIR [CYCLES] [FAULT_RUNS] [--pg]
# CYCLES      kill -9 cycles of tst_sync_soak (default 300): a writing device, a
#             reading device and samla-server SIGKILLed at random moments
# FAULT_RUNS  runs of tst_sync_faults, each with a new random seed (default 20)
# --pg        the server's store on a throwaway PostgreSQL cluster (pg-cluster.sh)
# PROPERTY_RUNS (environment, default 40): random schedules of tst_sync_property,
#             4-6 devices each, with PROPERTY_STEPS steps (default 150)
# Every run prints its seed; SAMLA_SOAK_SEED / SAMLA_FAULT_SEED / SAMLA_PROPERTY_SEED replay one.
set -euo pipefail

build=${1:?build directory}
cycles=${2:-300}
faultRuns=${3:-20}
pg=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
bin="$build/tests/sync"
[ -x "$bin/tst_sync_soak" ] && [ -x "$bin/tst_sync_faults" ] && [ -x "$bin/tst_sync_property" ] || {
  echo "build tst_sync_soak, tst_sync_faults and tst_sync_property first:" \
       "cmake --build $build --target tst_sync_soak tst_sync_faults tst_sync_property" >&2
  exit 2
}

state=""
cleanup() { [ -n "$state" ] && bash "$here/pg-cluster.sh" stop "$state" "$pgbin" || true; }
if [ "$pg" = "--pg" ]; then
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
  state=$(mktemp -d)
  trap cleanup EXIT
  bash "$here/pg-cluster.sh" start "$state" "$pgbin"
  export SAMLA_TEST_STORE_FILE="$state/url"
fi
export QT_QPA_PLATFORM=offscreen
# QtTest stops a test function after 5 minutes unless told otherwise.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-604800000}

echo "== kill -9 soak: $cycles cycles"
SAMLA_SOAK_CYCLES=$cycles "$bin/tst_sync_soak" nothingLostThroughKills 2>&1 | grep --line-buffered -E 'QINFO|FAIL|PASS   : TestSyncSoak::nothing|Loc:|QFATAL'

echo "== fault proxy: $faultRuns runs with new seeds"
for i in $(seq 1 "$faultRuns"); do
  "$bin/tst_sync_faults" 'devicesConvergeAfterRandomFaults:new seed' 2>&1 | grep --line-buffered -E 'rounds,|FAIL|Loc:'
done

propertyRuns=${PROPERTY_RUNS:-40}
echo "== property: $propertyRuns random schedules"
SAMLA_PROPERTY_RUNS=$propertyRuns SAMLA_PROPERTY_STEPS=${PROPERTY_STEPS:-150} \
  "$bin/tst_sync_property" randomSchedulesConverge 2>&1 | grep --line-buffered -E 'property run|schedules held|^#|heal|FAIL|Loc:'
