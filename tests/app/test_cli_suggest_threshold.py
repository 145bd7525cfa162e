#!/usr/bin/env python3
"""promptmask-cli suggest-threshold end to end, on the demo model and the sample images.

    test_cli_suggest_threshold.py CLI BUNDLE SAMPLES WORKDIR CASE

CASE recover: `label` writes labelme files at a known threshold; put beside the images (as the GUI
saves them), they make suggest-threshold find that threshold on the best part of its IoU curve.
CASE errors: bad input exits 2 (usage) or 3 (input) with a message naming the problem.
"""
import json
import os
import shutil
import subprocess
import sys

CLI, BUNDLE, SAMPLES, WORK, CASE = sys.argv[1:6]
ENV = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")
KNOWN = 0.3


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def run(*args):
    return subprocess.run([CLI, *args], env=ENV, capture_output=True, text=True)


def make_dataset(root, count):
    images = os.path.join(root, "images")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(images)
    for name in sorted(f for f in os.listdir(SAMPLES) if f.startswith("shapes_"))[:count]:
        shutil.copy(os.path.join(SAMPLES, name), images)
    labels = os.path.join(root, "labels.json")
    # Overlapping: each saved mask is its own label's map at the threshold (in exclusive mode a green
    # circle would go to one label only, and the other label's saved mask would not be its map's).
    with open(labels, "w") as f:
        json.dump({"format": "promptmask-labels", "version": 1, "overlapMode": "overlapping",
                   "labels": [{"name": "green", "prompts": ["green shape"], "threshold": 0.5},
                              {"name": "circle", "prompts": ["circle"], "threshold": 0.5}]}, f)
    return images, labels


def case_recover():
    images, labels = make_dataset(os.path.join(WORK, "recover"), 5)
    out = os.path.join(WORK, "recover", "out")
    p = run("label", "--model", BUNDLE, "--images", images, "--labels", labels, "--format", "labelme",
            "--out", out, "--threshold", str(KNOWN), "--jobs", "1")
    check(p.returncode == 0, f"label -> {p.returncode}: {p.stderr}")
    # The user's saved work: each labelme file beside its image, naming it as the GUI does.
    for name in os.listdir(os.path.join(out, "labelme")):
        with open(os.path.join(out, "labelme", name)) as f:
            doc = json.load(f)
        image = os.path.basename(doc["imagePath"])
        check(os.path.exists(os.path.join(images, image)), f"{name} names {doc['imagePath']}")
        doc["imagePath"] = image
        with open(os.path.join(images, os.path.splitext(image)[0] + ".json"), "w") as f:
            json.dump(doc, f)
    p = run("suggest-threshold", "--model", BUNDLE, "--images", images, "--labels", labels, "--json",
            "--min-images", "2")
    check(p.returncode == 0, f"suggest-threshold -> {p.returncode}: {p.stderr}")
    doc = json.loads(p.stdout)
    check(doc["images"] == 5, f"images used: {doc['images']}")
    check([l["label"] for l in doc["labels"]] == ["green", "circle"], "label order")
    learned_any = False
    for l in doc["labels"]:
        check(0 < l["otsu"] < 1 and l["current"] == 0.5, f"{l['label']}: otsu/current {l}")
        if l["images_with_label"] < 2:
            check(l["learned"] is None and l["curve"] is None, f"{l['label']}: learned from too few images")
            continue
        learned_any = True
        curve = {round(t, 3): iou for t, iou in l["curve"]}
        best = max(curve.values())
        print(f"{l['label']}: learned {l['learned']:.3f} (IoU {l['mean_iou']:.4f}), "
              f"IoU at the known {KNOWN}: {curve[KNOWN]:.4f}, Otsu {l['otsu']:.3f}")
        check(len(l["curve"]) == 199, "the curve has every 0.005 step")
        check(l["mean_iou"] == best, "the learned threshold is the curve's best")
        # The known threshold lies on the best part of the curve, and the learned one reproduces the
        # saved masks (they went through polygons and labelme's rasterization, hence not exactly 1).
        check(curve[KNOWN] >= best - 0.01, f"{l['label']}: IoU at {KNOWN} is {curve[KNOWN]}, best {best}")
        check(l["mean_iou"] >= 0.95, f"{l['label']}: mean IoU {l['mean_iou']}")
        check(abs(l["learned"] - KNOWN) <= 0.02, f"{l['label']}: learned {l['learned']}, known {KNOWN}")
        check(abs(curve[round(round(l["learned"] / 0.005) * 0.005, 3)] - curve[KNOWN]) <= 0.01,
              "learned and known thresholds give the same masks")
    check(learned_any, "the demo model found no label on five sample images")
    # The plain text form says the same, one line per label.
    p = run("suggest-threshold", "--model", BUNDLE, "--images", images, "--labels", labels, "--min-images", "2")
    check(p.returncode == 0 and p.stdout.startswith("Annotated images: 5"), f"text output: {p.stdout}")
    check("green: current 0.500, Otsu" in p.stdout, p.stdout)


def case_errors():
    images, labels = make_dataset(os.path.join(WORK, "errors"), 2)
    cases = [
        (["--images", images, "--labels", os.path.join(WORK, "nope.json")], 3, "no such labels file"),
        (["--images", os.path.join(WORK, "missing"), "--labels", labels], 3, "--images is not a folder"),
        (["--images", images, "--labels", labels], 3, "no image has a saved annotation"),
        (["--images", images, "--labels", labels, "--min-images", "0"], 2, "--min-images must be"),
        (["--images", images, "--labels", labels, "--bogus"], 2, "bogus"),
        (["--labels", labels], 2, "--images"),
    ]
    for args, rc, words in cases:
        p = run("suggest-threshold", "--model", BUNDLE, *args)
        check(p.returncode == rc, f"{args} -> {p.returncode}, wanted {rc}: {p.stderr}")
        check(words in p.stderr, f"{args}: {p.stderr!r} lacks {words!r}")
        check(p.stdout == "", f"{args}: printed {p.stdout!r}")
    with open(labels, "w") as f:
        f.write('[{"name": "a", "negativeStrength": 3}]')
    p = run("suggest-threshold", "--model", BUNDLE, "--images", images, "--labels", labels)
    check(p.returncode == 3 and labels in p.stderr and "negativeStrength 3" in p.stderr, p.stderr)


{"recover": case_recover, "errors": case_errors}[CASE]()
print("ok")
