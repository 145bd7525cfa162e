#!/usr/bin/python3
"""How far a dynamic-int8 bundle is from its float32 original (docs/PERFORMANCE.md).

  int8_deviation.py --fp32 BUNDLE --int8 BUNDLE --image IMG --ids IDS.json [--golden DIR --work DIR]

Random weights: the full-size bundles on the benchmark image and prompts.
Golden: the shared tiny-refined Hugging Face checkpoint, exported twice
(float32 and --quantize int8), on every text case of shared/golden; float32
is also compared with the golden logits themselves.  For each pair it
reports the largest and mean absolute logit difference and the IoU of the
masks at probability 0.5 (the default threshold).  Prints one JSON object.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
EXPORTER = HERE.parent / "models" / "export_clipseg.py"


def load(bundle: Path):
    manifest = json.loads((bundle / "manifest.json").read_text())
    if manifest["quantization"] == "int8-dynamic":
        engines = torch.backends.quantized.supported_engines
        torch.backends.quantized.engine = "onednn" if "onednn" in engines else "qnnpack"
    return torch.jit.load(str(bundle / "model.pt")).eval(), manifest


def logits(module, pixels, ids, mask):
    with torch.inference_mode():
        return module.decode(module.encode_image(pixels), module.encode_text(ids, mask))


def compare(a: torch.Tensor, b: torch.Tensor) -> dict:
    diff = (a - b).abs()
    ma, mb = a > 0, b > 0  # sigmoid(x) > 0.5
    inter = (ma & mb).flatten(1).sum(1).double()
    union = (ma | mb).flatten(1).sum(1).double()
    iou = torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(inter))
    return {"max_abs_logit": diff.max().item(), "mean_abs_logit": diff.mean().item(),
            "logit_range": (b.max() - b.min()).item(), "min_mask_iou": iou.min().item(),
            "mean_mask_iou": iou.mean().item()}


def batch(ids_list, pad):
    width = max(len(s) for s in ids_list)
    ids = torch.full((len(ids_list), width), pad, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, seq in enumerate(ids_list):
        ids[row, :len(seq)] = torch.tensor(seq)
        mask[row, :len(seq)] = 1
    return ids, mask


def pixels_of(image: str, spec) -> torch.Tensor:
    from PIL import Image

    img = Image.open(image).convert("RGB").resize((spec["size"], spec["size"]), Image.BILINEAR)
    x = np.asarray(img, np.float32) * spec["rescale_factor"]
    x = (x - np.array(spec["mean"], np.float32)) / np.array(spec["std"], np.float32)
    return torch.from_numpy(x.transpose(2, 0, 1).copy()).unsqueeze(0)


def read(path: Path, dtype, shape):
    return torch.from_numpy(np.fromfile(path, dtype=dtype).reshape(shape))


def golden(golden_dir: Path, work: Path) -> dict:
    hf = golden_dir / "hf" / "tiny-refined"
    out = {}
    for q, extra in (("fp32", []), ("int8", ["--quantize", "int8"])):
        target = work / f"golden-tiny-{q}"
        if not (target / "manifest.json").exists():
            subprocess.run([sys.executable, str(EXPORTER), "--hf-dir", str(hf), "--out", str(target)] + extra,
                           check=True, stdout=subprocess.DEVNULL)
        out[q] = load(target)[0]
    cases = golden_dir / "cases" / "tiny-refined"
    got = {"int8_vs_fp32": [], "fp32_vs_golden": [], "int8_vs_golden": []}
    for case in sorted(cases.iterdir()):
        index = json.loads((case / "index.json").read_text())
        if index.get("kind") != "text" or index.get("batch_size", 0) == 0:
            continue
        t = index["tensors"]
        px = read(case / t["pixel_values"]["file"], np.float32, t["pixel_values"]["shape"])
        ids = read(case / t["input_ids"]["file"], np.int64, t["input_ids"]["shape"])
        mask = read(case / t["attention_mask"]["file"], np.int64, t["attention_mask"]["shape"])
        expected = read(case / t["logits"]["file"], np.float32, t["logits"]["shape"])
        f = logits(out["fp32"], px, ids, mask)
        i = logits(out["int8"], px, ids, mask)
        got["int8_vs_fp32"].append(compare(i, f))
        got["fp32_vs_golden"].append(compare(f, expected))
        got["int8_vs_golden"].append(compare(i, expected))
    return {k: worst(v) for k, v in got.items()} | {"cases": len(got["int8_vs_fp32"])}


def worst(items):
    return {"max_abs_logit": max(c["max_abs_logit"] for c in items),
            "mean_abs_logit": float(np.mean([c["mean_abs_logit"] for c in items])),
            "logit_range": max(c["logit_range"] for c in items),
            "min_mask_iou": min(c["min_mask_iou"] for c in items),
            "mean_mask_iou": float(np.mean([c["mean_mask_iou"] for c in items]))}


def main() -> int:
    parser = argparse.ArgumentParser(prog="int8_deviation")
    parser.add_argument("--fp32", required=True)
    parser.add_argument("--int8", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--ids", required=True)
    parser.add_argument("--golden")
    parser.add_argument("--work", default=".")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    fp32, manifest = load(Path(args.fp32))
    int8, _ = load(Path(args.int8))
    ids, mask = batch(json.loads(Path(args.ids).read_text()), manifest["tokenizer"]["pad_id"])
    px = pixels_of(args.image, manifest["input"])
    result = {"random_full_size": compare(logits(int8, px, ids, mask), logits(fp32, px, ids, mask)),
              "prompts": len(ids)}
    if args.golden and (Path(args.golden) / "hf" / "tiny-refined").is_dir():
        result["golden_tiny_refined"] = golden(Path(args.golden), Path(args.work))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
