#!/usr/bin/env python3
"""SIGKILL the project's writers at random points, then check every file on disk.

Three writers are killed over and over:
  loop     tests/reliability/save_loop: pm::AtomicFile in an endless save loop (annotation.json,
           labels.json, mask.png of 16 B .. 1 MB), the writer the GUI's saves and labels.json go through;
  convert  promptmask-cli convert (exports: labelme files, COCO, masks + labels.json), alternating two
           inputs A and B into the same output folders;
  segment  promptmask-cli segment --masks-out/--logits-out (batch outputs), alternating two prompt sets.
After each kill every file must be byte-identical to a complete version (loop: the version named in its
header; convert/segment: the output of a finished A or B run), never truncated, empty or missing.
Kill points are drawn uniformly over the length of an uninterrupted run measured in this run.

usage: kill_saves.py --loop SAVE_LOOP --cli PROMPTMASK_CLI --work DIR [--model BUNDLE --image IMG]
                     [--kills-loop N] [--kills-convert N] [--kills-segment N] [--seed S]
Prints the figures docs/RELIABILITY.md quotes; exits 1 on the first violation.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def snapshot(root):
    """Every regular file under root (temporaries of killed writers aside) -> bytes."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if ".tmp-" in name:
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def temporaries(root):
    return {os.path.join(f, n) for f, _, names in os.walk(root) for n in names if ".tmp-" in n}


