#!/usr/bin/python3
"""Held-out evaluation of the embedded demo model (resources/models/demo-shapes).

Scenes come from shapes_data.render_scene with seeds that training never uses
(EVAL_SEEDS in shapes_data.py).  Per image: two "{color} {shape}" prompts (all
three templates rotate), one shape-only, one colour-only, one absent-object
prompt and one visual prompt (a well-visible shape cropped from another
held-out image; target = all shapes of that colour and kind).

Backends:
  python  the bundle's TorchScript model.pt + the sentencepiece module, with the
          engine's preprocessing (PIL bilinear 352, ImageNet mean/std,
          crop-blur-highlight for visual prompts)
  cli     promptmask-cli segment --model BUNDLE --image IMG --prompt P ... --masks-out DIR
          (one 0/255 PNG per prompt, at image size, named by prompt index);
          visual prompts via --visual-prompt IMG@x0,y0,x1,y1

Targets (issue #18, shapes_data.QUALITY_TARGETS): mean IoU >= 0.88
colour+shape, >= 0.80 shape-only ("{shape}", "{shape}s"), >= 0.90 colour-only
("{color}", "{color} shape/object"), >= 0.75 visual, >= 90 % of absent prompts
with a mask under 0.5 % of the image.  Exits 1 when a target is missed, 2 on
errors.  Several --bundle values are evaluated on the same pairs and printed
side by side (old and new model in one table); the gate applies to the first.

--sanity: a quick bundle check (manifest, tokenizer, a few predictions on
resources/samples against their ground truth) for the unit test.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# OMP_WAIT_POLICY and OPENBLAS_CORETYPE, as the C++ binaries set them: before torch loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runtime_env  # noqa: E402,F401

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import shapes_data as sd  # noqa: E402

LABELS = {"color_shape": '"{color} {shape}" (3 templates)', "shape": '"{shape}" / "{shape}s"',
          "color": '"{color}" / "{color} shape" / "{color} object"', "visual": "visual prompt (crop-blur-highlight)",
          "absent": "absent object: mask < 0.5 % of image"}
# What the committed bundle measured on this table (docs/DEMO_MODEL.md, 200 images) less a small margin.
# The targets (shapes_data.QUALITY_TARGETS) are not all met yet; CTest gates on these floors so
# that a regression of the shipped model (or of the C++ path that runs it) still fails, while the report
# keeps showing every target and whether it is met.
REGRESSION_FLOORS = {"color_shape": 0.74, "shape": 0.47, "color": 0.85, "visual": 0.75, "absent": 0.55}


# --------------------------------------------------------------------------
# backends
# --------------------------------------------------------------------------

class PythonBackend:
    def __init__(self, bundle, threads=2):
        import sentencepiece as spm
        import torch
        torch.set_num_threads(threads)
        self.torch = torch
        bundle = Path(bundle)
        self.manifest = json.loads((bundle / "manifest.json").read_text())
        tok = self.manifest["tokenizer"]
        self.tok = tok
        self.sp = spm.SentencePieceProcessor(model_file=str(bundle / tok["files"]["model"]))
        self.model = torch.jit.load(str(bundle / "model.pt"), map_location="cpu").eval()
        self.size = int(self.manifest["input"]["size"])

    def tokenize(self, texts):
        t = self.tok
        n = int(t["context_length"])
        ids = np.full((len(texts), n), t["pad_id"], np.int64)
        mask = np.zeros((len(texts), n), np.int64)
        for i, text in enumerate(texts):
            if t.get("lowercase"):
                text = text.lower()
            seq = [t["bos_id"]] + list(self.sp.encode(text)) + [t["eos_id"]]
            if len(seq) > n:
                seq = seq[:n - 1] + [t["eos_id"]]
            ids[i, :len(seq)] = seq
            mask[i, :len(seq)] = 1
        return ids, mask

    def pixels(self, image):
        return self.torch.from_numpy(sd.normalize(sd.resize_352(image))[None].copy())

    def segment(self, image, prompts, visual=None, threshold=0.5):
        """prompts: texts; visual: (support image, box) or None.  Returns bool masks at image size."""
        torch = self.torch
        h, w = image.shape[:2]
        with torch.no_grad():
            acts = self.model.encode_image(self.pixels(image))
            conds = []
            if prompts:
                ids, mask = self.tokenize(prompts)
                conds.append(self.model.encode_text(torch.from_numpy(ids), torch.from_numpy(mask)))
            if visual is not None:
                crop = sd.crop_blur_highlight(visual[0], visual[1])
                conds.append(self.model.embed_image(self.pixels(crop)))
            probs = torch.sigmoid(self.model.decode(acts, torch.cat(conds))).numpy()
        # as the C++ engine: probabilities resized bilinearly to the image, then > threshold
        return [cv2.resize(p, (w, h), interpolation=cv2.INTER_LINEAR) > threshold for p in probs]


class CliBackend:
    def __init__(self, cli, bundle, tmp):
        self.cli = cli
        self.bundle = str(bundle)
        self.tmp = Path(tmp)
        self.count = 0

    def _run(self, image, extra):
        self.count += 1
        d = self.tmp / f"call{self.count:05d}"
        d.mkdir()
        img_path = d / "image.png"
        Image.fromarray(image).save(img_path)
        out = d / "masks"
        out.mkdir()
        cmd = [self.cli, "segment", "--model", self.bundle, "--image", str(img_path)] + extra(d) + [
            "--masks-out", str(out)]
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if res.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr.strip()[-2000:]}")
        files = []
        for f in out.iterdir():
            m = re.search(r"(\d+)", f.name)
            if f.suffix.lower() == ".png" and m:
                files.append((int(m.group(1)), f))
        files.sort()
        masks = []
        for _, f in files:
            m = np.asarray(Image.open(f).convert("L"))
            if m.shape != image.shape[:2]:
                raise RuntimeError(f"{f}: mask size {m.shape[::-1]} is not the image size {image.shape[1::-1]}")
            masks.append(m > 127)
        return masks

    def segment(self, image, prompts, visual=None, threshold=0.5):
        """One CLI call: the text prompts, then the visual prompt (masks come in command-line order)."""
        def extra(d):
            out = []
            for p in prompts:
                out += ["--prompt", p]
            if visual is not None:
                sup = d / "support.png"
                Image.fromarray(visual[0]).save(sup)
                x0, y0, x1, y1 = visual[1]
                out += ["--visual-prompt", f"{sup}@{x0},{y0},{x1},{y1}"]
            return out
        masks = self._run(image, extra)
        want = len(prompts) + (visual is not None)
        if len(masks) != want:
            raise RuntimeError(f"cli wrote {len(masks)} masks for {want} prompts")
        return masks


# --------------------------------------------------------------------------
# evaluation set
# --------------------------------------------------------------------------

def support_pool(n):
    """(color, shape) -> [(seed, box)] of well-visible shapes in held-out support scenes."""
    pool = {}
    for j in range(n):
        sc = sd.render_scene(sd.SUPPORT_SEEDS + j)
        for s in sc["shapes"]:
            w, h = s["box"][2] - s["box"][0], s["box"][3] - s["box"][1]
            if s["area"] >= 0.8 * s["full_area"] and min(w, h) >= 10:
                pool.setdefault((s["color"], s["shape"]), []).append((sd.SUPPORT_SEEDS + j, s["box"]))
    return pool


def eval_cases(k, pool, rng):
    """Scene + prompt list for held-out image k."""
    sc = sd.render_scene(sd.EVAL_SEEDS + k)
    cases = []
    for kind in ("color_shape", "color_shape", "shape", "color", "absent"):
        text, ids = sd.sample_text_prompt(sc, rng, kind)
        if text is not None:
            cases.append({"kind": kind, "prompt": text, "ids": ids})
    keys = [(s["color"], s["shape"]) for s in sc["shapes"]]
    keys = [key for key in dict.fromkeys(keys) if key in pool]
    visual = None
    if keys:
        key = keys[int(rng.integers(0, len(keys)))]
        seed, box = pool[key][int(rng.integers(0, len(pool[key])))]
        visual = {"kind": "visual", "prompt": f"visual {key[0]} {key[1]} (support seed {seed})",
                  "ids": sd.target_ids(sc["shapes"], key[0], key[1]), "support": (seed, box)}
    return sc, cases, visual


def evaluate(backend, n_images, log_every=20, pool_size=300):
    pool = support_pool(pool_size)
    results = {k: [] for k in sd.QUALITY_TARGETS}
    rows = []
    support_cache = {}
    t0 = time.time()
    for k in range(n_images):
        rng = np.random.default_rng([sd.EVAL_SEEDS, k])
        sc, cases, visual = eval_cases(k, pool, rng)
        vis_arg = None
        if visual is not None:
            seed, box = visual["support"]
            if seed not in support_cache:
                support_cache[seed] = sd.render_scene(seed)["image"]
            vis_arg = (support_cache[seed], box)
        masks = backend.segment(sc["image"], [c["prompt"] for c in cases], vis_arg)
        all_cases = cases + ([visual] if visual is not None else [])
        area = sc["labels"].size
        for c, m in zip(all_cases, masks):
            gt = np.isin(sc["labels"], c["ids"])
            if c["kind"] == "absent":
                val = float(m.sum() / area < sd.ABSENT_AREA)
            else:
                val = sd.iou(m, gt)
            results[c["kind"]].append(val)
            rows.append({"image": k, "kind": c["kind"], "prompt": c["prompt"], "value": val,
                         "target_frac": float(gt.sum() / area), "pred_frac": float(m.sum() / area)})
        if log_every and (k + 1) % log_every == 0:
            print(f"  {k + 1}/{n_images} images, {time.time() - t0:.0f} s", flush=True)
    return results, rows


def prompt_form(row):
    """The prompt's surface form, for the breakdown under the table."""
    words = row["prompt"].split()
    if row["kind"] == "visual":
        return "visual"
    colour = any(w in sd.COLOR_NAMES for w in words)
    shape = [w for w in words if w in sd.SHAPES or (w.endswith("s") and w[:-1] in sd.SHAPES)]
    prefix = "absent " if row["kind"] == "absent" else ""
    if colour and shape:
        return prefix + '"{color} {shape}"'
    if shape:
        return prefix + ('"{shape}s"' if shape[0] not in sd.SHAPES else '"{shape}"')
    return prefix + ('"{color}"' if len(words) == 1 else '"{color} shape/object"')


