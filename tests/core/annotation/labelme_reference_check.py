#!/usr/bin/env python3
"""Reads labelme files with promptmask-cli and compares every mask with labelme's own rasterization
(labelme.utils.shape_to_mask of the installed labelme, i.e. Debian's 5.1.1 with Pillow 9.4), pixel for
pixel: random float-vertex polygons, rectangles and circles drawn at test time, and every labelme file
of ../shared/interop (when present). Checks labelme -> masks, labelme -> coco --rle (area = pixel
count, no __ignore__ category, file_name an image of the declared size) and labelme -> labelme.

Usage: labelme_reference_check.py CLI WORKDIR [SHARED_DIR]. Exit 77 when labelme is not importable."""
import base64
import io
import json
import os
import random
import shutil
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    import numpy as np
    import PIL.Image
    from labelme.utils import shape_to_mask
except Exception as e:  # labelme missing: not our failure
    print(f"SKIP: labelme is not importable: {e}")
    sys.exit(77)

NO_AREA = {"point", "line", "linestrip", "points"}
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message)


def reference(shape, size):
    """The mask labelme draws for one shape (mask shapes placed as labelme >= 5.5's shapes_to_label)."""
    h, w = size
    t = shape.get("shape_type") or "polygon"
    pts = shape["points"]
    if t == "mask":
        bitmap = np.array(PIL.Image.open(io.BytesIO(base64.b64decode(shape["mask"])))).astype(bool)
        if bitmap.ndim == 3:
            bitmap = bitmap.any(axis=2)
        out = np.zeros((h, w), bool)
        x0, y0 = (int(v) for v in pts[0])
        x1, y1 = min(w, x0 + bitmap.shape[1]), min(h, y0 + bitmap.shape[0])
        out[y0:y1, x0:x1] = bitmap[: y1 - y0, : x1 - x0]
        return out
    if t in ("rectangle", "rotation") and len(pts) == 4 or t == "rotation":
        t = "polygon"  # X-AnyLabeling's 4 corners: the area they enclose
    return shape_to_mask((h, w), pts, t)


def references(doc):
    """label -> union of labelme's masks of that label's area shapes."""
    size = (doc["imageHeight"], doc["imageWidth"])
    out = {}
    for s in doc["shapes"]:
        if (s.get("shape_type") or "polygon") in NO_AREA:
            continue
        m = reference(s, size)
        out[s["label"]] = out.get(s["label"], np.zeros(size, bool)) | m
    return out


def rle_decode(rle):
    h, w = rle["size"]
    counts = rle["counts"]
    if isinstance(counts, str):  # pycocotools' rleFrString
        vals, p = [], 0
        while p < len(counts):
            x, k, more = 0, 0, True
            while more:
                c = ord(counts[p]) - 48
                x |= (c & 0x1F) << (5 * k)
                more = bool(c & 0x20)
                p += 1
                k += 1
                if not more and (c & 0x10):
                    x |= -1 << (5 * k)
            if len(vals) > 2:
                x += vals[-2]
            vals.append(x)
        counts = vals
    flat = np.zeros(h * w, bool)
    pos, val = 0, False
    for c in counts:
        flat[pos:pos + c] = val
        pos += c
        val = not val
    return flat.reshape((w, h)).T


def iou(a, b):
    u = np.logical_or(a, b).sum()
    return 1.0 if u == 0 else np.logical_and(a, b).sum() / u


