#!/usr/bin/python3
"""Trains the embedded demo model ("demo: synthetic shapes") from scratch.

A small CLIPSeg-architecture model (clipseg_model.py, same code as the
exporter) is trained end to end on procedurally generated shapes
(shapes_data.py) and exported with the shared bundle writer.

    /usr/bin/python3 packaging/models/train_demo.py \
        --out resources/models/demo-shapes --samples resources/samples --work /tmp/demo-work

Stages (all by default, or pick with --stages): data (scene cache), spm
(SentencePiece tokenizer), train (resumable, checkpoints in --work),
calibrate (one logit offset chosen on validation scenes), export (bundle),
samples (sample images + ground truth).  Everything is seeded; a
re-run with the same --work resumes from the last checkpoint.
"""

import argparse
import json
import math
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

# OMP_WAIT_POLICY and OPENBLAS_CORETYPE, as the C++ binaries set them: before torch loads.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runtime_env  # noqa: E402,F401

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes_data as sd  # noqa: E402

SEED = 1234  # every random choice of the training (scene seed ranges: shapes_data.*_SEEDS)

CONTEXT_LENGTH = 16
UNK_ID, BOS_ID, EOS_ID, PAD_ID = 0, 1, 2, 3
MODEL_NAME = "demo: synthetic shapes"
MODEL_SOURCE = "demo-training"


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


# --------------------------------------------------------------------------
# model config
# --------------------------------------------------------------------------

def demo_config(vision_hidden=64, vision_heads=2, vision_layers=4, stem="conv"):
    from clipseg_model import ClipSegConfig, TextConfig, VisionConfig
    return ClipSegConfig(
        text=TextConfig(vocab_size=112, hidden_size=64, intermediate_size=256, num_hidden_layers=2,
                        num_attention_heads=4, max_position_embeddings=CONTEXT_LENGTH, hidden_act="gelu",
                        bos_token_id=BOS_ID, eos_token_id=EOS_ID, pad_token_id=PAD_ID),
        vision=VisionConfig(hidden_size=vision_hidden, intermediate_size=4 * vision_hidden,
                            num_hidden_layers=vision_layers, num_attention_heads=vision_heads,
                            image_size=sd.INPUT_SIZE, patch_size=16, hidden_act="gelu", stem=stem),
        projection_dim=64, reduce_dim=64, decoder_num_attention_heads=2, decoder_intermediate_size=128,
        extract_layers=[vision_layers - 3, vision_layers - 2, vision_layers - 1], conditional_layer=0, use_complex_transposed_convolution=True,
        text_pooling="last")


# --------------------------------------------------------------------------
# tokenizer
# --------------------------------------------------------------------------

def train_spm(work):
    import sentencepiece as spm
    prefix = work / "tokenizer"
    if (work / "tokenizer.model").is_file():
        return work / "tokenizer.model"
    corpus = work / "prompts.txt"
    texts = sd.all_prompt_texts()
    # The real prompt corpus, repeated so piece statistics are stable.
    corpus.write_text("\n".join(texts * 4) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(prefix), vocab_size=112, model_type="bpe",
        character_coverage=1.0, hard_vocab_limit=False, num_threads=1,
        unk_id=UNK_ID, bos_id=BOS_ID, eos_id=EOS_ID, pad_id=PAD_ID, minloglevel=2)
    log(f"spm: trained {work / 'tokenizer.model'}")
    return work / "tokenizer.model"


class Tokenizer:
    """The C++ engine's SentencePiece rule: lowercase, [bos] + ids + [eos],
    truncated to the context length keeping eos last, padded with pad_id."""

    def __init__(self, model_path, context_length=CONTEXT_LENGTH):
        import sentencepiece as spm
        self.sp = spm.SentencePieceProcessor(model_file=str(model_path))
        self.n = context_length
        assert self.sp.bos_id() == BOS_ID and self.sp.eos_id() == EOS_ID and self.sp.pad_id() == PAD_ID

    def __call__(self, texts):
        ids = np.full((len(texts), self.n), PAD_ID, np.int64)
        mask = np.zeros((len(texts), self.n), np.int64)
        for i, t in enumerate(texts):
            seq = [BOS_ID] + list(self.sp.encode(t.lower())) + [EOS_ID]
            if len(seq) > self.n:
                seq = seq[:self.n - 1] + [EOS_ID]
            ids[i, :len(seq)] = seq
            mask[i, :len(seq)] = 1
        return ids, mask

    def vocab_size(self):
        return self.sp.get_piece_size()


def tokenizer_block():
    return {"type": "sentencepiece", "files": {"model": "tokenizer.model"}, "context_length": CONTEXT_LENGTH,
            "bos_id": BOS_ID, "eos_id": EOS_ID, "pad_id": PAD_ID, "unk_id": UNK_ID, "pooling": "last",
            "lowercase": True}


# --------------------------------------------------------------------------
# scene cache
# --------------------------------------------------------------------------

def pick_support_shape(scene, rng):
    """A well-visible shape to crop as a visual prompt (or None)."""
    cands = [i for i, s in enumerate(scene["shapes"])
             if s["area"] >= 0.8 * s["full_area"] and min(s["box"][2] - s["box"][0], s["box"][3] - s["box"][1]) >= 10]
    if not cands:
        return None
    return cands[int(rng.integers(0, len(cands)))]