def report(runs, gate):
    """runs: [(name, results, rows)] on the same pairs.  Prints one table with a column per run;
    returns whether every figure of the first run reaches its `gate` value."""
    ok = True
    names = [name for name, _, _ in runs]
    lines = ["| prompt type | pairs | " + " | ".join(names) + " | target | result | regression floor |",
             "|---|---:|" + "---:|" * len(names) + "---:|---|---:|"]
    for kind, target in sd.QUALITY_TARGETS.items():
        means = []
        for _, results, _ in runs:
            vals = results[kind]
            means.append(float(np.mean(vals)) if vals else float("nan"))
        first = runs[0][1][kind]
        met = bool(first) and means[0] >= target
        ok &= bool(first) and means[0] >= gate[kind]
        lines.append(f"| {LABELS[kind]} | {len(first)} | " + " | ".join(f"{m:.3f}" for m in means)
                     + f" | >= {target:.2f} | {'met' if met else 'NOT MET'} | {REGRESSION_FLOORS[kind]:.2f} |")
    print(f"{len(runs[0][2])} image-prompt pairs; IoU means, absent: share of masks < 0.5 % of the image; "
          f"result for {names[0]}")
    print("\n".join(lines))
    # diagnostics: every prompt form, and IoU of present targets by target size
    forms = sorted({prompt_form(r) for r in runs[0][2]})
    for form in forms:
        parts = []
        for name, _, rows in runs:
            vals = [r["value"] for r in rows if prompt_form(r) == form]
            parts.append(f"{name} {np.mean(vals):.3f}")
        print(f"  form {form}: {len(vals)} pairs, " + ", ".join(parts))
    for lo, hi in ((0, 0.005), (0.005, 0.02), (0.02, 0.08), (0.08, 1.01)):
        parts, count = [], 0
        for name, _, rows in runs:
            vals = [r["value"] for r in rows if r["kind"] != "absent" and lo <= r["target_frac"] < hi]
            count = len(vals)
            if vals:
                parts.append(f"{name} {np.mean(vals):.3f}")
        if parts:
            print(f"  target area {lo * 100:.1f}-{min(hi, 1) * 100:.1f} % of image: {count} pairs, mean IoU "
                  + ", ".join(parts))
    return ok, lines


