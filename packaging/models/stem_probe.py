#!/usr/bin/python3
"""A/B probe: how fast the demo's vision tower learns shape with each stem.

The vision tower alone (no text tower, no decoder) with train_demo's
auxiliary heads and loss, from scratch, on train_demo's scene cache (run its
`data` stage first).  Scored on validation scenes: the shape head's argmax on
patches that one shape covers to more than 60 % (chance is 1 in 8), and the
same for colour.  Deterministic; both stems see the same batches.

    /usr/bin/python3 packaging/models/stem_probe.py --work /tmp/demo-work --steps 300
"""

import argparse
import os
import sys
import time
from pathlib import Path

# OMP_WAIT_POLICY and OPENBLAS_CORETYPE, as the C++ binaries set them: before torch loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runtime_env  # noqa: E402,F401

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes_data as sd  # noqa: E402
import train_demo as td  # noqa: E402


def accuracy(model, aux, val, res, scenes=64):
    """(shape, colour) accuracy on patches covered > 60 % by one shape."""
    import torch
    imgs = np.stack([val["img"][i] for i in range(scenes)])
    labs = np.stack([val["lab"][i] for i in range(scenes)])
    maps = td.class_maps([val["meta"][i] for i in range(scenes)], labs)
    with torch.no_grad():
        states = model.clip.vision_model.hidden_states(td.to_pixels(imgs, res), None, 4)
        patches = states[4][:, 1:]
        side = int(round(patches.shape[1] ** 0.5))
        out = []
        for head, key, classes in ((aux.shape, "shape_map", len(sd.SHAPES) + 1),
                                   (aux.color, "color_map", len(sd.COLOR_NAMES) + 1)):
            share = td.AuxHeads._patch_shares(maps[key], classes, side)  # [n, t, classes]
            best, cls = share[..., 1:].max(-1)
            keep = best > 0.6
            pred = head(patches)[..., 1:].argmax(-1)
            out.append(float((pred[keep] == cls[keep]).float().mean()))
    return out


def probe(stem, cache, val, tok, args):
    import torch
    from clipseg_model import ClipSegForImageSegmentation
    cfg = td.demo_config(stem=stem)
    cfg.text.vocab_size = tok.vocab_size()
    model = ClipSegForImageSegmentation(cfg)
    td.init_weights(model, td.SEED, "sincos")
    aux = td.AuxHeads(cfg.vision.hidden_size)
    vision = model.clip.vision_model
    opt = torch.optim.AdamW(list(vision.parameters()) + aux.parameters(), lr=args.lr, betas=(0.9, 0.98),
                            weight_decay=0.02)
    sampler = td.Sampler(cache, tok, augment=False)
    t0 = time.time()
    rows = []
    for step in range(1, args.steps + 1):
        for g in opt.param_groups:
            g["lr"] = args.lr * min(1.0, step / 50)
        batch = sampler.aux_batch(step, args.images)
        states = vision.hidden_states(td.to_pixels(batch["imgs"], args.res), None, 4)
        loss = aux.loss(states[4], batch)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(vision.parameters()) + aux.parameters(), 1.0)
        opt.step()
        if step % args.every == 0:
            shape, colour = accuracy(model, aux, val, args.res)
            rows.append((step, shape, colour))
            td.log(f"probe {stem}: step {step} loss {float(loss):.3f} shape acc {shape:.3f} colour acc {colour:.3f} "
                   f"({(time.time() - t0) / step:.2f} s/step)")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", default="/tmp/demo-work")
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--every", type=int, default=100)
    ap.add_argument("--images", type=int, default=16)
    ap.add_argument("--res", type=int, default=224)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--stems", default="patch,conv")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    work = Path(args.work)
    tok = td.Tokenizer(work / "tokenizer.model")
    cache, val = td.load_cache(work, "train"), td.load_cache(work, "val")
    results = {stem: probe(stem, cache, val, tok, args) for stem in args.stems.split(",")}
    print("| step | " + " | ".join(f"{s} shape (colour)" for s in results) + " |")
    print("|---:|" + "---:|" * len(results))
    for i, (step, _, _) in enumerate(next(iter(results.values()))):
        print(f"| {step} | " + " | ".join(f"{r[i][1]:.3f} ({r[i][2]:.3f})" for r in results.values()) + " |")


if __name__ == "__main__":
    main()
