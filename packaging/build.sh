#!/usr/bin/env bash
# Installs the Debian dependencies (idempotent) and builds PromptMask with the default preset
# (RelWithDebInfo, in ./build). Shared by the two quick-start commands.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default