def _cache_one(args):
    seed, want_crop = args
    sc = sd.render_scene(seed)
    img = sd.resize_352(sc["image"])
    lab = sd.labels_352(sc["labels"])
    meta = [(sd.COLOR_NAMES.index(s["color"]), sd.SHAPES.index(s["shape"])) for s in sc["shapes"]]
    crop, key = None, None
    if want_crop:
        rng = np.random.default_rng([SEED, 7, seed])
        i = pick_support_shape(sc, rng)
        if i is not None:
            crop = sd.resize_352(sd.crop_blur_highlight(sc["image"], sc["shapes"][i]["box"]))
            key = meta[i]
    return img, lab, meta, crop, key


def build_cache(work, n, base, crop_every, name, procs):
    path = work / f"{name}.npz.meta.json"
    if path.is_file():
        return load_cache(work, name)
    log(f"data: rendering {n} scenes (seeds {base}..{base + n - 1}) with {procs} processes")
    t0 = time.time()
    imgs = np.lib.format.open_memmap(work / f"{name}_img.npy", "w+", np.uint8, (n, 352, 352, 3))
    labs = np.lib.format.open_memmap(work / f"{name}_lab.npy", "w+", np.uint8, (n, 352, 352))
    crops, crop_keys, crop_src, metas = [], [], [], []
    jobs = [(base + i, i % crop_every == 0) for i in range(n)]
    with mp.get_context("fork").Pool(procs) as pool:
        for i, (img, lab, meta, crop, key) in enumerate(pool.imap(_cache_one, jobs, chunksize=16)):
            imgs[i], labs[i] = img, lab
            metas.append(meta)
            if crop is not None:
                crops.append(crop)
                crop_keys.append(key)
                crop_src.append(i)
            if (i + 1) % 1000 == 0:
                log(f"data: {i + 1}/{n} scenes, {time.time() - t0:.0f} s")
    imgs.flush()
    labs.flush()
    np.save(work / f"{name}_crops.npy", np.stack(crops) if crops else np.zeros((0, 352, 352, 3), np.uint8))
    path.write_text(json.dumps({"meta": metas, "crop_keys": crop_keys, "crop_src": crop_src}))
    log(f"data: {n} scenes, {len(crops)} crops in {time.time() - t0:.0f} s")
    return load_cache(work, name)


def load_cache(work, name):
    info = json.loads((work / f"{name}.npz.meta.json").read_text())
    return {
        "img": np.load(work / f"{name}_img.npy", mmap_mode="r"),
        "lab": np.load(work / f"{name}_lab.npy", mmap_mode="r"),
        "crops": np.load(work / f"{name}_crops.npy", mmap_mode="r"),
        "meta": [[tuple(m) for m in ms] for ms in info["meta"]],
        "crop_keys": [tuple(k) for k in info["crop_keys"]],
        "crop_src": info["crop_src"],
    }


# --------------------------------------------------------------------------
# batches
# --------------------------------------------------------------------------

def scene_shapes(meta):
    return [{"color": sd.COLOR_NAMES[c], "shape": sd.SHAPES[s]} for c, s in meta]


def class_maps(metas, labs):
    """Dense maps for the auxiliary loss: label i+1 -> its shape / colour class + 1, background 0, and the
    label map itself (which shape covers a pixel)."""
    return {"shape_map": np.stack([np.array([0] + [s + 1 for _, s in m], np.uint8)[lab] for m, lab in zip(metas, labs)]),
            "color_map": np.stack([np.array([0] + [c + 1 for c, _ in m], np.uint8)[lab] for m, lab in zip(metas, labs)]),
            "inst_map": np.asarray(labs)}


def photometric(imgs, rng):
    """Training-time pixel variety the cached scenes lack, so the model does not
    fit one renderer's edges and noise: blur or sharpening (edge softness,
    anti-aliasing), mild contrast and brightness changes (hue untouched, so
    colour names stay right) and sensor-like noise.  Deterministic for a seed."""
    import cv2
    out = imgs.copy()
    for n in range(len(out)):
        r = rng.random(3)
        if r[0] >= 0.4 and r[1] >= 0.5 and r[2] >= 0.2:
            continue  # untouched: the conversions below cost as much as a training step's data
        x = out[n].astype(np.float32)
        if r[0] < 0.25:
            x = cv2.GaussianBlur(x, (0, 0), rng.uniform(0.4, 1.3))
        elif r[0] < 0.4:
            x = cv2.addWeighted(x, 1.0 + (a := rng.uniform(0.3, 1.0)), cv2.GaussianBlur(x, (0, 0), 1.0), -a, 0)
        if r[1] < 0.5:
            mean = x.mean((0, 1), keepdims=True)
            x = (x - mean) * rng.uniform(0.8, 1.2) + mean + rng.uniform(-15, 15)
        if r[2] < 0.2:
            x += rng.standard_normal(x.shape, dtype=np.float32) * rng.uniform(2, 7)
        out[n] = np.clip(np.rint(x), 0, 255).astype(np.uint8)
    return out