# --------------------------------------------------------------------------
# sanity (unit test)
# --------------------------------------------------------------------------

def sanity(bundle, samples):
    bundle = Path(bundle)
    man = json.loads((bundle / "manifest.json").read_text())
    problems = []
    if man.get("model", {}).get("name") != "demo: synthetic shapes":
        problems.append(f"model.name is {man.get('model', {}).get('name')!r}")
    if man.get("model", {}).get("source") != "demo-training":
        problems.append("model.source is not demo-training")
    tok = man.get("tokenizer", {})
    if tok.get("type") != "sentencepiece" or tok.get("pooling") != "last":
        problems.append(f"tokenizer block {tok}")
    total = sum(f.stat().st_size for f in bundle.iterdir() if f.is_file())
    if total > 15 * 1024 * 1024:
        problems.append(f"bundle is {total} bytes (> 15 MB)")
    for name, info in man.get("files", {}).items():
        if not (bundle / name).is_file() or (bundle / name).stat().st_size != info.get("bytes"):
            problems.append(f"file {name} missing or wrong size")
    backend = PythonBackend(bundle)
    for special in ("bos_id", "eos_id", "pad_id"):
        if not 0 <= tok[special] < backend.sp.get_piece_size():
            problems.append(f"{special} outside the SentencePiece vocabulary")
    index = json.loads((Path(samples) / "ground_truth" / "index.json").read_text())
    ious = []
    for entry in index["images"][:3]:
        image = np.asarray(Image.open(Path(samples) / entry["file"]).convert("RGB"))
        s = max(entry["shapes"], key=lambda e: e["area"])
        gt = np.asarray(Image.open(Path(samples) / s["mask"])) > 127
        absent = next(c for c in sd.COLOR_NAMES if c not in {e["color"] for e in entry["shapes"]})
        masks = backend.segment(image, [f"{s['color']} {s['shape']}", f"{absent} object"])
        ious.append(sd.iou(masks[0], gt))
        print(f"{entry['file']}: '{s['color']} {s['shape']}' IoU {ious[-1]:.3f}, "
              f"'{absent} object' area {masks[1].mean() * 100:.2f} %")
        if masks[1].mean() >= 0.05:
            problems.append(f"{entry['file']}: absent prompt gives {masks[1].mean() * 100:.1f} % of the image")
    if np.mean(ious) < 0.5:  # a working bundle, not the quality bar (that is demo.quality)
        problems.append(f"sample IoU {np.mean(ious):.3f} < 0.5")
    for p in problems:
        print("FAIL:", p)
    print("bundle sanity:", "FAIL" if problems else "OK", f"({total / 1e6:.2f} MB)")
    return not problems


