#!/usr/bin/env python3
"""COCO files published by other tools (../shared/interop: Roboflow, CVAT, datumaro, panopticapi) through
promptmask-cli convert: COCO -> COCO with default options keeps ids, categories (also two that share a
name), every key at every level and each segmentation as it was, and a second pass gives the same bytes;
COCO -> labelme gives masks that the real labelme draws like the COCO masks (IoU >= 0.99 per label);
box-only annotations stay boxes; --strict turns what a target cannot hold into exit 3.

Usage: coco_interop_check.py CLI WORKDIR SHARED_DIR. Exit 77 when the interop files or labelme are absent."""
import json
import os
import shutil
import subprocess
import sys

try:
    import numpy as np
    import PIL.Image
    from labelme.utils import shape_to_mask
except Exception as e:
    print(f"SKIP: labelme is not importable: {e}")
    sys.exit(77)

SOURCES = [  # (name, images folder, COCO file), relative to interop/
    ("roboflow", "roboflow_carmask/test", "roboflow_carmask/test/_annotations.coco.json"),
    ("roboflow_bboxpoly", "roboflow_carmask/test", "derived/roboflow_carmask_bboxpoly.json"),
    ("datumaro", "datumaro_fixture/images", "datumaro_fixture/instances_val.json"),
    ("panopticapi", "panopticapi_det/images", "panopticapi_det/panoptic_coco_detection_format.json"),
    ("cvat", "cvat_cars/images", "cvat_cars/annotations/instances_default.json"),
]
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message)


def run(cli, *args):
    r = subprocess.run([cli, "convert", *args], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def by_id(items):
    return {x["id"]: x for x in items}


def iou(a, b):
    u = np.logical_or(a, b).sum()
    return 1.0 if u == 0 else np.logical_and(a, b).sum() / u


def main():
    cli, work, shared = sys.argv[1:4]
    interop = os.path.join(shared, "interop")
    if not os.path.isdir(interop):
        print(f"SKIP: {interop} not found (PROMPTMASK_SHARED_DIR)")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for name, images, source in SOURCES:
        images, source = os.path.join(interop, images), os.path.join(interop, source)
        src = json.load(open(source))
        out1, out2 = f"{work}/{name}.json", f"{work}/{name}.again.json"
        rc, log = run(cli, "--from", "coco", "--to", "coco", "--images", images, "--input", source, "--out", out1)
        print(log.strip().splitlines()[-1])
        check(rc == 0, f"{name}: coco -> coco exit {rc}: {log}")
        got = json.load(open(out1))
        check({k: v for k, v in got.items() if k not in ("images", "annotations", "categories")} ==
              {k: v for k, v in src.items() if k not in ("images", "annotations", "categories")},
              f"{name}: top-level keys changed")
        check(sorted(got["categories"], key=lambda c: c["id"]) == sorted(src["categories"], key=lambda c: c["id"]),
              f"{name}: categories changed")
        check(by_id(got["images"]) == by_id(src["images"]), f"{name}: images changed")
        a_src, a_got = by_id(src["annotations"]), by_id(got["annotations"])
        check(a_src.keys() == a_got.keys(), f"{name}: annotation ids changed")
        for i, a in a_src.items():
            b = a_got.get(i, {})
            strip = lambda d: {k: v for k, v in d.items() if k not in ("area", "bbox")}
            check(strip(a) == strip(b), f"{name}: annotation {i} changed: {strip(a)} -> {strip(b)}"[:400])
        rc, _ = run(cli, "--from", "coco", "--to", "coco", "--images", images, "--input", out1, "--out", out2)
        check(rc == 0 and open(out1, "rb").read() == open(out2, "rb").read(), f"{name}: second pass differs")

        # COCO -> labelme, drawn by labelme, against COCO -> masks (our pycocotools-exact decoding).
        rc, log = run(cli, "--from", "coco", "--to", "labelme", "--images", images, "--input", source,
                      "--out", f"{work}/{name}_labelme")
        check(rc == 0, f"{name}: coco -> labelme exit {rc}: {log}")
        rc, log = run(cli, "--from", "coco", "--to", "masks", "--images", images, "--input", source,
                      "--out", f"{work}/{name}_masks")
        boxes_only = any(not a.get("segmentation") for a in src["annotations"])
        check(rc == 0, f"{name}: coco -> masks exit {rc}: {log}")
        if boxes_only:
            check("box-only annotations" in log, f"{name}: box-only annotations not counted as left out: {log}")
            rc, log = run(cli, "--from", "coco", "--to", "masks", "--strict", "--images", images, "--input",
                          source, "--out", f"{work}/{name}_strict")
            check(rc == 3, f"{name}: --strict with left-out boxes exit {rc}")
        meta = json.load(open(f"{work}/{name}_masks/labels.json"))
        for entry in meta["images"]:
            stem = os.path.splitext(os.path.basename(entry["image"]))[0]
            lm_path = f"{work}/{name}_labelme/{stem}.json"
            if not os.path.exists(lm_path):
                continue
            lm = json.load(open(lm_path))
            size = (lm["imageHeight"], lm["imageWidth"])
            drawn = {}
            for s in lm["shapes"]:
                if s.get("box_only"):
                    continue
                drawn[s["label"]] = drawn.get(s["label"], np.zeros(size, bool)) | shape_to_mask(size, s["points"], s["shape_type"])
            for label, rel in entry["binary"].items():
                ours = np.array(PIL.Image.open(f"{work}/{name}_masks/{rel}")) > 0
                v = iou(ours, drawn.get(label, np.zeros(size, bool)))
                print(f"{name}/{stem} '{label}': COCO {ours.sum()} px, labelme {drawn.get(label, ours * 0).sum()} px, IoU {v:.4f}")
                check(v >= 0.99, f"{name}/{stem} '{label}': IoU {v:.4f} < 0.99")
        if boxes_only:
            n = sum(1 for f in os.listdir(f"{work}/{name}_labelme")
                    for s in json.load(open(f"{work}/{name}_labelme/{f}"))["shapes"] if s.get("box_only"))
            check(n == sum(1 for a in src["annotations"] if not a.get("segmentation")),
                  f"{name}: box-only annotations not kept as labelme rectangles ({n})")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
