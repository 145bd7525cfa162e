#!/bin/bash
# Re-prompt latency in the real window (see gui_reprompt.py); run.sh calls it and reads its JSON.
# Usage: gui_reprompt.sh APP BUNDLE IMAGE [--prompts N]
set -euo pipefail
exec /usr/bin/python3 "$(dirname "$0")/gui_reprompt.py" "$@"