def kill_at_random(cmd, duration, rng, env):
    """Starts cmd, sends SIGKILL after a uniform random delay in [0, 1.1*duration]; True if killed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        proc.wait(timeout=rng.uniform(0.0, 1.1 * duration))
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    return False


def timed_run(cmd, env, ok_codes=(0,)):
    start = time.monotonic()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if res.returncode not in ok_codes:
        fail(f"{' '.join(cmd)} exited {res.returncode}: {res.stderr.decode(errors='replace')}")
    return time.monotonic() - start


# ---- loop: pm::AtomicFile directly -------------------------------------------------------------------
LOOP_FILES = ["annotation.json", "labels.json", "mask.png"]


def loop_version(data):
    header = data.split(b"\n", 1)[0].split(b" ")
    return int(header[1][1:])


def check_loop(exe, d, previous, expected_cache):
    versions = []
    for name in LOOP_FILES:
        path = os.path.join(d, name)
        if not os.path.exists(path):
            if previous is not None:
                fail(f"loop: {name} vanished after a kill")
            versions.append(None)
            continue
        data = open(path, "rb").read()
        if not data:
            fail(f"loop: {name} is empty after a kill")
        try:
            v = loop_version(data)
        except (IndexError, ValueError):
            fail(f"loop: {name} has a torn header: {data[:40]!r}")
        key = (name, v)
        if key not in expected_cache:
            expected_cache[key] = subprocess.run([exe, "--print", name, str(v)], capture_output=True,
                                                 check=True).stdout
        if data != expected_cache[key]:
            fail(f"loop: {name} v{v} is not the complete version ({len(data)} of "
                 f"{len(expected_cache[key])} bytes)")
        versions.append(v)
    # Saved in order: annotation.json v, labels.json v, mask.png v, then v+1 ...
    a, l, m = versions
    if a is not None and not (a >= (l if l is not None else a - 1) >= (m if m is not None else a - 1) >= a - 1):
        fail(f"loop: versions out of order after a kill: {versions}")
    if previous is not None and any(p is not None and (v is None or v < p) for v, p in zip(versions, previous)):
        fail(f"loop: a file went back to an older version: {previous} -> {versions}")
    return versions


def run_loop(args, rng, env):
    d = os.path.join(args.work, "loop")
    os.makedirs(d)
    # How long the loop takes to write a few versions: the kill window.
    proc = subprocess.Popen([args.loop, d], env=env)
    start = time.monotonic()
    while not os.path.exists(os.path.join(d, "mask.png")) and time.monotonic() - start < 60:
        time.sleep(0.001)
    window = max(0.02, 3 * (time.monotonic() - start))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    previous = check_loop(args.loop, d, None, {})
    cache, killed, torn_tmp, saves = {}, 0, 0, 0
    for _ in range(args.kills_loop):
        before = temporaries(d)
        if not kill_at_random([args.loop, d], window, rng, env):
            fail("loop: the save loop exited by itself")
        killed += 1
        torn_tmp += bool(temporaries(d) - before)
        versions = check_loop(args.loop, d, previous, cache)
        saves += sum(v - p for v, p in zip(versions, previous))
        previous = versions
    print(f"loop: {killed} SIGKILLs, {saves} complete saves between them, {torn_tmp} kills left a "
          f"temporary behind (killed mid-write); every file a complete version")
    return killed


# ---- convert: exports --------------------------------------------------------------------------------
def make_dataset(base, images):
    """images/ plus two labelme folders A and B over them whose shapes and labels differ."""
    import json
    from PIL import Image
    os.makedirs(os.path.join(base, "images"))
    for i in range(images):
        Image.new("RGB", (96, 64), (40 + i, 80, 120)).save(os.path.join(base, "images", f"img_{i:03d}.png"))
    for variant in ("A", "B"):
        os.makedirs(os.path.join(base, variant))
        for i in range(images):
            s = 8 + (i % 5) + (7 if variant == "B" else 0)
            x = 4 + (i % 11) * 3
            square = [[x, 6], [x + s, 6], [x + s, 6 + s], [x, 6 + s]]
            shapes = [{"label": "cup" if variant == "A" else "mug", "points": square, "group_id": None,
                       "shape_type": "polygon", "flags": {}},
                      {"label": "table", "points": [[50, 20 + i % 9], [90, 22], [70, 60]], "group_id": None,
                       "shape_type": "polygon", "flags": {}}]
            doc = {"version": "5.1.1", "flags": {}, "shapes": shapes, "imagePath": f"../images/img_{i:03d}.png",
                   "imageData": None, "imageHeight": 64, "imageWidth": 96}
            with open(os.path.join(base, variant, f"img_{i:03d}.json"), "w") as f:
                json.dump(doc, f)


def convert_cmds(args, src, out):
    images = os.path.join(args.work, "convert", "images")
    base = [args.cli, "convert", "--images", images]
    return [base + ["--from", "labelme", "--to", "coco", "--input", src, "--out", os.path.join(out, "ann.json")],
            base + ["--from", "labelme", "--to", "masks", "--input", src, "--out", os.path.join(out, "masks")],
            base + ["--from", "labelme", "--to", "labelme", "--input", src, "--out", os.path.join(out, "labelme")]]


def check_against(root, versions, what, previous_existed):
    now = snapshot(root)
    for rel in previous_existed:
        if rel not in now:
            fail(f"{what}: {rel} vanished after a kill")
    for rel, data in now.items():
        if not any(v.get(rel) == data for v in versions):
            sizes = [len(v.get(rel, b"")) for v in versions]
            fail(f"{what}: {rel} ({len(data)} bytes) is neither complete version (sizes {sizes})")
    return set(now)


def run_convert(args, rng, env):
    base = os.path.join(args.work, "convert")
    make_dataset(base, args.images)
    versions, duration = [], 0.0
    for variant in ("A", "B"):
        out = os.path.join(base, "ref" + variant)
        for cmd in convert_cmds(args, os.path.join(base, variant), out):
            duration = max(duration, timed_run(cmd, env))
        versions.append(snapshot(out))
    if versions[0] == versions[1]:
        fail("convert: inputs A and B give identical outputs; the check could not tell them apart")
    out = os.path.join(base, "out")
    for cmd in convert_cmds(args, os.path.join(base, "A"), out):
        timed_run(cmd, env)
    existed = check_against(out, versions, "convert", set())
    killed = 0
    for k in range(args.kills_convert):
        variant = "AB"[k % 2]
        cmds = convert_cmds(args, os.path.join(base, variant), out)
        killed += kill_at_random(rng.choice(cmds), duration, rng, env)
        existed = check_against(out, versions, "convert", existed)
    print(f"convert: {args.kills_convert} runs, {killed} SIGKILLed mid-run ({len(existed)} output files, "
          f"each a complete A or B version after every kill)")
    return killed


# ---- segment: batch outputs --------------------------------------------------------------------------
def run_segment(args, rng, env):
    if not args.model or not os.path.exists(os.path.join(args.model, "model.pt")):
        print("segment: skipped (no demo model bundle given)")
        return 0
    base = os.path.join(args.work, "segment")
    os.makedirs(base)
    prompts = {"A": ["--prompt", "a red circle", "--prompt", "a blue square"],
               "B": ["--prompt", "a green triangle", "--prompt", "the background"]}

    def cmd(variant, out):
        return [args.cli, "segment", "--model", args.model, "--image", args.image, "--threads", "1",
                "--masks-out", os.path.join(out, "masks"), "--logits-out", os.path.join(out, "logits.npy")] + \
            prompts[variant]

    versions, duration = [], 0.0
    for variant in ("A", "B"):
        out = os.path.join(base, "ref" + variant)
        os.makedirs(out)
        duration = max(duration, timed_run(cmd(variant, out), env))
        versions.append(snapshot(out))
    out = os.path.join(base, "out")
    os.makedirs(out)
    timed_run(cmd("A", out), env)
    existed = check_against(out, versions, "segment", set())
    killed = 0
    for k in range(args.kills_segment):
        killed += kill_at_random(cmd("AB"[k % 2], out), duration, rng, env)
        existed = check_against(out, versions, "segment", existed)
    print(f"segment: {args.kills_segment} runs, {killed} SIGKILLed mid-run ({len(existed)} output files, "
          f"each a complete A or B version after every kill)")
    return killed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--loop", required=True)
    p.add_argument("--cli", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--model")
    p.add_argument("--image")
    p.add_argument("--images", type=int, default=40)
    p.add_argument("--kills-loop", type=int, default=200)
    p.add_argument("--kills-convert", type=int, default=30)
    p.add_argument("--kills-segment", type=int, default=10)
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    print(f"seed {seed} (rerun with --seed {seed})")
    rng = random.Random(seed)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")
    total = run_loop(args, rng, env) + run_convert(args, rng, env) + run_segment(args, rng, env)
    print(f"total: {total} SIGKILLs survived, no file torn, emptied or lost")


if __name__ == "__main__":
    main()
