#!/bin/sh
# CTest fixture: exports the golden Hugging Face checkpoints to PromptMask bundles once per test run.
#   export_test_bundles.sh PYTHON EXPORTER SHARED_DIR OUT_DIR
# Exit 77 (skipped) when the shared reference data is absent.
set -eu
python=$1 exporter=$2 shared=$3 out=$4
hf="$shared/golden/hf"
if [ ! -d "$hf/tiny-refined" ] || [ ! -d "$hf/tiny-simple" ]; then
  echo "skipped: $hf not found (no shared golden data)"
  exit 77
fi
mkdir -p "$out"
"$python" "$exporter" --hf-dir "$hf/tiny-refined" --out "$out/tiny-refined"
"$python" "$exporter" --hf-dir "$hf/tiny-simple" --out "$out/tiny-simple"
"$python" "$exporter" --hf-dir "$hf/tiny-refined" --weights bin --out "$out/tiny-refined-bin"
