#!/usr/bin/env bash
# The sanitizer run (docs/RELIABILITY.md, "Sanitizers"): ASan + UBSan over every test but the slow and
# reliability ones (LibTorch, GUI and CLI tests included), then ThreadSanitizer over the GUI worker
# tests. Too long for CI on two cores; run it by hand (ccache makes reruns cheap):
#   bash tests/sanitizers/run_sanitizers.sh [asan|tsan|all]   (default asan; tsan is a diagnostic)
# Ends with one summary line per sanitizer run; exit 0 only when all of them pass.
set -uo pipefail
cd "$(dirname "$0")/../.."
which=${1:-asan}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export OMP_WAIT_POLICY=PASSIVE
status=0
summary=()
run() {  # run PRESET
  local start=$SECONDS
  cmake --preset "$1" "${launcher[@]}" >/dev/null || { summary+=("$1: configure failed"); status=1; return; }
  cmake --build --preset "$1" || { summary+=("$1: build failed"); status=1; return; }
  local built=$((SECONDS - start))
  ctest --preset "$1" 2>&1 | tee "build-$1/sanitizer-run.log"
  local rc=${PIPESTATUS[0]}
  summary+=("$1: $(grep -E 'tests passed|tests failed' "build-$1/sanitizer-run.log" | tail -1) (build ${built}s, tests $((SECONDS - start - built))s)")
  [ "$rc" -eq 0 ] || status=1
}
[ "$which" = tsan ] || run asan
[ "$which" = asan ] || run tsan
printf '%s\n' "${summary[@]}"
exit $status
