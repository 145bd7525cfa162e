#!/usr/bin/env bash
# Fails when a tracked C++ file is not clang-format clean (the committed .clang-format is the rule).
set -euo pipefail
cd "$1"
command -v clang-format >/dev/null || { echo "clang-format not installed: skipped"; exit 77; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core ui app tests benchmarks -name '*.cpp' -o -name '*.h')
[ -n "$files" ] || { echo "no sources found"; exit 1; }
bad=0
for f in $files; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not clang-format clean: $f"
    bad=1
  fi
done
exit $bad
