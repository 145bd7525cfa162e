#!/bin/bash
# Bounded memory: one hostile file per source of sizes (declared sizes in labelme and COCO, RLE size,
# embedded image, labelme mask bitmap, huge coordinates, many full-size masks, label PNG) converted
# under a 2 GB address-space limit. Each must end in a clean refusal (exit 3) naming the file and the
# size, never a crash or an out-of-memory death; a valid large file still converts.
# Usage: cli_convert_limits.sh CLI PYTHON WORKDIR
set -u
CLI=$1 PY=$2 W=$3
rm -rf "$W" && mkdir -p "$W"
fail() { echo "FAIL: $*"; exit 1; }
command -v prlimit >/dev/null || { echo "SKIP: prlimit (util-linux) not installed"; exit 77; }

"$PY" - "$W" <<'PYEOF' || fail "cannot create the fixtures"
import base64, json, os, struct, sys, zlib
w = sys.argv[1]
def png_header(width, height):  # a PNG whose header declares the size; no pixel data worth decoding
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")
b64 = lambda b: base64.b64encode(b).decode()
poly = lambda label, pts: {"label": label, "points": pts, "group_id": None, "shape_type": "polygon", "flags": {}}
tri = poly("a", [[1, 1], [50, 1], [1, 50]])
def labelme(case, doc):
    os.makedirs(f"{w}/{case}", exist_ok=True)
    base = {"version": "5.1.1", "flags": {}, "imagePath": "missing.png", "imageData": None}
    base.update(doc)
    json.dump(base, open(f"{w}/{case}/{case}.json", "w"))
def coco(case, images, annotations):
    os.makedirs(f"{w}/{case}", exist_ok=True)
    json.dump({"images": images, "annotations": annotations, "categories": [{"id": 1, "name": "a"}]},
              open(f"{w}/{case}/{case}.json", "w"))
# The case from the issue: declared 60000x60000, imagePath missing, imageData a PNG header of that size.
labelme("declared", {"imageHeight": 60000, "imageWidth": 60000, "imageData": b64(png_header(60000, 60000)),
                     "shapes": [tri]})
labelme("embedded", {"imageData": b64(png_header(20000, 20000)), "shapes": [tri]})
labelme("bitmap", {"imageHeight": 100, "imageWidth": 100, "shapes": [
    {"label": "m", "points": [[0, 0], [99, 99]], "shape_type": "mask", "group_id": None, "flags": {},
     "mask": b64(png_header(60000, 60000))}]})
labelme("coords", {"imageHeight": 100, "imageWidth": 100, "shapes": [poly("a", [[0, 0], [1e12, 5], [3, -1e15]])]})
labelme("many", {"imageHeight": 6000, "imageWidth": 6000, "shapes": [poly(f"l{i}", [[i, 0], [50, 50], [0, 50]]) for i in range(40)]})
coco("coco_declared", [{"id": 1, "file_name": "x.png", "width": 60000, "height": 60000}],
     [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[1, 1, 50, 1, 1, 50]]}])
coco("coco_rle", [{"id": 1, "file_name": "x.png", "width": 100, "height": 100}],
     [{"id": 1, "image_id": 1, "category_id": 1, "iscrowd": 1, "segmentation": {"size": [60000, 60000], "counts": [0, 3600000000]}}])
coco("coco_coords", [{"id": 1, "file_name": "x.png", "width": 100, "height": 100}],
     [{"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0, 0, 1e12, 5, 3, -1e15]]}])
os.makedirs(f"{w}/masks_png/index", exist_ok=True)
open(f"{w}/masks_png/index/x.png", "wb").write(png_header(60000, 60000))
open(f"{w}/masks_png/labels.txt", "w").write("_background_\na\n")
labelme("valid", {"imageHeight": 3000, "imageWidth": 4000, "shapes": [tri, poly("b", [[0, 0], [3999, 0], [0, 2999]])]})
PYEOF

# case  --from  expected words in the message
check() {
  local case=$1 from=$2 expect=$3 input
  input="$W/$case/$case.json"; [ "$from" = masks ] && input="$W/$case"
  prlimit --as=2147483648 "$CLI" convert --from "$from" --to coco --images "$W/$case" --input "$input" \
    --out "$W/out_$case.json" >"$W/$case.out" 2>"$W/$case.err"
  local rc=$?
  cat "$W/$case.err" | head -5
  [ $rc -ge 2 ] && [ $rc -le 4 ] || fail "$case: exit $rc (expected a refusal, 2-4)"
  grep -q -- "$expect" "$W/$case.err" || fail "$case: message lacks '$expect'"
  grep -q "$case" "$W/$case.err" || fail "$case: message does not name the file"
}
check declared labelme "image 60000x60000 is out of range"
check embedded labelme "embedded image 20000x20000 is out of range"
check bitmap labelme "mask bitmap 60000x60000 is out of range"
check coords labelme "lies far outside the 100x100 image"
check many labelme "MiB of masks per image"
check coco_declared coco "declared image size 60000x60000 is out of range"
check coco_rle coco "RLE size 60000x60000 is out of range"
check coco_coords coco "lies far outside the 100x100 image"
check masks_png masks "label image 60000x60000 is out of range"
prlimit --as=2147483648 "$CLI" convert --from labelme --to coco --images "$W/valid" --input "$W/valid/valid.json" \
  --out "$W/out_valid.json" || fail "a valid 12-megapixel file was refused"
echo "PASS"
