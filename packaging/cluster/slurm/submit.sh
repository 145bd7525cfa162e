#!/usr/bin/env bash
# Submits a sharded labelling run: an array of N label tasks, then the merge once all succeeded.
#
#   submit.sh N --model BUNDLE --images DIR --labels LABELS.json --out DIR [--format coco|labelme|masks]
#             [--cli PATH] [--wait] [-- extra sbatch options]
#
# Prints the two job ids. With --wait it returns when the merge job has ended (its exit status).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${1:?usage: submit.sh N --model BUNDLE --images DIR --labels FILE --out DIR [--format F] [--cli PATH] [--wait]}
shift
wait_flag=()
while [ $# -gt 0 ]; do
  case "$1" in
    --model) export PM_MODEL=$(realpath "$2"); shift 2 ;;
    --images) export PM_IMAGES=$(realpath "$2"); shift 2 ;;
    --labels) export PM_LABELS=$(realpath "$2"); shift 2 ;;
    --out) export PM_OUT=$(realpath -m "$2"); shift 2 ;;
    --format) export PM_FORMAT=$2; shift 2 ;;
    --cli) export PM_CLI=$(realpath "$2"); shift 2 ;;
    --wait) wait_flag=(--wait); shift ;;
    --) shift; break ;;
    *) echo "submit.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$PM_OUT/slurm-logs"
array=$(sbatch --parsable --array="0-$((n - 1))" --export=ALL "$@" \
  --output="$PM_OUT/slurm-logs/label-%A_%a.out" "$here/label-array.sbatch")
array=${array%%;*}
echo "label array job $array ($n shards)"
merge=$(sbatch --parsable "${wait_flag[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes --export=ALL "$@" \
  --output="$PM_OUT/slurm-logs/merge-%j.out" "$here/merge.sbatch")
echo "merge job ${merge%%;*}"
