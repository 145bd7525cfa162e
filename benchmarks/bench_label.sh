#!/usr/bin/env bash
# images/s of `promptmask-cli label` over a folder versus the baseline a script would write today: one
# `promptmask-cli segment` process per image (model load, prompt encoding, inference, masks out), over
# the same images with the same prompts. Both run here, in this run, so the printed ratio is what
# counts, not the absolute numbers. Also the scaling simulation of docs/BATCH.md: the same folder as N
# shards run one after another (per-shard time; N machines would run them side by side).
#
#   benchmarks/bench_label.sh CLI [BUNDLE] [COPIES] [SHARDS...]
#     CLI     build/bin/promptmask-cli
#     BUNDLE  default resources/models/demo-shapes
#     COPIES  copies of the 20 sample images (default 3: 60 images)
#     SHARDS  shard counts for the simulation (default: 2 4)
#
# Runs the binaries as a user starts them (env -i: none of CTest's variables), 2 threads each.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cli=$(realpath "${1:?usage: bench_label.sh CLI [BUNDLE] [COPIES] [SHARDS...]}")
bundle=$(realpath "${2:-$here/resources/models/demo-shapes}")
copies=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
shards=("$@"); [ ${#shards[@]} -gt 0 ] || shards=(2 4)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
run() { env -i PATH=/usr/bin:/bin HOME="$work" "$@"; }
now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }

mkdir -p "$work/images"
for c in $(seq "$copies"); do
  for f in "$here"/resources/samples/shapes_*; do b=$(basename "$f"); cp "$f" "$work/images/${b%.*}_$c.${b##*.}"; done
done
n=$(find "$work/images" -type f | wc -l)
prompts=("green shape" "circle" "red circle" "blue square")
printf '[{"name":"green","prompts":["green shape"]},{"name":"circle","prompts":["circle","red circle"]},' > "$work/labels.json"
printf '{"name":"square","prompts":["blue square"]}]\n' >> "$work/labels.json"
args=(); for p in "${prompts[@]}"; do args+=(--prompt "$p"); done

echo "dataset: $n images, ${#prompts[@]} prompts in 3 labels, model $(basename "$bundle"), $(nproc) CPUs"

t0=$(now)
for img in "$work"/images/*; do
  run "$cli" segment --model "$bundle" --image "$img" "${args[@]}" --threads 2 \
    --masks-out "$work/segment/$(basename "$img")" >/dev/null
done
t1=$(now)
run "$cli" label --model "$bundle" --images "$work/images" --labels "$work/labels.json" --format coco \
  --out "$work/label" --jobs 2 2>/dev/null
t2=$(now)

loop=$(calc "$t1 - $t0"); batch=$(calc "$t2 - $t1")
printf 'segment loop   %7.2f s  %6.2f images/s\n' "$loop" "$(calc "$n / $loop")"
printf 'label          %7.2f s  %6.2f images/s  (%.1fx the loop; includes writing annotations.json)\n' \
  "$batch" "$(calc "$n / $batch")" "$(calc "$loop / $batch")"

for s in "${shards[@]}"; do
  worst=0; total=0
  for i in $(seq 0 $((s - 1))); do
    a=$(now)
    run "$cli" label --model "$bundle" --images "$work/images" --labels "$work/labels.json" --format coco \
      --out "$work/shards$s/shard-$i" --shard "$i/$s" --jobs 2 2>/dev/null
    d=$(calc "$(now) - $a"); total=$(calc "$total + $d")
    if [ "$(calc "($d > $worst)")" = 1 ]; then worst=$d; fi
  done
  a=$(now)
  run "$cli" merge --format coco "$work/shards$s"/shard-* --out "$work/shards$s/merged.json" >/dev/null
  m=$(calc "$(now) - $a")
  cmp -s "$work/shards$s/merged.json" "$work/label/annotations.json" || { echo "merged $s shards differ!"; exit 1; }
  printf '%d shards      slowest shard %6.2f s, all shards %6.2f s, merge %5.2f s -> on %d machines %6.2f images/s (%.1fx one label run)\n' \
    "$s" "$worst" "$total" "$m" "$s" "$(calc "$n / ($worst + $m)")" "$(calc "$batch / ($worst + $m)")"
done
