#!/usr/bin/env bash
# Quick-start command 1: install dependencies, build, and start the app on the sample images with the
# embedded demo model (or the model configured in the app). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(resources/samples)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "build-and-run: no display found; starting PromptMask in a virtual X server (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" ./build/bin/promptmask "${args[@]}"
fi
exec ./build/bin/promptmask "${args[@]}"