def latency(bundles, samples, repeats=15):
    """First-mask latency (encode image, encode one text prompt, decode, threshold at image size) of each
    bundle on the first sample image, interleaved round by round so load changes hit every bundle alike;
    prints medians and the ratio to the first bundle."""
    index = json.loads((Path(samples) / "ground_truth" / "index.json").read_text())
    entry = index["images"][0]
    image = np.asarray(Image.open(Path(samples) / entry["file"]).convert("RGB"))
    prompt = f"{entry['shapes'][0]['color']} {entry['shapes'][0]['shape']}"
    backends = [PythonBackend(b) for b in bundles]
    times = [[] for _ in bundles]
    for b in backends:  # warm-up: TorchScript profiles and optimises on the first calls
        b.segment(image, [prompt])
        b.segment(image, [prompt])
    for _ in range(repeats):
        for i, b in enumerate(backends):
            t0 = time.perf_counter()
            b.segment(image, [prompt])
            times[i].append(time.perf_counter() - t0)
    medians = [float(np.median(t)) for t in times]
    for bundle, m in zip(bundles, medians):
        print(f"first mask {entry['file']} '{prompt}': {bundle}: median {m * 1000:.1f} ms over {repeats}, "
              f"ratio {m / medians[0]:.2f}")
    return medians


