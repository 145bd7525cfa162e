#!/usr/bin/env bash
# A sharded labelling run on a real one-node Slurm cluster equals a single local run:
#   start the cluster (packaging/cluster/slurm/localhost-cluster.sh), `sbatch --wait` the array job
#   (3 shards), run the merge job after it, compare the merged COCO file byte for byte with
#   `promptmask-cli label` run locally; then the same through submit.sh with 2 shards. The cluster is
#   shut down on every exit path. Exit 77 (skip) without root or without slurm-wlm / munge.
#
#   slurm_array_test.sh CLI SOURCE_DIR WORK_DIR
set -euo pipefail
cli=$(realpath "$1"); src=$(realpath "$2"); work=$(realpath -m "$3")
slurm="$src/packaging/cluster/slurm"

if [ "$(id -u)" -ne 0 ]; then echo "SKIP: the one-node cluster needs root"; exit 77; fi
for tool in munged slurmctld slurmd sbatch; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing (packaging/install-deps.sh installs slurm-wlm, munge)"; exit 77; }
done

rm -rf "$work"; mkdir -p "$work"
# Slurm runs the jobs in other processes: the tree they read must be readable to them (it is: root).
trap 'bash "$slurm/localhost-cluster.sh" stop "$work/state" || true' EXIT

# A small dataset: the sample images in two folders, three labels (one with an exemplar).
mkdir -p "$work/images/a" "$work/images/b"
i=0
for f in $(ls "$src"/resources/samples/shapes_* | head -n 8); do  # 8 images: each is a model run
  if [ $((i % 2)) -eq 0 ]; then cp "$f" "$work/images/a/"; else cp "$f" "$work/images/b/"; fi
  i=$((i + 1))
done
cat > "$work/labels.json" <<'JSON'
[{"name": "green", "prompts": ["green shape"], "threshold": 0.5},
 {"name": "circle", "prompts": ["circle", "red circle"], "threshold": 0.45},
 {"name": "like ellipse", "exemplars": [{"image": "images/a/shapes_00.png", "box": [212, 286, 72, 68]}]}]
JSON
export OMP_WAIT_POLICY=PASSIVE
bundle="$src/resources/models/demo-shapes"

echo "== single local run"
"$cli" label --model "$bundle" --images "$work/images" --labels "$work/labels.json" --format coco \
  --out "$work/single" --jobs 1 2>/dev/null

echo "== start the cluster"
bash "$slurm/localhost-cluster.sh" start "$work/state"
export SLURM_CONF="$work/state/slurm.conf"

echo "== array job (3 shards), sbatch --wait"
export PM_MODEL="$bundle" PM_IMAGES="$work/images" PM_LABELS="$work/labels.json" PM_OUT="$work/run3" PM_CLI="$cli"
mkdir -p "$PM_OUT"
array=$(sbatch --parsable --wait --array=0-2 --cpus-per-task=1 --output="$work/label-%A_%a.out" \
  "$slurm/label-array.sbatch") || { cat "$work"/label-*.out; exit 1; }
array=${array%%;*}
echo "array job $array done"
echo "== merge job, after the array"
sbatch --parsable --wait --dependency="afterok:$array" --output="$work/merge3.out" "$slurm/merge.sbatch" \
  || { cat "$work/merge3.out"; exit 1; }
cat "$work/merge3.out"

for s in 0 1 2; do
  [ -f "$work/run3/shard-$s/annotations.json" ] || { echo "FAIL: shard $s has no output"; exit 1; }
done
if ! cmp "$work/single/annotations.json" "$work/run3/merged.json"; then
  echo "FAIL: the merged Slurm run differs from the single local run"; exit 1
fi
"${PROMPTMASK_PYTHON:-python3}" - "$work/single/annotations.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["images"]) == 8 and d["annotations"], "the single run labelled too little"
print("single run:", len(d["images"]), "images,", len(d["annotations"]), "annotations")
PY

echo "== submit.sh: 2 shards and the dependent merge in one command"
bash "$slurm/submit.sh" 2 --model "$bundle" --images "$work/images" --labels "$work/labels.json" \
  --out "$work/run2" --cli "$cli" --wait -- --cpus-per-task=1
cmp "$work/single/annotations.json" "$work/run2/merged.json" || { echo "FAIL: submit.sh run differs"; exit 1; }
echo "PASS: Slurm array runs (3 and 2 shards) + merge equal the single run"
