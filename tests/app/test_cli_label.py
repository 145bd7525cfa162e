#!/usr/bin/env python3
"""promptmask-cli label / merge end to end, on the demo model and the sample images.

    test_cli_label.py CLI BUNDLE SAMPLES WORKDIR CASE

CASE: shards | resume | errors | progress | bad_input | labels_forms | formats.
Every case runs the real binary as a user would and checks the files it leaves.
"""
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time

CLI, BUNDLE, SAMPLES, WORK, CASE = sys.argv[1:6]
ENV = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def make_dataset(root, count=6, copies=1):
    """The first `count` sample images in two folders (and copies under other names, for longer runs).
    Kept small: every image is a model run, and the machine is shared."""
    images = os.path.join(root, "images")
    shutil.rmtree(root, ignore_errors=True)
    names = sorted(f for f in os.listdir(SAMPLES) if f.startswith("shapes_"))[:count]
    for c in range(copies):
        for i, name in enumerate(names):
            sub = "a" if i % 2 == 0 else "b/deep"
            os.makedirs(os.path.join(images, sub), exist_ok=True)
            stem, ext = os.path.splitext(name)
            shutil.copy(os.path.join(SAMPLES, name), os.path.join(images, sub, f"{stem}_{c}{ext}"))
    labels = os.path.join(root, "labels.json")
    with open(labels, "w") as f:
        json.dump([{"name": "green", "prompts": ["green shape"], "threshold": 0.5},
                   {"name": "circle", "prompts": ["circle", "red circle"], "threshold": 0.45},
                   {"name": "like ellipse", "threshold": 0.5,
                    "exemplars": [{"image": "images/a/shapes_00_0.png", "box": [212, 286, 72, 68],
                                   "mode": "crop-blur-highlight"}]}], f)
    return images, labels