def run(cli, *args):
    r = subprocess.run([cli, "convert", *args], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def check_folder(cli, name, images, jsons, work):
    """labelme -> masks / coco / labelme on one folder of labelme files, against labelme."""
    docs = {}
    for f in sorted(os.listdir(jsons)):
        if f.endswith(".json"):
            docs[f[:-5]] = json.load(open(os.path.join(jsons, f)))
    out = os.path.join(work, name)
    rc, log = run(cli, "--from", "labelme", "--to", "masks", "--images", images, "--input", jsons,
                  "--out", out + "/masks")
    check(rc == 0, f"{name}: labelme -> masks exit {rc}: {log}")
    meta = json.load(open(out + "/masks/labels.json"))
    for entry in meta["images"]:
        stem = os.path.splitext(os.path.basename(entry["image"]))[0]
        ref = references(docs[stem])
        index = np.array(PIL.Image.open(os.path.join(out, "masks", entry["index_png"])))
        for label, m in ref.items():
            if label == "__ignore__":
                check((index == 255).sum() == m.sum() and (index[m] == 255).all(),
                      f"{name}/{stem}: __ignore__ is not index 255 exactly")
                continue
            ours = np.array(PIL.Image.open(os.path.join(out, "masks", entry["binary"][label]))) > 0
            print(f"{name}/{stem} '{label}': labelme {m.sum()} px, ours {ours.sum()} px, IoU {iou(m, ours):.4f}")
            check((ours == m).all(), f"{name}/{stem} '{label}': {int((ours != m).sum())} pixels differ")

    rc, log = run(cli, "--from", "labelme", "--to", "coco", "--rle", "--images", images, "--input", jsons,
                  "--out", out + "/coco.json")
    check(rc == 0, f"{name}: labelme -> coco exit {rc}: {log}")
    coco = json.load(open(out + "/coco.json"))
    check(all(c["name"] != "__ignore__" for c in coco["categories"]), f"{name}: __ignore__ became a category")
    names = {c["id"]: c["name"] for c in coco["categories"]}
    for im in coco["images"]:
        path = os.path.join(images, im["file_name"])
        check(os.path.isfile(path) and PIL.Image.open(path).size == (im["width"], im["height"]),
              f"{name}: file_name '{im['file_name']}' is not an image of the declared size")
        stem = os.path.splitext(os.path.basename(im["file_name"]))[0]
        ref = references(docs[stem])
        union = {}
        for a in coco["annotations"]:
            if a["image_id"] != im["id"]:
                continue
            m = rle_decode(a["segmentation"])
            check(a["area"] == int(m.sum()), f"{name}/{stem}: area {a['area']} != pixel count {m.sum()}")
            label = names[a["category_id"]]
            union[label] = union.get(label, np.zeros_like(m)) | m
        for label, m in ref.items():
            if label != "__ignore__":
                got = union.get(label, np.zeros_like(m))
                check((got == m).all(), f"{name}/{stem} '{label}': COCO differs by {int((got != m).sum())} px")

    rc, log = run(cli, "--from", "labelme", "--to", "labelme", "--embed-images", "--images", images,
                  "--input", jsons, "--out", out + "/labelme")
    check(rc == 0, f"{name}: labelme -> labelme exit {rc}: {log}")
    for f in sorted(os.listdir(out + "/labelme")):
        back = json.load(open(os.path.join(out, "labelme", f)))
        stem = f[:-5]
        ref, got = references(docs[stem]), references(back)
        for label, m in ref.items():
            g = got.get(label, np.zeros_like(m))
            check((g == m).all(), f"{name}/{stem} '{label}': labelme -> labelme differs by {int((g != m).sum())} px")
        kinds = lambda d: sorted((s.get("shape_type") or "polygon") for s in d["shapes"] if s.get("shape_type") in NO_AREA)
        check(kinds(back) == kinds(docs[stem]), f"{name}/{stem}: points/lines not kept in labelme -> labelme")
        data = PIL.Image.open(io.BytesIO(base64.b64decode(back["imageData"])))
        check(data.size == (back["imageWidth"], back["imageHeight"]), f"{name}/{stem}: imageData of the wrong size")


def random_shapes(work, seed):
    rng = random.Random(seed)
    folder = os.path.join(work, "random")
    os.makedirs(folder)
    for i in range(60):
        w, h = rng.randint(8, 90), rng.randint(8, 90)
        PIL.Image.new("RGB", (w, h)).save(os.path.join(folder, f"r{i}.png"))
        shapes = []
        for k in range(rng.randint(1, 5)):
            kind = rng.choice(["polygon", "polygon", "rectangle", "circle"])
            rnd = lambda: [rng.uniform(-3, w + 3), rng.uniform(-3, h + 3)]
            if kind == "polygon":
                pts = [rnd() for _ in range(rng.randint(3, 9))]
            elif kind == "rectangle":
                a = rnd()
                pts = [a, [a[0] + rng.uniform(0, w / 2), a[1] + rng.uniform(0, h / 2)]]
            else:
                c = rnd()
                pts = [c, [c[0] + rng.uniform(-w / 3, w / 3), c[1] + rng.uniform(-h / 3, h / 3)]]
            shapes.append({"label": f"{kind}{k}", "points": pts, "group_id": None, "shape_type": kind, "flags": {}})
        doc = {"version": "5.1.1", "flags": {}, "shapes": shapes, "imagePath": f"r{i}.png", "imageData": None,
               "imageHeight": h, "imageWidth": w}
        json.dump(doc, open(os.path.join(folder, f"r{i}.json"), "w"))
    return folder


def check_embedded(cli, work):
    """A labelme file whose imagePath names the JSON itself and whose picture is only in imageData."""
    folder = os.path.join(work, "embedded")
    os.makedirs(folder)
    buf = io.BytesIO()
    PIL.Image.new("RGB", (40, 30), (10, 200, 30)).save(buf, "PNG")
    data = base64.b64encode(buf.getvalue()).decode()
    doc = {"version": "5.1.1", "flags": {}, "imagePath": "tutorial.json", "imageData": data, "imageHeight": 30,
           "imageWidth": 40, "shapes": [{"label": "a", "points": [[2, 2], [30, 4], [10, 25]], "group_id": None,
                                         "shape_type": "polygon", "flags": {}}]}
    json.dump(doc, open(os.path.join(folder, "tutorial.json"), "w"))
    rc, log = run(cli, "--from", "labelme", "--to", "coco", "--images", folder, "--input", folder,
                  "--out", os.path.join(work, "embedded.json"))
    check(rc == 0, f"embedded: exit {rc}: {log}")
    check("using the image in imageData" in log, f"embedded: no warning about imageData: {log}")
    coco = json.load(open(os.path.join(work, "embedded.json")))
    check([i["file_name"] for i in coco["images"]] == ["tutorial.png"], f"embedded: file_name {coco['images']}")
    rc, log = run(cli, "--from", "labelme", "--to", "labelme", "--embed-images", "--images", folder,
                  "--input", folder, "--out", os.path.join(work, "embedded_out"))
    back = json.load(open(os.path.join(work, "embedded_out", "tutorial.json")))
    check(rc == 0 and back["imageData"] == data, f"embedded: imageData not the input's picture: {log}")


def main():
    cli, work = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else ""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    seed = int(os.environ.get("PROMPTMASK_TEST_SEED", random.SystemRandom().randrange(1 << 30)))
    print(f"random shapes with seed {seed} (set PROMPTMASK_TEST_SEED to repeat)")
    check_embedded(cli, work)
    folder = random_shapes(work, seed)
    check_folder(cli, "random", folder, folder, os.path.join(work, "out"))
    interop = os.path.join(shared, "interop")
    if shared and os.path.isdir(interop):
        for name in ("labelme_instseg", "labelme_semseg", "labelme_primitives", "xany_demo"):
            if os.path.isdir(os.path.join(interop, name)):
                d = os.path.join(interop, name)
                check_folder(cli, name, d, d, os.path.join(work, "out"))
    else:
        print("note: ../shared/interop not found (PROMPTMASK_SHARED_DIR); only random shapes checked")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