def main():
    root = HERE.parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", choices=["python", "cli"], default="python")
    ap.add_argument("--bundle", nargs="+", default=[str(root / "resources/models/demo-shapes")],
                    help="one or more bundles, evaluated on the same pairs (the gate applies to the first)")
    ap.add_argument("--cli", help="path to promptmask-cli (backend cli)")
    ap.add_argument("--images", type=int, default=200, help="held-out images (6 prompts each)")
    ap.add_argument("--json-out", help="write per-pair results here")
    ap.add_argument("--cache-dir", help="keep each bundle's results here and reuse them (same --images)")
    ap.add_argument("--sanity", action="store_true", help="quick bundle check (unit test)")
    ap.add_argument("--latency", action="store_true",
                    help="first-mask latency of each --bundle on a sample, interleaved, with ratios to the first")
    ap.add_argument("--samples", default=str(root / "resources/samples"))
    ap.add_argument("--threads", type=int, default=2, help="torch threads (backend python)")
    ap.add_argument("--gate", choices=["targets", "floors"], default="targets",
                    help="exit 1 below the issue's targets (default) or below the regression floors")
    args = ap.parse_args()
    try:
        if args.sanity:
            return 0 if sanity(args.bundle[0], args.samples) else 1
        if args.latency:
            latency(args.bundle, args.samples)
            return 0
        if args.backend == "cli" and not args.cli:
            ap.error("--backend cli needs --cli")
        t0 = time.time()
        runs = []
        for bundle in args.bundle:
            print(f"{args.backend}: {bundle}", flush=True)
            # The pairs are a pure function of --images, so a bundle's results can be kept and reused
            # (keyed by its model's digest) when it is compared again with another.
            sha = json.loads((Path(bundle) / "manifest.json").read_text())["files"]["model.pt"]["sha256"]
            kept = Path(args.cache_dir) / f"{args.backend}-{sha[:16]}-{args.images}.json" if args.cache_dir else None
            if kept is not None and kept.is_file():
                results, rows = json.loads(kept.read_text())
                print(f"  results kept in {kept}")
            else:
                with tempfile.TemporaryDirectory(prefix="demo-eval-") as tmp:
                    backend = (CliBackend(args.cli, bundle, tmp) if args.backend == "cli"
                               else PythonBackend(bundle, args.threads))
                    results, rows = evaluate(backend, args.images)
                if kept is not None:
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    kept.write_text(json.dumps([results, rows]))
            runs.append((Path(bundle).name if len(args.bundle) == 1 else bundle, results, rows))
        gate = sd.QUALITY_TARGETS if args.gate == "targets" else REGRESSION_FLOORS
        ok, _ = report(runs, gate)
        results, rows = runs[0][1], runs[0][2]
        print(f"evaluation took {time.time() - t0:.0f} s")
        if args.json_out:
            Path(args.json_out).write_text(json.dumps({k: float(np.mean(v)) if v else None
                                                       for k, v in results.items()} | {"rows": rows}, indent=1))
        print(f"RESULT ({args.gate}):", "PASS" if ok else "FAIL")
        return 0 if ok else 1
    except Exception as error:  # noqa: BLE001
        print(f"eval_demo: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
