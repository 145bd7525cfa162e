#!/usr/bin/env python3
"""A real client for our labelme files: the labelme package (Debian, 5.1.x) must load every JSON that
test_annotation_formats wrote with labelme.LabelFile, and its own rasterization (shapes_to_label, i.e.
shape_to_mask per shape) must give the source mask (IoU >= 0.98; holes included, since we fold them
into keyhole polygons). Also reports how close our reader's rasterization is to labelme's.

Usage: labelme_client_check.py <folder with manifest.json>. Exit 77 when labelme is not importable."""
import io
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    import numpy as np
    import PIL.Image
    import labelme
    from labelme import LabelFile
    from labelme.utils import shapes_to_label
except Exception as e:  # labelme missing or broken: not our failure
    print(f"SKIP: labelme is not importable: {e}")
    sys.exit(77)


def iou(a, b):
    union = np.logical_or(a, b).sum()
    return 1.0 if union == 0 else np.logical_and(a, b).sum() / union


def main(base):
    manifest = json.load(open(os.path.join(base, "manifest.json")))
    failures = 0
    worst_source, worst_ours, exact_ours = 1.0, 1.0, 0
    for row in manifest:
        label_file = LabelFile(os.path.join(base, row["json"]))  # raises on anything labelme rejects
        image = PIL.Image.open(io.BytesIO(label_file.imageData))  # LabelFile loaded it via imagePath
        h, w = image.height, image.width
        shapes = [s for s in label_file.shapes if s["label"] == row["label"]]
        cls, _ = shapes_to_label((h, w), shapes, {row["label"]: 1})
        theirs = cls == 1
        source = np.array(PIL.Image.open(os.path.join(base, row["source"]))) > 0
        ours = np.array(PIL.Image.open(os.path.join(base, row["ours"]))) > 0
        s, o = iou(theirs, source), iou(theirs, ours)
        worst_source, worst_ours = min(worst_source, s), min(worst_ours, o)
        exact_ours += int((theirs == ours).all())
        status = "ok" if s >= 0.98 and o >= 0.98 else "FAIL"
        failures += status == "FAIL"
        print(f"{status}: {row['json']} '{row['label']}' holes={row['has_holes']}: "
              f"labelme vs source IoU {s:.5f}, labelme vs our reader IoU {o:.5f}, "
              f"{int((theirs != ours).sum())} pixels differ")
    print(f"labelme {labelme.__version__}: {len(manifest)} masks, worst IoU vs source {worst_source:.5f}, "
          f"worst IoU vs our reader {worst_ours:.5f}, identical to our reader {exact_ours}/{len(manifest)}")
    return 1 if failures or not manifest else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