def label(images, labels, out, *extra, fmt="coco", check_rc=(0,)):
    cmd = [CLI, "label", "--model", BUNDLE, "--images", images, "--labels", labels, "--format", fmt,
           "--out", out, "--jobs", "1", *extra]
    p = subprocess.run(cmd, env=ENV, capture_output=True, text=True)
    if check_rc is not None and p.returncode not in check_rc:
        fail(f"{' '.join(cmd)} -> {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def merge(fmt, dirs, out):
    p = subprocess.run([CLI, "merge", "--format", fmt, *dirs, "--out", out], env=ENV, capture_output=True,
                       text=True)
    check(p.returncode == 0, f"merge -> {p.returncode}: {p.stderr}")
    return p


def read(path):
    with open(path, "rb") as f:
        return f.read()


def results(out):
    items = os.path.join(out, "items")
    found = set()
    for d, _, files in os.walk(items):
        for f in files:
            if f.endswith(".json") and not f.endswith(".error.json"):
                found.add(os.path.relpath(os.path.join(d, f), items)[: -len(".json")])
    return found


def all_images(images):
    return {os.path.relpath(os.path.join(d, f), images) for d, _, fs in os.walk(images) for f in fs}


def tree(root):
    return {os.path.relpath(os.path.join(d, f), root): read(os.path.join(d, f))
            for d, _, fs in os.walk(root) for f in fs}


def case_shards():
    images, labels = make_dataset(os.path.join(WORK, "shards"), count=10)
    single = os.path.join(WORK, "shards", "single")
    label(images, labels, single)
    everything = all_images(images)
    check(results(single) == everything, "the single run did not label every image")
    doc = json.loads(read(os.path.join(single, "annotations.json")))
    check(len(doc["images"]) == len(everything), "annotations.json lacks images")
    check([im["id"] for im in doc["images"]] == list(range(1, len(everything) + 1)), "image ids not 1..N")
    check(len(doc["annotations"]) > 0, "the demo model found nothing at all")
    check([c["name"] for c in doc["categories"]] == ["green", "circle", "like ellipse"], "category order")
    for a in doc["annotations"]:  # provenance on every annotation
        p = a.get("promptmask")
        check(p and p["prompts"] and "threshold" in p and p["model_id"], f"annotation without provenance: {a}")
    names = {c["id"]: c["name"] for c in doc["categories"]}
    circle = next(a for a in doc["annotations"] if names[a["category_id"]] == "circle")
    check(circle["promptmask"]["prompts"] == ["circle", "red circle"] and
          circle["promptmask"]["threshold"] == 0.45, "circle provenance")
    visual = [a for a in doc["annotations"] if names[a["category_id"]] == "like ellipse"]
    if visual:
        check(visual[0]["promptmask"]["prompts"] == [
            "visual:images/a/shapes_00_0.png@212,286,284,354/crop-blur-highlight"], "exemplar provenance")
    for n in (2, 3, 5):
        dirs = [os.path.join(WORK, "shards", f"n{n}", f"shard-{i}") for i in range(n)]
        parts = []
        for i, d in enumerate(dirs):
            label(images, labels, d, "--shard", f"{i}/{n}")
            parts.append(results(d))
        union = set().union(*parts)
        check(sum(len(p) for p in parts) == len(union), f"{n} shards overlap")
        check(union == everything, f"{n} shards miss images: {everything - union}")
        merged = os.path.join(WORK, "shards", f"n{n}", "merged.json")
        merge("coco", dirs, merged)
        check(read(merged) == read(os.path.join(single, "annotations.json")),
              f"merging {n} shards differs from the single run")
        again = merged + ".again.json"
        merge("coco", list(reversed(dirs)), again)  # deterministic, whatever the order of the folders
        check(read(again) == read(merged), "merge is not deterministic")
    # Overlapping inputs are refused: the same image labelled by two runs.
    p = subprocess.run([CLI, "merge", "--format", "coco", single, dirs[0], "--out", os.path.join(WORK, "x.json")],
                       env=ENV, capture_output=True, text=True)
    check(p.returncode == 3 and "labelled in both" in p.stderr, f"overlapping merge: {p.returncode} {p.stderr}")
    # A missing shard is reported.
    p = merge("coco", dirs[:-1], os.path.join(WORK, "shards", "partial.json"))
    check("only 4 of 5 shards" in p.stderr, p.stderr)


def comparable(root, fmt):
    """The files of an output folder; labelme's imagePath (relative to each file) made absolute."""
    files = tree(root)
    if fmt == "labelme":
        for rel, data in files.items():
            doc = json.loads(data)
            doc["imagePath"] = os.path.normpath(os.path.join(root, os.path.dirname(rel), doc["imagePath"]))
            files[rel] = doc
    return files


def case_formats():
    images, labels = make_dataset(os.path.join(WORK, "formats"), count=5)
    for fmt in ("labelme", "masks"):
        single = os.path.join(WORK, "formats", fmt, "single")
        label(images, labels, single, fmt=fmt)
        dirs = [os.path.join(WORK, "formats", fmt, f"shard-{i}") for i in range(3)]
        for i, d in enumerate(dirs):
            label(images, labels, d, "--shard", f"{i}/3", fmt=fmt)
        merged = os.path.join(WORK, "formats", fmt, "merged")
        merge(fmt, dirs, merged)
        check(comparable(merged, fmt) == comparable(os.path.join(single, fmt), fmt),
              f"{fmt}: merged shards differ from the single run")
    lm = os.path.join(WORK, "formats", "labelme", "single", "labelme")
    files = [os.path.join(d, f) for d, _, fs in os.walk(lm) for f in fs]
    check(len(files) == len(all_images(images)), "labelme: one file per image")
    shapes = [s for f in files for s in json.loads(read(f))["shapes"]]
    check(shapes and all("promptmask" in s for s in shapes), "labelme shapes without provenance")


def case_resume():
    images, labels = make_dataset(os.path.join(WORK, "resume"), count=10)
    total = len(all_images(images))
    ref = os.path.join(WORK, "resume", "uninterrupted")
    label(images, labels, ref)
    # Kill at several points: right after the first result, and midway.
    for kill_after in (1, total // 2):
        out = os.path.join(WORK, "resume", f"killed-{kill_after}")
        cmd = [CLI, "label", "--model", BUNDLE, "--images", images, "--labels", labels, "--format", "coco",
               "--out", out, "--jobs", "1"]
        p = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while p.poll() is None and len(results(out)) < kill_after:
            time.sleep(0.01)
        p.send_signal(signal.SIGKILL)
        p.wait()
        done = len(results(out))
        check(done < total, f"the run finished before it could be killed ({done} of {total})")
        check(not os.path.exists(os.path.join(out, "annotations.json")), "a killed run wrote the dataset")
        # Without --resume the folder is refused (exit 2), nothing is touched.
        again = label(images, labels, out, check_rc=(2,))
        check("--resume" in again.stderr, again.stderr)
        log = os.path.join(WORK, "resume", f"log-{kill_after}.jsonl")
        label(images, labels, out, "--resume", "--json-log", log)
        start = json.loads(open(log).readline())
        check(start["event"] == "start" and start["skipped"] == done,
              f"resume skipped {start['skipped']}, {done} were done")
        for name in ("annotations.json", "errors.jsonl"):
            check(read(os.path.join(out, name)) == read(os.path.join(ref, name)),
                  f"{name} after kill at {done}/{total} + resume differs from an uninterrupted run")
        leftovers = [f for d, _, fs in os.walk(out) for f in fs if ".tmp-" in f]
        check(not leftovers, f"temporary files left: {leftovers}")
    # Resuming with other labels is refused.
    other = os.path.join(WORK, "resume", "other.json")
    with open(other, "w") as f:
        json.dump([{"name": "green", "prompts": ["green object"]}], f)
    p = label(images, other, ref, "--resume", check_rc=(2,))
    check("other settings" in p.stderr, p.stderr)


def case_errors():
    images, labels = make_dataset(os.path.join(WORK, "errors"), count=4)
    bad = {"a/empty.png": b"", "a/text.jpg": b"this is not an image\n",
           "b/truncated.png": read(os.path.join(images, "a", "shapes_00_0.png"))[:300],
           "b/deep/badjpeg.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 64}
    for rel, data in bad.items():
        with open(os.path.join(images, rel), "wb") as f:
            f.write(data)
    out = os.path.join(WORK, "errors", "out")
    p = label(images, labels, out, check_rc=(5,))
    finish = json.loads(p.stderr.splitlines()[-1])
    check(finish["event"] == "finish" and finish["failed"] == len(bad), f"finish event: {finish}")
    lines = [json.loads(l) for l in read(os.path.join(out, "errors.jsonl")).decode().splitlines()]
    check([l["image"] for l in lines] == sorted(bad), f"errors.jsonl lists {[l['image'] for l in lines]}")
    for l in lines:
        check(l["image"].split("/")[-1] in l["error"] and len(l["error"]) > len(l["image"]) + 5,
              f"the reason does not name the file and the problem: {l}")
    good = all_images(images) - set(bad)
    check(results(out) == good, "the good images were not all labelled")
    doc = json.loads(read(os.path.join(out, "annotations.json")))
    check(sorted(im["file_name"] for im in doc["images"]) == sorted(good), "bad images in the dataset")
    # Fixing the files and resuming labels them and empties errors.jsonl.
    for rel in bad:
        shutil.copy(os.path.join(images, "a", "shapes_00_0.png"), os.path.join(images, rel))
    label(images, labels, out, "--resume")
    check(read(os.path.join(out, "errors.jsonl")) == b"", "errors.jsonl not emptied after the fix")


def case_progress():
    images, labels = make_dataset(os.path.join(WORK, "progress"), count=4)
    total = len(all_images(images))
    # Not a terminal: JSON lines on stderr, every line parses.
    out = os.path.join(WORK, "progress", "json")
    p = label(images, labels, out)
    events = [json.loads(l) for l in p.stderr.splitlines()]
    check(events[0]["event"] == "start" and events[0]["todo"] == total, events[0])
    check([e["event"] for e in events[1:-1]] == ["image"] * total, "one image event per image")
    check([e["done"] for e in events[1:-1]] == list(range(1, total + 1)), "done counts")
    check(all(e["images_per_s"] >= 0 and e["eta_s"] >= 0 for e in events[1:-1]), "rate / eta")
    check(events[-1]["event"] == "finish" and events[-1]["labelled"] == total, events[-1])
    # --json-log: the same events into the file.
    log = os.path.join(WORK, "progress", "log.jsonl")
    label(images, labels, os.path.join(WORK, "progress", "log"), "--json-log", log)
    logged = [json.loads(l) for l in open(log)]
    check([e["event"] for e in logged] == ["start"] + ["image"] * total + ["finish"], "json-log events")
    # A terminal: one line redrawn in place with done/total, images/s and ETA; no JSON.
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(CLI, [CLI, "label", "--model", BUNDLE, "--images", images, "--labels", labels, "--format",
                        "coco", "--out", os.path.join(WORK, "progress", "tty"), "--jobs", "1"], ENV)
    data = b""
    while True:
        r, _, _ = select.select([fd], [], [], 60)
        if not r:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    _, status = os.waitpid(pid, 0)
    check(os.WEXITSTATUS(status) == 0, f"tty run failed: {data!r}")
    text = data.decode(errors="replace")
    check(f"{total}/{total} images" in text and "images/s" in text and "ETA" in text and "\r" in text,
          f"terminal progress: {text!r}")
    check('"event"' not in text, "JSON on a terminal")


def case_bad_input():
    images, labels = make_dataset(os.path.join(WORK, "bad"), count=2)
    base = os.path.join(WORK, "bad")
    missing_ex = os.path.join(base, "missing_exemplar.json")
    with open(missing_ex, "w") as f:
        json.dump([{"name": "x", "exemplars": [{"image": "gone.png", "box": [0, 0, 4, 4]}]}], f)
    corrupt_ex = os.path.join(base, "corrupt_exemplar.json")
    with open(os.path.join(base, "corrupt.png"), "wb") as f:
        f.write(b"not a png")
    with open(corrupt_ex, "w") as f:
        json.dump([{"name": "x", "exemplars": [{"image": "corrupt.png", "box": [0, 0, 4, 4]}]}], f)
    outside_ex = os.path.join(base, "outside_exemplar.json")
    with open(outside_ex, "w") as f:
        json.dump([{"name": "x", "exemplars": [{"image": "images/a/shapes_00_0.png", "box": [500, 0, 400, 40]}]}], f)
    malformed = os.path.join(base, "malformed.json")
    with open(malformed, "w") as f:
        f.write('[{"name": "x", "prompts": ["a"]')
    a_file = os.path.join(base, "a_file")
    open(a_file, "w").close()
    cases = [
        ("missing labels", [labels + ".nope"], os.path.join(base, "o1"), 3, "no such labels file"),
        ("malformed labels", [malformed], os.path.join(base, "o2"), 3, "not valid JSON"),
        ("exemplar gone", [missing_ex], os.path.join(base, "o3"), 3, "gone.png' does not exist"),
        ("exemplar corrupt", [corrupt_ex], os.path.join(base, "o5"), 3, "corrupt.png"),
        ("exemplar box outside", [outside_ex], os.path.join(base, "o6"), 3, "lies outside the 570x503 image"),
        ("shard out of range", [labels, "--shard", "3/3"], os.path.join(base, "o4"), 2, "out of range"),
        ("out not writable", [labels], os.path.join(a_file, "sub"), 3, "--out cannot be created"),
        ("out inside images", [labels], os.path.join(images, "a", "out"), 2, "inside --images"),
    ]
    for name, extra, out, code, message in cases:
        cmd = [CLI, "label", "--model", BUNDLE, "--images", images, "--format", "coco", "--out", out,
               "--labels", *extra]
        p = subprocess.run(cmd, env=ENV, capture_output=True, text=True)
        check(p.returncode == code, f"{name}: exit {p.returncode}, want {code}: {p.stderr}")
        check(message in p.stderr, f"{name}: message {p.stderr!r} lacks {message!r}")
        check(not os.path.exists(os.path.join(out, "items")), f"{name}: images were processed")
    check(not os.path.exists(os.path.join(images, "a", "out")), "created --out inside --images")


def case_labels_forms():
    """The GUI's .promptmask/labels.json and the same labels written by hand give the same dataset."""
    images, _ = make_dataset(os.path.join(WORK, "forms"), count=4)
    root = os.path.join(WORK, "forms")
    gui = os.path.join(images, ".promptmask", "labels.json")
    os.makedirs(os.path.dirname(gui))
    with open(gui, "w") as f:  # as ui/ProjectStore writes it: exemplar paths relative to the dataset
        json.dump({"format": "promptmask-labels", "version": 1, "overlapMode": "exclusive", "labels": [
            {"id": "a1", "name": "green", "color": "#e69f00", "prompts": ["green shape"], "exemplars": [],
             "threshold": 0.5, "visible": True},
            {"id": "b2", "name": "ellipse", "color": "#56b4e9", "prompts": [],
             "exemplars": [{"image": "a/shapes_00_0.png", "box": [212, 286, 72, 68], "mode": "crop"}],
             "threshold": 0.5, "visible": True}]}, f, indent=4)
    hand = os.path.join(root, "hand", "labels.json")
    os.makedirs(os.path.dirname(hand))
    with open(hand, "w") as f:  # relative to the labels file
        json.dump([{"name": "green", "prompts": ["green shape"], "threshold": 0.5},
                   {"name": "ellipse", "exemplars": [{"image": "../images/a/shapes_00_0.png",
                                                       "box": [212, 286, 72, 68], "mode": "crop"}]}], f)
    label(images, gui, os.path.join(root, "from_gui"))
    label(images, hand, os.path.join(root, "from_hand"))
    a = json.loads(read(os.path.join(root, "from_gui", "annotations.json")))
    b = json.loads(read(os.path.join(root, "from_hand", "annotations.json")))
    # Same masks, ids and categories; provenance names the exemplar relative to each file's base folder.
    visual_a = [x["promptmask"]["prompts"] for x in a["annotations"] if x["promptmask"]["prompts"][0][:7] == "visual:"]
    visual_b = [x["promptmask"]["prompts"] for x in b["annotations"] if x["promptmask"]["prompts"][0][:7] == "visual:"]
    check(visual_a and len(visual_a) == len(visual_b), "no exemplar annotations to compare")
    check(visual_a[0] == ["visual:a/shapes_00_0.png@212,286,284,354/crop"], f"GUI provenance {visual_a[0]}")
    check(visual_b[0] == [f"visual:{images}/a/shapes_00_0.png@212,286,284,354/crop"], f"hand provenance {visual_b[0]}")
    for x in a["annotations"] + b["annotations"]:
        del x["promptmask"]["prompts"]
    check(a["annotations"] == b["annotations"], "GUI labels.json and hand-written list disagree")
    check(a["categories"] == b["categories"] and a["images"] == b["images"], "images or categories differ")
    check(all(im["file_name"].startswith(("a/", "b/")) for im in a["images"]), ".promptmask was labelled")


{"shards": case_shards, "formats": case_formats, "resume": case_resume, "errors": case_errors,
 "progress": case_progress, "bad_input": case_bad_input, "labels_forms": case_labels_forms}[CASE]()
print("ok", CASE)
