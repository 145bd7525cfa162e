#!/bin/bash
# promptmask-cli on a full disk and in a read-only folder, both real: a 4 MiB tmpfs (filled up, then
# remounted read-only) in a private mount namespace (`unshare -rm` maps the caller to root there, so no
# real root is needed). Each export and batch output must exit non-zero with a message that names the
# file and says why, and leave the files from the previous run byte-identical (no partial data, no
# temporaries). Usage: full_disk_cli.sh CLI PYTHON WORKDIR [MODEL_BUNDLE IMAGE]
# Exit 77 (CTest: skipped) where the machine allows no mount namespace.
set -u
if [ "${PM_IN_NAMESPACE:-}" != 1 ]; then
  if ! unshare -rm true 2>/dev/null; then
    echo "SKIP: this machine allows no user+mount namespace (unshare -rm), so no tmpfs can be mounted"
    exit 77
  fi
  PM_IN_NAMESPACE=1 exec unshare -rm bash "$0" "$@"
fi
CLI=$1 PY=$2 W=$3 MODEL=${4:-} IMAGE=${5:-}
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$W" && mkdir -p "$W/src" "$W/disk"
mount -t tmpfs -o size=4m tmpfs "$W/disk" || { echo "SKIP: cannot mount a tmpfs here"; exit 77; }

"$PY" - "$W/src" <<'PYEOF' || fail "cannot create the fixture"
import json, os, sys, PIL.Image
w = sys.argv[1]
os.makedirs(f"{w}/images")
for variant, label in (("A", "cup"), ("B", "mug")):
    os.makedirs(f"{w}/{variant}")
    for i in range(12):
        if variant == "A":
            PIL.Image.new("RGB", (96, 64), (40 + i, 80, 120)).save(f"{w}/images/img_{i:02d}.png")
        s = 10 + i + (9 if variant == "B" else 0)
        shapes = [{"label": label, "points": [[3, 3], [3 + s, 3], [3 + s, 3 + s], [3, 3 + s]], "group_id": None,
                   "shape_type": "polygon", "flags": {}}]
        json.dump({"version": "5.1.1", "flags": {}, "shapes": shapes, "imagePath": f"../images/img_{i:02d}.png",
                   "imageData": None, "imageHeight": 64, "imageWidth": 96}, open(f"{w}/{variant}/img_{i:02d}.json", "w"))
PYEOF

convert() {  # convert VARIANT TO OUT
  "$CLI" convert --from labelme --to "$2" --images "$W/src/images" --input "$W/src/$1" --out "$3"
}
segment() {  # segment PROMPT OUTDIR
  "$CLI" segment --model "$MODEL" --image "$IMAGE" --threads 1 --prompt "$1" --prompt "the background" \
    --masks-out "$2/masks" --logits-out "$2/logits.npy"
}
have_model() { [ -n "$MODEL" ] && [ -f "$MODEL/model.pt" ] && [ -f "$IMAGE" ]; }
sums() { (cd "$W/disk" && find . -type f ! -name filler -print0 | sort -z | xargs -0 -r sha256sum); }

# The previous, complete outputs: variant A of each format (and one segment run).
convert A coco "$W/disk/ann.json" >/dev/null || fail "first coco export"
convert A masks "$W/disk/masks" >/dev/null || fail "first masks export"
convert A labelme "$W/disk/labelme" >/dev/null || fail "first labelme export"
if have_model; then mkdir -p "$W/disk/seg" && segment "a red circle" "$W/disk/seg" >/dev/null || fail "first segment run"; fi
sums >"$W/before.txt"
[ "$(wc -l <"$W/before.txt")" -ge 20 ] || fail "too few outputs to check: $(cat "$W/before.txt")"

check_refused() {  # check_refused WHAT REASON_REGEX TARGET_REGEX -- command...
  local what=$1 reason=$2 target=$3; shift 4
  "$@" >"$W/out.txt" 2>"$W/err.txt"
  local rc=$?
  [ $rc -ne 0 ] || fail "$what: exit 0 although nothing could be written"
  [ $rc -ge 2 ] && [ $rc -le 4 ] || fail "$what: exit $rc, expected 2-4: $(cat "$W/err.txt")"
  grep -Eq "$reason" "$W/err.txt" || fail "$what: no '$reason' in the message: $(cat "$W/err.txt")"
  grep -Eq "$target" "$W/err.txt" || fail "$what: the message names no '$target': $(cat "$W/err.txt")"
  sums | diff -u "$W/before.txt" - || fail "$what: a previous output changed"
  if find "$W/disk" -name '*.tmp-*' | grep -q .; then fail "$what: temporaries left behind"; fi
  echo "ok: $what -> exit $rc: $(head -c 300 "$W/err.txt" | tr '\n' ' ')"
  cases=$((cases + 1))
}
cases=0
for mode in full readonly; do
  if [ $mode = full ]; then
    dd if=/dev/zero of="$W/disk/filler" bs=4k 2>/dev/null  # until ENOSPC
    reason="No space left on device.*disk is full"
  else
    rm -f "$W/disk/filler"
    mount -o remount,ro "$W/disk" || fail "cannot remount read-only"
    reason="Read-only file system.*read-only"
  fi
  check_refused "$mode: coco export" "$reason" "ann\.json" -- convert B coco "$W/disk/ann.json"
  check_refused "$mode: masks export" "$reason" "masks/" -- convert B masks "$W/disk/masks"
  check_refused "$mode: labelme export" "$reason" "img_[0-9]+\.json" -- convert B labelme "$W/disk/labelme"
  if have_model; then
    check_refused "$mode: segment batch outputs" "$reason" "mask_000\.png|logits\.npy" -- \
      segment "a blue square" "$W/disk/seg"
  fi
done
# With room again, the same command succeeds: nothing was left in a state that blocks a retry.
mount -o remount,rw "$W/disk"
convert B coco "$W/disk/ann.json" >/dev/null || fail "retry after freeing space"
echo "full disk / read-only: $cases refusals checked, previous outputs intact; retry with space ok"
