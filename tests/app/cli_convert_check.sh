#!/bin/bash
# End-to-end check of `promptmask-cli convert`: labelme -> coco -> labelme / masks -> coco, with one
# malformed file and one escaping imagePath among good ones. Usage: cli_convert_check.sh CLI PYTHON WORKDIR
set -u
CLI=$1 PY=$2 W=$3
rm -rf "$W" && mkdir -p "$W/images" "$W/labelme" "$W/outside"
fail() { echo "FAIL: $*"; exit 1; }

"$PY" - "$W" <<'PYEOF' || fail "cannot create the fixture"
import json, sys, PIL.Image
w = sys.argv[1]
for name in ("a", "b"):
    PIL.Image.new("RGB", (64, 48), (50, 60, 70)).save(f"{w}/images/{name}.png")
def doc(image, shapes):
    return {"version": "5.1.1", "flags": {}, "shapes": shapes, "imagePath": image, "imageData": None,
            "imageHeight": 48, "imageWidth": 64}
sq = lambda label, x, y, s: {"label": label, "points": [[x, y], [x + s, y], [x + s, y + s], [x, y + s]],
                              "group_id": None, "shape_type": "polygon", "flags": {}}
json.dump(doc("../images/a.png", [sq("cup", 5, 5, 20), sq("table", 30, 10, 25)]), open(f"{w}/labelme/a.json", "w"))
json.dump(doc("../images/b.png", [sq("cup", 10, 10, 10)]), open(f"{w}/labelme/b.json", "w"))
json.dump(doc("../../../etc/passwd", [sq("cup", 1, 1, 5)]), open(f"{w}/labelme/c_escape.json", "w"))
open(f"{w}/labelme/d_broken.json", "w").write('{"shapes": [')
PYEOF

# labelme -> coco: 2 good files, 2 per-file errors, exit 3, summary line on stdout.
"$CLI" convert --from labelme --to coco --images "$W/images" --input "$W/labelme" --out "$W/coco/ann.json" \
  >"$W/out1.txt" 2>"$W/err1.txt"
rc=$?
cat "$W/out1.txt" "$W/err1.txt"
[ $rc -eq 3 ] || fail "labelme->coco exit $rc, expected 3 (some files bad)"
grep -q "converted 2 images, 3 annotations (labelme -> coco), 0 warnings, 2 errors" "$W/out1.txt" || fail "summary line"
grep -q "c_escape.json: image path '../../../etc/passwd' points outside" "$W/err1.txt" || fail "escape error"
grep -q "d_broken.json: not valid JSON" "$W/err1.txt" || fail "malformed error"
[ -s "$W/coco/ann.json" ] || fail "coco output missing"
grep -q $'\r' "$W/err1.txt" && fail "progress bar drawn although stderr is not a terminal"

# coco -> labelme (exact squares come back), coco -> masks -> coco (RLE, exact).
"$CLI" convert --from coco --to labelme --images "$W/images" --input "$W/coco/ann.json" --out "$W/back" \
  || fail "coco->labelme"
[ -f "$W/back/a.json" ] && [ -f "$W/back/b.json" ] || fail "labelme files not named after the images"
"$CLI" convert --from coco --to masks --images "$W/images" --input "$W/coco/ann.json" --out "$W/masks" || fail "coco->masks"
"$CLI" convert --from masks --to coco --rle --images "$W/images" --input "$W/masks" --out "$W/coco2.json" || fail "masks->coco"
"$PY" - "$W" <<'PYEOF' || fail "content check"
import json, sys
w = sys.argv[1]
a = json.load(open(f"{w}/coco/ann.json"))
assert [c["name"] for c in a["categories"]] == ["cup", "table"], a["categories"]
assert [i["file_name"] for i in a["images"]] == ["a.png", "b.png"]
# labelme's inclusive square of side 20 covers 21x21 pixels; COCO area is the mask's pixel count.
areas = sorted(x["area"] for x in a["annotations"])
assert areas == [121, 441, 676], areas
b = json.load(open(f"{w}/back/a.json"))
assert b["imagePath"] == "../images/a.png" and b["imageHeight"] == 48, b
c = json.load(open(f"{w}/coco2.json"))
assert sorted(x["area"] for x in c["annotations"]) == areas
assert all(isinstance(x["segmentation"]["counts"], str) for x in c["annotations"])
assert open(f"{w}/masks/labels.txt").read() == "_background_\ncup\ntable\n"
print("content ok")
PYEOF
# Re-traced (--tolerance), a big round shape keeps its pixel staircase (~290 vertices) unless asked for
# fewer; without any such option it is passed through as drawn (120 vertices).
mkdir -p "$W/round"
"$PY" - "$W" <<'PYEOF' || fail "cannot create the round fixture"
import json, math, sys, PIL.Image
w = sys.argv[1]
PIL.Image.new("RGB", (320, 320), (50, 60, 70)).save(f"{w}/images/round.png")
disk = [[160 + 100 * math.cos(a * math.pi / 180), 160 + 100 * math.sin(a * math.pi / 180)] for a in range(0, 360, 3)]
json.dump({"version": "5.1.1", "flags": {}, "imagePath": "../images/round.png", "imageData": None,
           "imageHeight": 320, "imageWidth": 320,
           "shapes": [{"label": "plate", "points": disk, "group_id": None, "shape_type": "polygon", "flags": {}}]},
          open(f"{w}/round/round.json", "w"))
PYEOF
"$CLI" convert --from labelme --to labelme --images "$W/images" --input "$W/round" --out "$W/same" || fail "same"
"$CLI" convert --from labelme --to labelme --tolerance 0.5 --images "$W/images" --input "$W/round" --out "$W/dense" \
  || fail "dense"
"$CLI" convert --from labelme --to labelme --simplify 0.01 --images "$W/images" --input "$W/round" --out "$W/light" \
  || fail "--simplify"
"$CLI" convert --from labelme --to labelme --simplify 0.9 --images "$W/images" --input "$W/round" --out "$W/x" \
  2>"$W/err2.txt" && fail "--simplify 0.9 accepted"
grep -q "simplify must be between 0 and 0.5" "$W/err2.txt" || fail "--simplify range message"
"$PY" - "$W" <<'PYEOF' || fail "simplify check"
import json, sys
w = sys.argv[1]
dense = len(json.load(open(f"{w}/dense/round.json"))["shapes"][0]["points"])
light = len(json.load(open(f"{w}/light/round.json"))["shapes"][0]["points"])
same = json.load(open(f"{w}/same/round.json"))["shapes"][0]["points"]
assert same == json.load(open(f"{w}/round/round.json"))["shapes"][0]["points"], "not passed through"
print(f"disk r100: {dense} vertices, {light} with --simplify 0.01")
assert dense > 200 and light < 40, (dense, light)
PYEOF

[ -z "$(ls -A "$W/outside")" ] || fail "something was written outside the output folders"
echo "PASS"
