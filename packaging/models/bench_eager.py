#!/usr/bin/python3
"""The eager PyTorch baseline for `promptmask-cli bench` (docs/PERFORMANCE.md).

  bench_eager.py --bundle BUNDLE --image IMG --ids IDS.json [--repeat R] [--threads T] [--json]

Runs the bundle's weights the way the Hugging Face pipeline runs CLIPSeg
(`CLIPSegProcessor(text=prompts, images=[image] * N, padding="max_length")`
then `CLIPSegForImageSegmentation(**inputs)`): eager PyTorch, no_grad, the
image repeated once per prompt, the text padded to the 77-token context, the
full 12-layer vision tower (HF computes every hidden state), then sigmoid and
bilinear upsampling to the image size.  Weights are read from model.pt into
the eager module of clipseg_model.py (same math as HF, checked against the
golden data by the export tests).

IDS.json holds the token ids of each prompt (`promptmask-cli tokenize` output
as one JSON list of lists), so both sides feed the model identical tokens.

It measures its configurations, each in a fresh process: the default
environment, OMP_WAIT_POLICY=PASSIVE, and with --blas-coretype NAME also
PASSIVE plus OPENBLAS_CORETYPE=NAME (the OpenBLAS kernels the PromptMask
binaries ask for on this CPU; Debian's OpenBLAS may pick slower ones by
itself). It reports them all and the best, so the baseline is never a
strawman.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def load_eager(bundle: Path):
    import torch
    from clipseg_model import PRESETS, ClipSegForImageSegmentation, StateDictError, check_state_dict, preset_config

    scripted = torch.jit.load(str(bundle / "model.pt"), map_location="cpu")
    state = {k[len("model."):]: v for k, v in scripted.state_dict().items() if k.startswith("model.")}
    manifest = json.loads((bundle / "manifest.json").read_text())
    if manifest.get("quantization", "none") != "none":
        raise SystemExit("bench_eager: give a float32 bundle (the baseline is float32)")
    for name in PRESETS:  # the preset whose parameter shapes match the bundle's
        model = ClipSegForImageSegmentation(preset_config(name))
        try:
            check_state_dict(model, state)
        except StateDictError:
            continue
        model.load_state_dict(state, strict=True)
        return model.eval(), manifest
    raise SystemExit(f"bench_eager: {bundle}/model.pt matches no known CLIPSeg size")


def preprocess(image_path: str, spec: Dict[str, Any], copies: int):
    """ViTImageProcessor: PIL bilinear resize, rescale, normalise; one copy per prompt."""
    import numpy as np
    import torch
    from PIL import Image

    image = Image.open(image_path).convert("RGB")
    size = spec["size"]
    resized = np.asarray(image.resize((size, size), Image.BILINEAR), dtype=np.float32)
    x = (resized * spec["rescale_factor"] - np.array(spec["mean"], np.float32)) / np.array(spec["std"], np.float32)
    one = torch.from_numpy(x.transpose(2, 0, 1).copy())
    return torch.stack([one] * copies), image.size


def run_config(args) -> Dict[str, Any]:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    model, manifest = load_eager(Path(args.bundle))
    tok = manifest["tokenizer"]
    context = tok["context_length"]
    all_ids: List[List[int]] = json.loads(Path(args.ids).read_text())
    extract = list(model.extract_layers)

    def segment(prompt_ids: List[List[int]]):
        """image file -> N probability maps at the image size, the HF way."""
        n = len(prompt_ids)
        pixels, (w, h) = preprocess(args.image, manifest["input"], n)
        ids = torch.full((n, context), tok["pad_id"], dtype=torch.long)
        mask = torch.zeros((n, context), dtype=torch.long)
        for row, seq in enumerate(prompt_ids):
            ids[row, :len(seq)] = torch.tensor(seq)
            mask[row, :len(seq)] = 1
        with torch.no_grad():
            cond = model.clip.get_text_features(ids, mask)
            states = model.clip.vision_model.hidden_states(pixels, None, -1)  # the full tower, as HF
            logits = model.decoder([states[i + 1] for i in extract], cond)
            probs = torch.sigmoid(logits).unsqueeze(1)
            return F.interpolate(probs, size=(h, w), mode="bilinear", align_corners=False)

    def median_ms(f, repeat):
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            f()
            times.append((time.perf_counter() - start) * 1000.0)
        return statistics.median(times)

    segment(all_ids[:1])  # warm-up
    return {
        "first_mask_ms": median_ms(lambda: segment(all_ids[:1]), args.repeat),
        "n_prompts_total_ms": median_ms(lambda: segment(all_ids), args.repeat),
        "prompts": len(all_ids),
        "threads": torch.get_num_threads(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", ""),
        "torch": torch.__version__,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench_eager", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--ids", required=True, help="JSON list of token-id lists, one per prompt")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--blas-coretype", default="",
                        help="also measure with OPENBLAS_CORETYPE set to this (and PASSIVE)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one-config", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_config:
        print(json.dumps(run_config(args)))
        return 0

    configs = {}
    variants = [("default", None, None), ("passive", "PASSIVE", None)]
    if args.blas_coretype:
        variants.append(("passive+blas", "PASSIVE", args.blas_coretype))
    for name, policy, core in variants:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_") and k != "OPENBLAS_CORETYPE"}
        if policy:
            env["OMP_WAIT_POLICY"] = policy
        if core:
            env["OPENBLAS_CORETYPE"] = core
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one-config"] + sys.argv[1:],
                             env=env, check=True, capture_output=True, text=True).stdout
        configs[name] = json.loads(out.strip().splitlines()[-1])
    best = min(configs, key=lambda c: configs[c]["first_mask_ms"] + configs[c]["n_prompts_total_ms"])
    result = {"first_mask_ms": configs[best]["first_mask_ms"],
              "n_prompts_total_ms": configs[best]["n_prompts_total_ms"], "best": best, "configs": configs}
    if args.json:
        print(json.dumps(result))
    else:
        for name, c in configs.items():
            print(f"{name:8s} first mask {c['first_mask_ms']:8.1f} ms   {c['prompts']} prompts "
                  f"{c['n_prompts_total_ms']:8.1f} ms")
        print(f"best: {best}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
