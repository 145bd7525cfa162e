#!/usr/bin/env bash
# Quick-start command 2 (and CI): install dependencies, build, run every test. Ends with CTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh
# OMP_WAIT_POLICY=PASSIVE: spinning OpenMP workers starve each other on small machines.
export OMP_WAIT_POLICY=PASSIVE
ctest --preset default