class Sampler:
    """Batches of `images` scenes with `k_text` text prompts and `k_vis` visual
    prompts each.  The image encoding is shared by the prompts of one image
    (activations repeated), and the `crops` visual-prompt embeddings are
    shared across the batch, so one step supervises images * (k_text + k_vis)
    masks while the vision tower runs only images + crops times.  Several
    prompts on the same image (some absent) force the decoder to use the
    conditioning."""
    TEXT_KINDS = ["color_shape", "shape", "color", "absent"]
    TEXT_P = [0.36, 0.26, 0.14, 0.24]
    HARD_NEGATIVE = 0.5  # share of absent prompts naming a present colour or a present shape

    def __init__(self, cache, tokenizer, k_text=3, k_vis=1, crops=4, augment=False):
        self.c = cache
        self.augment = augment
        self.tok = tokenizer
        self.k_text, self.k_vis, self.n_crops = k_text, k_vis, crops
        self.by_key = {}
        for j, k in enumerate(cache["crop_keys"]):
            self.by_key.setdefault(k, []).append(j)
        self.nonempty = np.array([i for i, m in enumerate(cache["meta"]) if m])

    @staticmethod
    def hard_negative(shapes, rng):
        """An absent "{color} {shape}" whose colour or shape alone is present."""
        s0 = shapes[int(rng.integers(0, len(shapes)))]
        for _ in range(20):
            if rng.random() < 0.5:
                c, s = s0["color"], sd.SHAPES[int(rng.integers(0, len(sd.SHAPES)))]
            else:
                c, s = sd.COLOR_NAMES[int(rng.integers(0, len(sd.COLOR_NAMES)))], s0["shape"]
            if not sd.target_ids(shapes, c, s):
                t = sd.COLOR_SHAPE_TEMPLATES[int(rng.integers(0, 3))]
                return t.format(color=c, shape=s), []
        return None, []

    def _pick(self, rng, images):
        """`images` distinct non-empty scenes: their cache indices and metadata."""
        idxs = self.nonempty[rng.choice(len(self.nonempty), images, replace=False)]
        return idxs, [self.c["meta"][i] for i in idxs]

    def _pixels(self, idxs, stream=None, step=0):
        imgs = np.stack([self.c["img"][i] for i in idxs])
        if self.augment and stream is not None:
            imgs = photometric(imgs, np.random.default_rng([SEED, stream, step]))
        return imgs, np.stack([self.c["lab"][i] for i in idxs])

    def aux_batch(self, step, images):
        """Scenes for the auxiliary loss only: images and their class maps, no prompts."""
        idxs, metas = self._pick(np.random.default_rng([SEED, 3, step]), images)
        imgs, labs = self._pixels(idxs, 5, step)
        return {"imgs": imgs, **class_maps(metas, labs)}

    def batch(self, step, images):
        rng = np.random.default_rng([SEED, 1, step])
        idxs, metas = self._pick(rng, images)
        # shared visual-prompt crops: mostly keys present in the batch, one random
        crop_ids = []
        while len(crop_ids) < self.n_crops:
            if len(crop_ids) < self.n_crops - 1:
                m = metas[int(rng.integers(0, images))]
                key = m[int(rng.integers(0, len(m)))]
            else:
                keys = list(self.by_key)
                key = keys[int(rng.integers(0, len(keys)))]
            cands = [j for j in self.by_key.get(key, []) if self.c["crop_src"][j] not in idxs]
            if cands:
                crop_ids.append(cands[int(rng.integers(0, len(cands)))])
        crop_keys = [tuple(self.c["crop_keys"][j]) for j in crop_ids]
        texts, slot_src, slot_ids, kinds = [], [], [], []  # slot_src: ("t", text index) / ("v", crop index)
        for meta in metas:
            shapes = scene_shapes(meta)
            for _ in range(self.k_text):
                text = None
                while text is None:
                    kind = self.TEXT_KINDS[int(rng.choice(4, p=self.TEXT_P))]
                    if kind == "absent" and rng.random() < self.HARD_NEGATIVE:
                        text, ids = self.hard_negative(shapes, rng)
                    else:
                        text, ids = sd.sample_text_prompt({"shapes": shapes}, rng, kind)
                slot_src.append(("t", len(texts)))
                kinds.append(kind)
                texts.append(text)
                slot_ids.append(ids)
            for _ in range(self.k_vis):
                present = [c for c, k in enumerate(crop_keys) if k in meta]
                if present and rng.random() < 0.8:
                    c = present[int(rng.integers(0, len(present)))]
                else:
                    c = int(rng.integers(0, len(crop_ids)))
                slot_src.append(("v", c))
                kinds.append("visual")
                slot_ids.append([i + 1 for i, m in enumerate(meta) if m == crop_keys[c]])
        k = self.k_text + self.k_vis
        flips = rng.random(images) < 0.5
        imgs, labs = self._pixels(idxs, 4, step)
        imgs[flips] = imgs[flips][:, :, ::-1]
        labs[flips] = labs[flips][:, :, ::-1]
        targets = np.stack([np.isin(labs[n // k], slot_ids[n]) for n in range(len(slot_ids))]).astype(np.float32)
        ids, mask = self.tok(texts)
        crops = np.stack([self.c["crops"][j] for j in crop_ids])
        names = self.tok([f"{sd.COLOR_NAMES[a]} {sd.SHAPES[b]}" for a, b in crop_keys])
        index = np.array([t if kind == "t" else len(texts) + t for kind, t in slot_src], np.int64)
        return {"imgs": imgs, "targets": targets, "ids": ids, "mask": mask, "crops": crops, "names": names,
                "index": index, "k": k, "visual": np.array([kind == "v" for kind, _ in slot_src]),
                "kinds": kinds, **class_maps(metas, labs)}


# --------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------

def sincos_2d(grid, dim):
    """Fixed 2-D sine/cosine position code [grid * grid, dim] (row-major): a
    quarter of the channels each for sin(y), cos(y), sin(x), cos(x)."""
    import torch
    quarter = dim // 4
    omega = 1.0 / (100.0 ** (torch.arange(quarter, dtype=torch.float32) / quarter))
    ys, xs = torch.meshgrid(torch.arange(grid, dtype=torch.float32), torch.arange(grid, dtype=torch.float32),
                            indexing="ij")
    parts = []
    for coord in (ys.flatten(), xs.flatten()):
        angle = coord[:, None] * omega[None, :]
        parts += [torch.sin(angle), torch.cos(angle)]
    code = torch.cat(parts, 1)
    return torch.nn.functional.pad(code, (0, dim - code.shape[1]))


def init_weights(model, seed, pos_init="normal"):
    import torch
    torch.manual_seed(seed)
    for m in model.modules():
        if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d, torch.nn.ConvTranspose2d)):
            m.reset_parameters()
        elif isinstance(m, torch.nn.LayerNorm):
            m.reset_parameters()
        elif isinstance(m, torch.nn.Embedding):
            torch.nn.init.normal_(m.weight, std=0.02)
    emb = model.clip.vision_model.embeddings
    torch.nn.init.normal_(emb.class_embedding, std=0.02)
    if pos_init == "sincos":
        # Still a learned table (the architecture is unchanged), started from a 2-D sine/cosine code:
        # attention can use where patches are relative to each other from the first step, which a
        # from-scratch table takes thousands of steps to learn (shape is a relation between patches).
        with torch.no_grad():
            grid = emb.grid_size
            emb.position_embedding.weight[1:] = 0.5 * sincos_2d(grid, emb.position_embedding.weight.shape[1])
    last = model.decoder.transposed_convolution[-1]
    torch.nn.init.constant_(last.bias, -2.0)


def warm_start(model, bundle):
    """Starts from a previous demo bundle's weights wherever the shapes match
    (text tower, transformer, decoder); what differs (a new stem) keeps its
    fresh initialisation.  Colour, text and decoding are already learnt there,
    so the 2-core budget goes to shape.  The bundle's tokenizer is reused (see
    main), so token ids keep their meaning."""
    import torch
    old = torch.jit.load(str(bundle / "model.pt"), map_location="cpu").state_dict()
    own = model.state_dict()
    taken, skipped = {}, {}
    for key, value in old.items():
        if not key.startswith("model."):
            continue
        name = key[len("model."):]
        if name in own and own[name].shape == value.shape:
            taken[name] = value
        else:
            skipped[name] = value
    model.load_state_dict(taken, strict=False)
    fresh = sorted(set(own) - set(taken))
    log(f"train: warm start from {bundle}: {len(taken)} tensors taken, not taken {sorted(skipped)}, "
        f"{len(fresh)} fresh")
    return skipped.get("clip.vision_model.embeddings.patch_embedding.weight")


def stem_warmup(model, patch_weight, sampler, steps, res, images=16):
    """Trains a fresh conv stem alone to reproduce the warm start's 16x16 patch
    projection (a distillation target), so the inherited transformer starts from
    tokens it knows instead of noise and nothing it learnt is torn down by the
    first steps.  Deterministic; cheap (the stem only)."""
    import torch
    import torch.nn.functional as F
    stem = model.clip.vision_model.embeddings.patch_embedding
    opt = torch.optim.Adam(stem.parameters(), lr=2e-3)
    for step in range(steps):
        x = to_pixels(sampler.aux_batch(1_000_000 + step, images)["imgs"], res)
        with torch.no_grad():
            target = F.conv2d(x, patch_weight, stride=patch_weight.shape[-1])
        loss = ((stem(x) - target) ** 2).mean() / target.var()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if (step + 1) % 50 == 0 or step == 0:
            log(f"stem warm-up {step + 1}/{steps}: relative error {float(loss):.3f}")


def to_pixels(imgs, res):
    import torch
    import torch.nn.functional as F
    x = torch.from_numpy(sd.normalize(imgs))
    if res != sd.INPUT_SIZE:
        x = F.interpolate(x, size=(res, res), mode="bilinear", align_corners=False, antialias=True)
    return x


class AuxHeads:
    """Training-only linear probes on the deepest vision tokens that predict,
    per patch, which shape kind and which colour covers it (soft targets: the
    share of the patch's pixels).  The prompt masks reach the vision tower only
    through the FiLM-conditioned decoder; this dense signal teaches every token
    what it belongs to directly, which is what shape-only prompts and hard
    negatives ("red star" beside a red square) need.  Not exported."""

    WEIGHTINGS = ("object", "uniform", "instance")
    MAX_INSTANCE_BOOST = 8.0  # a sliver of a shape counts at most 8x its area

    def __init__(self, hidden, weighting="object"):
        import torch
        assert weighting in self.WEIGHTINGS
        self.weighting = weighting
        g = torch.Generator().manual_seed(SEED + 5)
        self.shape = torch.nn.Linear(hidden, len(sd.SHAPES) + 1)
        self.color = torch.nn.Linear(hidden, len(sd.COLOR_NAMES) + 1)
        for lin in (self.shape, self.color):
            with torch.no_grad():
                lin.weight.normal_(0, 0.02, generator=g)
                lin.bias.zero_()

    def parameters(self):
        return list(self.shape.parameters()) + list(self.color.parameters())

    def state_dict(self):
        return {"shape": self.shape.state_dict(), "color": self.color.state_dict()}

    def load_state_dict(self, state):
        self.shape.load_state_dict(state["shape"])
        self.color.load_state_dict(state["color"])

    @staticmethod
    def _patch_shares(label_map, classes, side):
        """[n, side * side, classes]: the share of each patch's pixels per class."""
        import torch
        import torch.nn.functional as F
        # Every second pixel is plenty for patch shares and 4x cheaper.
        coarse = torch.from_numpy(np.ascontiguousarray(label_map[:, ::2, ::2])).long()
        onehot = F.one_hot(coarse, classes).permute(0, 3, 1, 2).float()
        return F.adaptive_avg_pool2d(onehot, side).flatten(2).transpose(1, 2)

    def _weights(self, batch, side):
        """Per-patch loss weights, the same for both heads (they depend on which shape covers a patch,
        not on its class), or None for a plain mean."""
        if self.weighting == "uniform":
            return None
        shares = self._patch_shares(batch["inst_map"], sd.MAX_SHAPES + 1, side)  # [n, t, 1 + shapes]
        background, objects = shares[..., 0], shares[..., 1:]
        # Most patches are background; weighting by object share keeps the
        # signal on the patches whose class is hard to know.
        if self.weighting == "object":
            return 0.1 + (1 - background)
        # "instance": the same total object weight, shared equally by the shapes of an image, so small
        # shapes (most prompts, and the hardest) are not drowned by the patches of big ones.
        area = objects.sum(1, keepdim=True)  # patches per shape
        present = (area > 0).float()
        mean_area = (area * present).sum(-1, keepdim=True) / present.sum(-1, keepdim=True).clamp(min=1)
        boost = (mean_area / area.clamp(min=1e-6)).clamp(max=self.MAX_INSTANCE_BOOST) * present
        return 0.1 * background + (objects * boost).sum(-1)

    def _soft_ce(self, logits, class_map, classes, weight):
        import torch.nn.functional as F
        side = int(round(math.sqrt(logits.shape[1])))
        target = self._patch_shares(class_map, classes, side)  # [n, t, classes]
        ce = -(target * F.log_softmax(logits, -1)).sum(-1)
        return ce.mean() if weight is None else (ce * weight).sum() / weight.sum()

    def loss(self, tokens, batch):
        """tokens: [images, 1 + grid, hidden] (CLS first)."""
        patches = tokens[:, 1:]
        weight = self._weights(batch, int(round(math.sqrt(patches.shape[1]))))
        return (self._soft_ce(self.shape(patches), batch["shape_map"], len(sd.SHAPES) + 1, weight)
                + self._soft_ce(self.color(patches), batch["color_map"], len(sd.COLOR_NAMES) + 1, weight))


def aux_only_loss(model, cfg, sampler, step, images, res, aux):
    """The auxiliary loss on extra images that only go through the vision tower
    (cheap next to the decoder): more shape/colour signal per step."""
    batch = sampler.aux_batch(step, images)
    states = model.clip.vision_model.hidden_states(to_pixels(batch["imgs"], res), None, max(cfg.extract_layers) + 1)
    return aux.loss(states[max(cfg.extract_layers) + 1], batch)


def forward(model, cfg, batch, res, aux=None):
    """Logits [images * k, res, res] in slot order, the alignment loss
    (visual-prompt embedding pulled onto the text embedding of its colour+shape)
    and the auxiliary dense loss (0 without `aux`)."""
    import torch
    x = to_pixels(batch["imgs"], res)
    te = model.clip.get_text_features(torch.from_numpy(batch["ids"]), torch.from_numpy(batch["mask"]))
    ve = model.clip.get_image_features(to_pixels(batch["crops"], res))
    names = model.clip.get_text_features(torch.from_numpy(batch["names"][0]), torch.from_numpy(batch["names"][1]))
    align = ((ve - names.detach()) ** 2).mean()
    cond = torch.cat([te, ve])[torch.from_numpy(batch["index"])]
    states = model.clip.vision_model.hidden_states(x, None, max(cfg.extract_layers) + 1)
    acts = [states[layer + 1].repeat_interleave(batch["k"], dim=0) for layer in cfg.extract_layers]
    aux_loss = aux.loss(states[max(cfg.extract_layers) + 1], batch) if aux is not None else align * 0
    return model.decoder(acts, cond), align, aux_loss


def loss_fn(logits, target):
    import torch
    import torch.nn.functional as F
    t = target.flatten(1)
    nonempty = t.sum(1) > 0
    # absent-object prompts (empty target) count double: they must give an empty mask
    weight = 1.0 + (~nonempty).float()
    bce = (F.binary_cross_entropy_with_logits(logits, target, reduction="none").flatten(1).mean(1) * weight).mean()
    prob = torch.sigmoid(logits).flatten(1)
    if nonempty.any():
        inter = (prob * t).sum(1)
        dice = 1 - (2 * inter + 1) / (prob.sum(1) + t.sum(1) + 1)
        dice = dice[nonempty].mean()
    else:
        dice = logits.sum() * 0
    return bce + 0.5 * dice, bce, dice


def target_at(targets, res):
    import torch
    import torch.nn.functional as F
    t = torch.from_numpy(np.ascontiguousarray(targets))
    if res != sd.INPUT_SIZE:
        t = F.interpolate(t[:, None], size=(res, res), mode="bilinear", align_corners=False, antialias=True)[:, 0]
    return t


class Schedule:
    """Phase 1 (low resolution): warmup + cosine.  Phase 2 (352): short re-warmup to
    a lower peak + cosine to ~0."""

    def __init__(self, args):
        self.a = args

    def phase(self, step):
        return 1 if step < self.a.steps1 else 2

    def lr(self, step):
        a = self.a
        if step < a.steps1:
            if step < a.warmup:
                return a.lr * (step + 1) / a.warmup
            p = (step - a.warmup) / max(1, a.steps1 - a.warmup)
            return a.lr * (0.15 + 0.85 * 0.5 * (1 + math.cos(math.pi * p)))
        s = step - a.steps1
        peak = a.lr * 0.3
        rewarm = min(30, max(1, a.steps2 // 6))  # a short phase 2 must still decay
        if s < rewarm:
            return peak * (s + 1) / rewarm
        p = (s - rewarm) / max(1, a.steps2 - rewarm)
        return peak * (0.03 + 0.97 * 0.5 * (1 + math.cos(math.pi * p)))


def kind_values(pred, target, kinds):
    """Per prompt kind, the IoU of each present target; under "absent", for
    each empty target whether the mask stayed under shapes_data.ABSENT_AREA."""
    out = {}
    for p, g, kind in zip(pred, target, kinds):
        if g.any():
            out.setdefault(kind, []).append(sd.iou(p, g))
        else:
            out.setdefault("absent", []).append(p.mean() < sd.ABSENT_AREA)
    return out


def quick_val(model, cfg, sampler, res, steps=6, images=8):
    """Mean IoU per prompt kind on present targets, and the share of empty
    targets answered with a mask under 0.5 % (a small, fixed validation set)."""
    import torch
    model.eval()
    by_kind = {}
    with torch.no_grad():
        for k in range(steps):
            batch = sampler.batch(10_000_000 + k, images)
            logits, _, _ = forward(model, cfg, batch, res)
            tg = target_at(batch["targets"], res).numpy() > 0.5
            for kind, values in kind_values(logits.numpy() > 0, tg, batch["kinds"]).items():
                by_kind.setdefault(kind, []).extend(values)
    model.train()
    absent_ok = by_kind.pop("absent", [])
    text = [v for k, vs in by_kind.items() if k != "visual" for v in vs]
    parts = " ".join(f"{k} {np.mean(by_kind[k]):.3f}" for k in ("color_shape", "shape", "color", "visual") if k in by_kind)
    return float(np.mean(text)), parts, float(np.mean(absent_ok)) if absent_ok else 1.0


def train(args, work, cache, val_cache, tok):
    import torch
    from clipseg_model import ClipSegForImageSegmentation
    torch.set_num_threads(args.threads)
    cfg = demo_config(args.vision_hidden, args.vision_heads, args.vision_layers, args.stem)
    cfg.text.vocab_size = tok.vocab_size()
    model = ClipSegForImageSegmentation(cfg)
    (work / "config.json").write_text(json.dumps(cfg.to_hf_dict(), indent=1))
    init_weights(model, SEED, args.pos_init)
    patch_weight = warm_start(model, Path(args.init_from)) if args.init_from else None
    aux = AuxHeads(cfg.vision.hidden_size, args.aux_weighting) if args.aux > 0 else None
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "embedding" not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "embedding" not in n)]
    if aux is not None:
        no_decay += aux.parameters()
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.02}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98))
    sched = Schedule(args)
    sampler = Sampler(cache, tok, args.k_text, args.k_vis, args.crops, augment=args.augment)
    val_sampler = Sampler(val_cache, tok, args.k_text, args.k_vis, args.crops)
    total = args.steps1 + args.steps2
    ckpt = work / "checkpoint.pt"
    step = 0
    elapsed_before = 0.0
    if ckpt.is_file():
        state = torch.load(ckpt)
        model.load_state_dict(state["model"])
        if aux is not None:
            aux.load_state_dict(state["aux"])
        opt.load_state_dict(state["opt"])
        step = state["step"]
        elapsed_before = state.get("elapsed", 0.0)
        log(f"train: resumed from {ckpt} at step {step}")
    elif patch_weight is not None and args.stem == "conv" and args.stem_warmup:
        stem_warmup(model, patch_weight, sampler, args.stem_warmup, args.res1)
    params = sum(p.numel() for p in model.parameters())
    log(f"train: {params / 1e6:.2f} M parameters, steps {args.steps1} @ {args.res1} px + {args.steps2} @ 352 px, "
        f"{args.images} images x ({args.k_text} text + {args.k_vis} visual prompts), {args.crops} crops")
    model.train()
    t_start = time.time()
    t_win, n_win, loss_win, aux_win = time.time(), 0, [], []

    def save(step):
        tmp = work / "checkpoint.pt.tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step,
                    "aux": aux.state_dict() if aux is not None else None,
                    "elapsed": elapsed_before + time.time() - t_start}, tmp)
        os.replace(tmp, ckpt)

    while step < (args.stop_at or total):
        phase = sched.phase(step)
        res = args.res1 if phase == 1 else sd.INPUT_SIZE
        micro = args.micro1 if phase == 1 else args.micro2
        lr = sched.lr(step)
        for g in opt.param_groups:
            g["lr"] = lr
        opt.zero_grad(set_to_none=True)
        tot = aux_tot = 0.0
        for m in range(micro):
            batch = sampler.batch(step * 16 + m, args.images // micro)
            logits, align, aux_loss = forward(model, cfg, batch, res, aux)
            loss, bce, dice = loss_fn(logits, target_at(batch["targets"], res))
            loss = (loss + args.align * align + args.aux * aux_loss) / micro
            loss.backward()
            tot += float(loss)
            aux_tot += float(aux_loss) / micro
        if aux is not None and args.aux_images and phase == 1:
            extra = args.aux * aux_only_loss(model, cfg, sampler, step, args.aux_images, res, aux)
            extra.backward()
        torch.nn.utils.clip_grad_norm_(list(model.parameters()) + (aux.parameters() if aux else []), 1.0)
        opt.step()
        step += 1
        n_win += 1
        loss_win.append(tot)
        aux_win.append(aux_tot)
        if step % args.log_every == 0 or step == total:
            dt = (time.time() - t_win) / n_win
            log(f"step {step}/{total} phase {phase} res {res} lr {lr:.2e} loss {np.mean(loss_win):.4f} "
                f"aux {np.mean(aux_win):.3f} "
                f"{dt:.2f} s/step elapsed {(elapsed_before + time.time() - t_start) / 60:.1f} min")
            if phase == 1:
                args.sec1 = dt
            else:
                args.sec2 = dt
            t_win, n_win, loss_win, aux_win = time.time(), 0, [], []
        if step % args.val_every == 0 or step == total or step == args.steps1:
            miou, parts, absent = quick_val(model, cfg, val_sampler, res)
            log(f"val step {step}: mIoU text {miou:.3f} ({parts}), absent ok {absent:.2f}")
        if step % args.ckpt_every == 0 or step == total or step == args.steps1:
            save(step)
    log(f"train: done, {(elapsed_before + time.time() - t_start) / 60:.1f} min of training")
    model.eval()
    return model, cfg


# Calibration: the engine thresholds sigmoid(logit) at 0.5 by default.  One
# scalar logit offset, chosen on the validation scenes (never the held-out
# evaluation ones), balances mask recall against empty answers for absent
# things; it is folded into the bias of the decoder's last layer.
def calibrate(model, cfg, val_cache, tok, work, batches=25, images=8):
    import torch
    sampler = Sampler(val_cache, tok)
    sampler.HARD_NEGATIVE = 0.0  # absent prompts drawn as the evaluation draws them
    logits_all, targets_all, kinds_all = [], [], []
    with torch.no_grad():
        for k in range(batches):
            batch = sampler.batch(20_000_000 + k, images)
            logits, _, _ = forward(model, cfg, batch, sd.INPUT_SIZE)
            logits_all.append(logits.numpy())
            targets_all.append(batch["targets"] > 0.5)
            kinds_all += batch["kinds"]
    logits_all, targets_all = np.concatenate(logits_all), np.concatenate(targets_all)

    def metrics(offset):
        values = kind_values(logits_all > offset, targets_all, kinds_all)
        return {kind: float(np.mean(values[kind])) if values.get(kind) else 0.0 for kind in sd.QUALITY_TARGETS}

    rows = []
    for offset in np.arange(-1.0, 3.01, 0.25):
        m = metrics(offset)
        # Mean share of each target reached (capped at 1): no figure is bought by another beyond its target.
        score = float(np.mean([min(1.0, m[k] / t) for k, t in sd.QUALITY_TARGETS.items()]))
        rows.append((score, float(offset), m))
        log("calibrate: offset {:+.2f}: {} (score {:.3f})".format(
            offset, " ".join(f"{k} {v:.3f}" for k, v in m.items()), score))
    score, offset, m = max(rows, key=lambda r: (r[0], -abs(r[1])))
    (work / "calibration.json").write_text(json.dumps({"logit_offset": offset, "metrics": m}, indent=1))
    log(f"calibrate: logit offset {offset:+.2f} chosen on {len(kinds_all)} validation masks")
    return offset


def apply_calibration(model, work):
    """Folds the calibration offset into the decoder's last bias (threshold 0.5 <=> logit offset)."""
    import torch
    path = work / "calibration.json"
    if not path.is_file():
        return
    offset = json.loads(path.read_text())["logit_offset"]
    last = model.decoder.transposed_convolution
    last = last[-1] if isinstance(last, torch.nn.Sequential) else last
    with torch.no_grad():
        last.bias -= offset
    log(f"export: logit offset {offset:+.2f} folded into the decoder's last bias")


def load_trained(work, tok):
    import torch
    from clipseg_model import ClipSegConfig, ClipSegForImageSegmentation
    cfg = ClipSegConfig.from_hf_dict(json.loads((work / "config.json").read_text()))
    cfg.text_pooling = "last"
    model = ClipSegForImageSegmentation(cfg)
    model.load_state_dict(torch.load(work / "checkpoint.pt")["model"])
    return model.eval(), cfg


# --------------------------------------------------------------------------
# export and samples
# --------------------------------------------------------------------------

def export(model, cfg, out, spm_model):
    import torch
    from bundle_writer import write_bundle
    from clipseg_bundle import script_bundle
    with torch.no_grad():
        scripted = script_bundle(model, sd.INPUT_SIZE)
    path = write_bundle(out, model=scripted, config=cfg, name=MODEL_NAME, source=MODEL_SOURCE,
                        tokenizer=tokenizer_block(), tokenizer_files={"tokenizer.model": spm_model})
    total = sum(f.stat().st_size for f in Path(path).iterdir())
    log(f"export: {path} ({total / 1e6:.2f} MB)")


def write_samples(out, count=20):
    """Sample images (PNG/JPEG, varied sizes) + exact ground truth from unseen seeds."""
    import shutil
    from PIL import Image
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "ground_truth").mkdir(parents=True)
    index = {"generator": "packaging/models/shapes_data.py render_scene", "seeds_from": sd.SAMPLE_SEEDS,
             "mask_format": "PNG, 0/255, image size; one per (color, shape) present: all visible pixels of "
                            "the shapes of that colour and kind", "images": []}
    for k in range(count):
        seed = sd.SAMPLE_SEEDS + k
        sc = sd.render_scene(seed)
        ext = "jpg" if k % 3 == 2 else "png"
        name = f"shapes_{k:02d}"
        img = Image.fromarray(sc["image"])
        if ext == "jpg":
            img.save(out / f"{name}.jpg", quality=92)
        else:
            img.save(out / f"{name}.png", optimize=True)
        gdir = out / "ground_truth" / name
        gdir.mkdir()
        entries, masks = [], {}
        for i, s in enumerate(sc["shapes"]):
            key = f"{s['color']}_{s['shape']}"
            masks[key] = masks.get(key, np.zeros(sc["labels"].shape, bool)) | (sc["labels"] == i + 1)
            entries.append({"color": s["color"], "shape": s["shape"], "box": s["box"], "area": s["area"],
                            "mask": f"ground_truth/{name}/{key}.png"})
        for key, m in masks.items():
            Image.fromarray((m * 255).astype(np.uint8)).save(gdir / f"{key}.png", optimize=True)
        index["images"].append({"file": f"{name}.{ext}", "seed": seed, "width": int(sc["image"].shape[1]),
                                "height": int(sc["image"].shape[0]), "background": sc["background"],
                                "shapes": entries})
    (out / "ground_truth" / "index.json").write_text(json.dumps(index, indent=1) + "\n")
    log(f"samples: {count} images in {out}")


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(HERE.parent.parent / "resources/models/demo-shapes"))
    ap.add_argument("--samples", default=str(HERE.parent.parent / "resources/samples"))
    ap.add_argument("--work", default="/tmp/demo-work")
    ap.add_argument("--stages", default="data,spm,train,calibrate,export,samples")
    ap.add_argument("--stop-at", type=int, default=0, help="stop training after this step (pilot runs)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--scenes", type=int, default=5000)
    ap.add_argument("--crop-every", type=int, default=2)
    ap.add_argument("--images", type=int, default=8, help="images per step")
    ap.add_argument("--k-text", type=int, default=3, help="text prompts per image")
    ap.add_argument("--k-vis", type=int, default=1, help="visual prompts per image")
    ap.add_argument("--crops", type=int, default=4, help="visual-prompt crops per step")
    ap.add_argument("--res1", type=int, default=224)
    ap.add_argument("--steps1", type=int, default=4000)
    ap.add_argument("--steps2", type=int, default=1000)
    ap.add_argument("--micro1", type=int, default=1)
    ap.add_argument("--micro2", type=int, default=1)
    ap.add_argument("--vision-hidden", type=int, default=64)
    ap.add_argument("--vision-heads", type=int, default=2)
    ap.add_argument("--vision-layers", type=int, default=4)
    ap.add_argument("--init-from", default="",
                    help="warm start from this demo bundle's weights and tokenizer (all tensors whose shape matches)")
    ap.add_argument("--stem-warmup", type=int, default=200,
                    help="with --init-from and --stem conv: steps that fit the new stem to the old patch projection")
    ap.add_argument("--augment", type=int, default=1, help="photometric augmentation of training images (1/0)")
    ap.add_argument("--stem", choices=["conv", "patch"], default="conv",
                    help="vision tower input: 3x3 stride-2 convolutions (conv) or the CLIP 16x16 patch projection")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--aux", type=float, default=0.5, help="weight of the dense shape/colour auxiliary loss")
    ap.add_argument("--pos-init", choices=["sincos", "normal"], default="sincos",
                    help="start of the vision position table: 2-D sine/cosine code or small noise")
    ap.add_argument("--aux-weighting", choices=AuxHeads.WEIGHTINGS, default="object",
                    help="auxiliary loss per patch: weighted by object share, by object share with every shape "
                         "of an image weighing the same (instance), or uniform")
    ap.add_argument("--aux-images", type=int, default=8,
                    help="extra images per phase-1 step that train the vision tower on the auxiliary loss only")
    ap.add_argument("--align", type=float, default=0.5, help="weight of the visual/text embedding alignment loss")
    ap.add_argument("--warmup", type=int, default=150)
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--val-every", type=int, default=250)
    ap.add_argument("--ckpt-every", type=int, default=100)
    args = ap.parse_args()
    args.sec1, args.sec2 = 0.6, 1.4  # ETA guesses until measured
    stages = set(args.stages.split(","))
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    log(f"train_demo: stages {sorted(stages)}, work {work}")

    if args.init_from and not (work / "tokenizer.model").is_file():
        import shutil
        shutil.copyfile(Path(args.init_from) / "tokenizer.model", work / "tokenizer.model")
        log(f"spm: tokenizer taken from {args.init_from} (the warm start's token ids)")
    spm_model = train_spm(work)
    tok = Tokenizer(spm_model)
    if "data" in stages or "train" in stages:
        cache = build_cache(work, args.scenes, sd.TRAIN_SEEDS, args.crop_every, "train", args.threads)
        val_cache = build_cache(work, 200, sd.VAL_SEEDS, 1, "val", args.threads)
    model = cfg = None
    if "train" in stages:
        model, cfg = train(args, work, cache, val_cache, tok)
    if "calibrate" in stages:
        if model is None:
            model, cfg = load_trained(work, tok)
        calibrate(model, cfg, load_cache(work, "val"), tok, work)
    if "export" in stages:
        if model is None:
            model, cfg = load_trained(work, tok)
        apply_calibration(model, work)
        export(model, cfg, args.out, spm_model)
    if "samples" in stages:
        write_samples(args.samples)
    import resource
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    log(f"train_demo: finished in {(time.time() - t0) / 60:.1f} min wall, {cpu / 60:.1f} min CPU")


if __name__ == "__main__":
    main()
