#!/usr/bin/env bash
# Quick-start command 2 (and CI): install dependencies, build, run every test. Ends with CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh
# No OMP_WAIT_POLICY here: the shipped binaries set their own before libgomp loads (core/util/RuntimeEnvironment.h),
# so tests see what users get.
ctest --preset default
