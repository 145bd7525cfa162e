#!/usr/bin/python3
"""Tests of the CLIPSeg exporter (packaging/models) against the golden data.

  /usr/bin/python3 tests/packaging/test_export.py --shared /work/shared [unittest options]

The shared directory may also come from PROMPTMASK_SHARED_DIR.  The golden
parity tests need <shared>/golden; the other tests build synthetic Hugging
Face directories and always run.  Without golden data the parity tests are
skipped with a message; the exit status is then 77 (CTest's
SKIP_RETURN_CODE) when a shared directory was configured but is absent, and
0 when none was configured.  Any failure exits 1.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import torch

REPO = Path(__file__).resolve().parents[2]
MODELS_DIR = REPO / "packaging" / "models"
EXPORTER = MODELS_DIR / "export_clipseg.py"
sys.path.insert(0, str(MODELS_DIR))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import export_clipseg  # noqa: E402
from bundle_writer import BundleError, file_digest, write_bundle  # noqa: E402
from clipseg_bundle import script_bundle  # noqa: E402
from clipseg_model import (ClipSegConfig, ClipSegForImageSegmentation, TextConfig, VisionConfig,  # noqa: E402
                           preset_config, random_init)
from export_fixtures import make_hf_dir, read_case_tensor, write_safetensors  # noqa: E402

TOLERANCE = 1e-4
GOLDEN: Optional[Path] = None  # set by main()
PARITY: Dict[str, float] = {}  # quantity -> max |difference| over every case, for the summary


def run_export(args: List[str]) -> Tuple[int, str]:
    """Runs the exporter in-process; returns (exit status, stderr)."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = export_clipseg.main(args)
        except SystemExit as exit_:
            status = exit_.code
    return status, err.getvalue()


def small_config(**changes) -> ClipSegConfig:
    """A tiny model with fewer layers, for the tests that do not need golden data."""
    config = preset_config("tiny")
    config.vision.num_hidden_layers = 4
    config.text.num_hidden_layers = 2
    config.extract_layers = [1, 2, 3]
    for key, value in changes.items():
        setattr(config, key, value)
    return config


def random_inputs(bos: int = 49406, eos: int = 49407):
    generator = torch.Generator().manual_seed(1)
    pixels = torch.randn(1, 3, 352, 352, generator=generator)
    ids = torch.tensor([[bos, 320, 64, eos, eos], [bos, 64, eos, eos, eos], [bos, eos, eos, eos, eos]])
    mask = torch.tensor([[1, 1, 1, 1, 0], [1, 1, 1, 0, 0], [1, 1, 0, 0, 0]])
    return pixels, ids, mask


def run_bundle(module, pixels: torch.Tensor, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return module.decode(module.encode_image(pixels), module.encode_text(ids, mask))


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="pm-export-test-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)


# --------------------------------------------------------------------------
# Golden parity
# --------------------------------------------------------------------------


def golden_checkpoints() -> List[Tuple[str, Path, List[Path]]]:
    """(name, hf dir, case dirs) for every golden/cases/<name> that is not an
    input folder; discovered, not hard-coded."""
    found = []
    for cases in sorted((GOLDEN / "cases").iterdir()):
        if cases.name.startswith("_") or not cases.is_dir():
            continue
        case_dirs = sorted(p.parent for p in cases.glob("*/index.json"))
        found.append((cases.name, GOLDEN / "hf" / cases.name, case_dirs))
    return found


def record(quantity: str, difference: float) -> None:
    PARITY[quantity] = max(PARITY.get(quantity, 0.0), difference)


class GoldenParityTest(TempDirTest):
    def setUp(self):
        if GOLDEN is None:
            self.skipTest("golden data not available (pass --shared DIR or set PROMPTMASK_SHARED_DIR)")
        super().setUp()

    def test_golden_cases(self):
        checkpoints = golden_checkpoints()
        self.assertTrue(checkpoints, f"no case folders under {GOLDEN / 'cases'}")
        for name, hf_dir, case_dirs in checkpoints:
            with self.subTest(checkpoint=name):
                self.assertTrue(hf_dir.is_dir(), f"{hf_dir} missing for the cases of {name}")
                self.assertTrue(case_dirs, f"no cases for {name}")
                modules = {}
                for weights, file in (("safetensors", "model.safetensors"), ("bin", "pytorch_model.bin")):
                    if not (hf_dir / file).is_file():
                        continue
                    bundle = self.tmp / f"{name}-{weights}"
                    status, err = run_export(["--hf-dir", str(hf_dir), "--weights", weights, "--out", str(bundle)])
                    self.assertEqual(status, 0, err)
                    manifest = json.loads((bundle / "manifest.json").read_text())
                    self.check_manifest(bundle, manifest)
                    modules[weights] = torch.jit.load(str(bundle / "model.pt"))
                self.assertTrue(modules, f"{hf_dir} has no weights")
                # Both exports share one code path, so bit-identical weights
                # mean bit-identical outputs: the cases run once.
                module = next(iter(modules.values()))
                for other in modules.values():
                    for (key, a), (_, b) in zip(module.state_dict().items(), other.state_dict().items()):
                        self.assertTrue(torch.equal(a, b), f"{name}: {key} differs between the weight formats")
                encodings = {}
                for case_dir in case_dirs:
                    with self.subTest(checkpoint=name, case=case_dir.name):
                        self.check_case(module, manifest, case_dir, encodings)

    def check_manifest(self, bundle: Path, manifest: dict) -> None:
        self.assertEqual(manifest["format"], "promptmask-bundle")
        self.assertEqual(manifest["format_version"], 1)
        self.assertEqual(manifest["quantization"], "none")
        self.assertEqual(manifest["tokenizer"]["type"], "clip-bpe")
        self.assertEqual((manifest["tokenizer"]["bos_id"], manifest["tokenizer"]["eos_id"],
                          manifest["tokenizer"]["pad_id"]), (49406, 49407, 49407))
        self.assertEqual(set(manifest["files"]), {"model.pt", "vocab.json", "merges.txt"})
        for file, digest in manifest["files"].items():
            self.assertEqual(file_digest(bundle / file), digest, file)

    def check_case(self, module, manifest: dict, case_dir: Path, encodings: dict) -> None:
        index = json.loads((case_dir / "index.json").read_text())
        tensors = index["tensors"]
        load = lambda name: read_case_tensor(case_dir, index, name)  # noqa: E731
        # Cases share input images; encode each one once.
        image = (case_dir / tensors["pixel_values"]["file"]).resolve()
        with torch.no_grad():
            if image not in encodings:
                pixels = load("pixel_values")
                encodings[image] = (module.encode_image(pixels), module.embed_image(pixels))
            activations, pooled = encodings[image]
            if "input_ids" in tensors:
                conditional = module.encode_text(load("input_ids"), load("attention_mask"))
            else:
                conditional = module.embed_image(load("conditional_pixel_values"))
            logits = module.decode(activations, conditional)

        extract_layers = manifest["architecture"]["extract_layers"]
        compared = {}
        if "vision_position_embedding_interpolated" in tensors:  # precomputed at export
            compared["vision_position_embedding_interpolated"] = (module.vision_position_embedding,
                                                                  load("vision_position_embedding_interpolated"))
        compared.update({"conditional_embeddings": (conditional, load("conditional_embeddings")),
                    "pooled_output": (pooled.expand_as(load("pooled_output")), load("pooled_output")),
                    "logits": (logits, load("logits"))})
        for name in tensors:
            match = re.fullmatch(r"vision_hidden_after_layer(\d+)", name)
            if match:
                layer = int(match.group(1))
                self.assertIn(layer, extract_layers, f"{name} is not an extract layer")
                compared[name] = (activations[extract_layers.index(layer)], load(name))
        for name, (got, expected) in compared.items():
            self.assertEqual(tuple(got.shape), tuple(expected.shape), name)
            difference = (got - expected).abs().max().item()
            record(re.sub(r"\d+$", "N", name) if name.startswith("vision_hidden") else name, difference)
            self.assertLessEqual(difference, TOLERANCE, f"{case_dir.name}: {name}")


# --------------------------------------------------------------------------
# Model and bundle behaviour (no golden data needed)
# --------------------------------------------------------------------------


class BundleBehaviourTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.config = small_config()
        cls.model = ClipSegForImageSegmentation(cls.config)
        random_init(cls.model, 7)
        cls.model.eval()
        cls.module = script_bundle(cls.model)

    def test_text_padding_and_length(self):
        pixels, ids, mask = random_inputs()
        with torch.no_grad():
            batch = self.module.encode_text(ids, mask)
            for row in range(ids.size(0)):
                length = int(mask[row].sum())
                alone = self.module.encode_text(ids[row:row + 1, :length], mask[row:row + 1, :length])
                self.assertLess((alone[0] - batch[row]).abs().max().item(), 1e-5)
                full = torch.full((1, 77), 49407)
                full[0, :length] = ids[row, :length]
                padded = self.module.encode_text(full, (torch.arange(77) < length).long().unsqueeze(0))
                self.assertLess((padded[0] - batch[row]).abs().max().item(), 1e-5)
            with self.assertRaises(Exception):  # torch.jit.Error, a RuntimeError only in newer torch
                self.module.encode_text(torch.full((1, 78), 49407), torch.ones(1, 78, dtype=torch.long))

    def test_decode_broadcasts_one_image(self):
        pixels, ids, mask = random_inputs()
        with torch.no_grad():
            activations = self.module.encode_image(pixels)
            conditional = self.module.encode_text(ids, mask)
            logits = self.module.decode(activations, conditional)
            repeated = self.module.decode([a.expand(3, -1, -1).contiguous() for a in activations], conditional)
            single = self.module.decode(activations, conditional[:1])
            eager = self.model(pixels.expand(3, -1, -1, -1), ids, mask)
        self.assertEqual(tuple(logits.shape), (3, 352, 352))
        self.assertEqual(tuple(single.shape), (1, 352, 352))
        self.assertLess((logits - repeated).abs().max().item(), 1e-5)
        self.assertLess((logits - eager).abs().max().item(), 1e-5)
        self.assertGreater((logits[0] - logits[2]).abs().max().item(), 1e-3, "prompts do not matter")

    def test_encode_image_order_and_embed(self):
        config = small_config(extract_layers=[2, 0])
        model = ClipSegForImageSegmentation(config)
        random_init(model, 3)
        model.eval()
        module = script_bundle(model)
        pixels, _, _ = random_inputs()
        with torch.no_grad():
            states = model.clip.vision_model.hidden_states(pixels)
            activations = module.encode_image(pixels)
            visual = module.embed_image(pixels)
            expected_visual = model.clip.visual_projection(model.clip.vision_model.pool(states[-1]))
        self.assertEqual(len(activations), 2)
        self.assertLess((activations[0] - states[3]).abs().max().item(), 1e-5)
        self.assertLess((activations[1] - states[1]).abs().max().item(), 1e-5)
        self.assertLess((visual - expected_visual).abs().max().item(), 1e-5)

    def test_encode_image_stops_after_last_extract_layer(self):
        model = copy.deepcopy(self.model)
        # Layer 3 is the last extract layer; poison everything after it.
        extra = ClipSegForImageSegmentation(small_config()).clip.vision_model.encoder.layers[0]
        model.clip.vision_model.encoder.layers.append(extra)
        model.clip.vision_model.num_layers += 1
        with torch.no_grad():
            for param in extra.parameters():
                param.fill_(float("nan"))
        module = script_bundle(model)
        pixels, _, _ = random_inputs()
        with torch.no_grad():
            activations = module.encode_image(pixels)
            self.assertTrue(all(torch.isfinite(a).all() for a in activations))
            self.assertTrue(torch.isnan(module.embed_image(pixels)).all(), "embed_image must run every layer")

    def test_last_pooling_any_vocab(self):
        config = small_config(text_pooling="last")
        config.text.vocab_size = 1000
        config.text.max_position_embeddings = 16
        model = ClipSegForImageSegmentation(config)
        random_init(model, 5)
        model.eval()
        ids = torch.tensor([[1, 999, 5, 2, 0], [1, 7, 2, 0, 0]])
        mask = (ids != 0).long()
        with torch.no_grad():
            hidden, pooled = model.clip.text_model(ids, mask)
            scripted = script_bundle(model).encode_text(ids, mask)
        self.assertTrue(torch.equal(pooled[0], hidden[0, 3]))
        self.assertTrue(torch.equal(pooled[1], hidden[1, 2]))
        self.assertLess((scripted - model.clip.text_projection(pooled)).abs().max().item(), 1e-6)


class ConfigDefaultsTest(TempDirTest):
    def test_hub_style_config_gets_hf_defaults(self):
        hub = {"model_type": "clipseg", "architectures": ["CLIPSegForImageSegmentation"],
               "extract_layers": [3, 6, 9], "use_complex_transposed_convolution": True,
               "text_config": {"bos_token_id": 0, "eos_token_id": 2, "pad_token_id": 1},
               "vision_config": {"patch_size": 16}}
        self.assertEqual(ClipSegConfig.from_hf_dict(hub), preset_config("rd64-refined"))
        # Older transformers also wrote *_config_dict, which then wins.
        legacy = dict(hub, vision_config={"patch_size": 32}, vision_config_dict={"patch_size": 16})
        self.assertEqual(ClipSegConfig.from_hf_dict(legacy), preset_config("rd64-refined"))
        bare = ClipSegConfig.from_hf_dict({"model_type": "clipseg"})
        self.assertEqual((bare.text.hidden_size, bare.text.num_hidden_layers, bare.text.num_attention_heads,
                          bare.text.intermediate_size, bare.text.max_position_embeddings, bare.text.vocab_size,
                          bare.text.hidden_act), (512, 12, 8, 2048, 77, 49408, "quick_gelu"))
        self.assertEqual((bare.vision.hidden_size, bare.vision.num_hidden_layers, bare.vision.num_attention_heads,
                          bare.vision.intermediate_size, bare.vision.image_size, bare.vision.patch_size),
                         (768, 12, 12, 3072, 224, 32))
        self.assertEqual((bare.projection_dim, bare.reduce_dim, bare.decoder_num_attention_heads,
                          bare.decoder_intermediate_size, bare.extract_layers, bare.conditional_layer,
                          bare.use_complex_transposed_convolution, bare.text.layer_norm_eps,
                          bare.vision.layer_norm_eps), (512, 64, 4, 2048, [3, 6, 9], 0, False, 1e-5, 1e-5))

    def test_export_with_omitted_fields(self):
        # Everything omitted below takes the HF default, which the weights follow.
        full = ClipSegConfig(
            text=TextConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2),
            vision=VisionConfig(hidden_size=48, intermediate_size=96, num_hidden_layers=10, num_attention_heads=2,
                                patch_size=16),
            projection_dim=16, reduce_dim=16, decoder_num_attention_heads=2, decoder_intermediate_size=32)
        sparse = {"model_type": "clipseg", "projection_dim": 16, "reduce_dim": 16,
                  "decoder_num_attention_heads": 2, "decoder_intermediate_size": 32,
                  "text_config": {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                                  "num_attention_heads": 2},
                  "vision_config": {"hidden_size": 48, "intermediate_size": 96, "num_hidden_layers": 10,
                                    "num_attention_heads": 2, "patch_size": 16}}
        hf_dir = self.tmp / "sparse"
        make_hf_dir(hf_dir, full, seed=11, config_json=sparse)
        status, err = run_export(["--hf-dir", str(hf_dir), "--out", str(self.tmp / "bundle")])
        self.assertEqual(status, 0, err)
        manifest = json.loads((self.tmp / "bundle" / "manifest.json").read_text())
        self.assertEqual(manifest["architecture"]["extract_layers"], [3, 6, 9])
        self.assertFalse(manifest["architecture"]["complex_upsampling"])
        self.assertEqual(manifest["architecture"]["vocab_size"], 49408)
        self.assertEqual(manifest["tokenizer"]["context_length"], 77)
        model = ClipSegForImageSegmentation(full)
        random_init(model, 11)
        model.eval()
        pixels, ids, mask = random_inputs()
        with torch.no_grad():
            expected = model(pixels, ids, mask)
        got = run_bundle(torch.jit.load(str(self.tmp / "bundle" / "model.pt")), pixels, ids, mask)
        self.assertLess((got - expected).abs().max().item(), 1e-5)


class ExportTest(TempDirTest):
    def test_position_ids_ignored(self):
        config = small_config()
        state = make_hf_dir(self.tmp / "plain", config, seed=2)
        with_ids = dict(state)
        with_ids["clip.text_model.embeddings.position_ids"] = torch.arange(77).unsqueeze(0)
        with_ids["clip.vision_model.embeddings.position_ids"] = torch.arange(197).unsqueeze(0)
        make_hf_dir(self.tmp / "ids", config, state_dict=with_ids, binary=True)
        outputs = []
        for source, weights in (("plain", "safetensors"), ("ids", "safetensors"), ("ids", "bin")):
            bundle = self.tmp / f"out-{source}-{weights}"
            status, err = run_export(["--hf-dir", str(self.tmp / source), "--weights", weights, "--out", str(bundle)])
            self.assertEqual(status, 0, err)
            outputs.append(run_bundle(torch.jit.load(str(bundle / "model.pt")), *random_inputs()))
        self.assertTrue(torch.equal(outputs[0], outputs[1]))
        self.assertTrue(torch.equal(outputs[0], outputs[2]))

    def test_int8_quantization(self):
        config = small_config()
        make_hf_dir(self.tmp / "hf", config, seed=4)
        for args, bundle in (([], "float"), (["--quantize", "int8"], "int8")):
            status, err = run_export(["--hf-dir", str(self.tmp / "hf"), "--out", str(self.tmp / bundle), *args])
            self.assertEqual(status, 0, err)
        manifest = json.loads((self.tmp / "int8" / "manifest.json").read_text())
        self.assertEqual(manifest["quantization"], "int8-dynamic")
        self.assertEqual(manifest["dtype"], "float32")
        sizes = [(self.tmp / name / "model.pt").stat().st_size for name in ("int8", "float")]
        self.assertLess(sizes[0], sizes[1])
        # The app runs quantized bundles with the oneDNN engine.
        if "onednn" in torch.backends.quantized.supported_engines:
            torch.backends.quantized.engine = "onednn"
        quantized = run_bundle(torch.jit.load(str(self.tmp / "int8" / "model.pt")), *random_inputs())
        reference = run_bundle(torch.jit.load(str(self.tmp / "float" / "model.pt")), *random_inputs())
        # int8 weights are a coarse approximation: expect small logit
        # changes and almost the same mask, not float parity.
        relative = ((quantized - reference).abs().max() / reference.abs().max()).item()
        agreement = ((quantized > 0) == (reference > 0)).float().mean().item()
        record("int8 logits: max-abs / max|logit|", relative)
        record("int8 mask disagreement", 1 - agreement)
        self.assertLess(relative, 0.2)
        self.assertGreater(agreement, 0.97)

    def test_random_init_and_replace(self):
        make_hf_dir(self.tmp / "tok", small_config())
        bundle = self.tmp / "nested" / "bundle"
        args = ["--random-init", "tiny", "--seed", "5", "--tokenizer-dir", str(self.tmp / "tok"), "--out", str(bundle)]
        status, err = run_export(args + ["--name", "first"])
        self.assertEqual(status, 0, err)
        first = run_bundle(torch.jit.load(str(bundle / "model.pt")), *random_inputs())
        status, err = run_export(args + ["--name", "second"])  # replaces the bundle
        self.assertEqual(status, 0, err)
        manifest = json.loads((bundle / "manifest.json").read_text())
        self.assertEqual(manifest["model"], {"family": "clipseg", "name": "second",
                                             "source": "random-init:tiny:seed=5"})
        self.assertEqual(sorted(os.listdir(bundle.parent)), ["bundle"], "temporary directories left behind")
        second = run_bundle(torch.jit.load(str(bundle / "model.pt")), *random_inputs())
        self.assertTrue(torch.equal(first, second), "the seed does not determine the weights")
        self.assertTrue(torch.isfinite(first).all())

    def test_write_bundle_sentencepiece(self):
        model = ClipSegForImageSegmentation(small_config(text_pooling="last"))
        random_init(model, 1)
        (self.tmp / "tokenizer.model").write_bytes(b"\x00sentencepiece")
        tokenizer = {"type": "sentencepiece", "files": {"model": "tokenizer.model"}, "context_length": 77,
                     "bos_id": 1, "eos_id": 2, "pad_id": 0, "pooling": "last"}
        common = dict(model=script_bundle(model), config=model.config, name="demo: synthetic shapes",
                      source="demo-training", tokenizer=tokenizer)
        with self.assertRaises(BundleError):
            write_bundle(self.tmp / "bad", tokenizer_files={"vocab.json": self.tmp / "tokenizer.model"}, **common)
        self.assertFalse((self.tmp / "bad").exists())
        out = write_bundle(self.tmp / "b", tokenizer_files={"tokenizer.model": self.tmp / "tokenizer.model"}, **common)
        manifest = json.loads((out / "manifest.json").read_text())
        self.assertEqual(manifest["tokenizer"], tokenizer)
        self.assertEqual(sorted(manifest["files"]), ["model.pt", "tokenizer.model"])
        self.assertEqual(manifest["files"]["tokenizer.model"], file_digest(out / "tokenizer.model"))


class ConvStemTest(TempDirTest):
    """The demo model's convolutional stem (VisionConfig.stem "conv"): same grid and tokens as the patch
    projection, recorded in config and manifest, absent from everything a CLIP (patch) model writes."""

    def test_patch_models_write_no_stem(self):
        config = small_config()
        self.assertNotIn("stem", config.to_hf_dict()["vision_config"])
        from bundle_writer import architecture_block
        self.assertNotIn("vision_stem", architecture_block(config))

    def test_conv_stem_round_trip_and_bundle(self):
        config = small_config(text_pooling="last")
        config.vision.stem = "conv"
        config.validate()
        back = ClipSegConfig.from_hf_dict(json.loads(json.dumps(config.to_hf_dict())))
        self.assertEqual(back.vision.stem, "conv")
        model = ClipSegForImageSegmentation(config)
        random_init(model, 3)
        self.assertFalse(any(isinstance(m, torch.nn.Conv2d) and m.kernel_size == (16, 16) for m in model.modules()),
                         "a conv-stem model still has the 16x16 patch projection")
        (self.tmp / "tokenizer.model").write_bytes(b"\x00sentencepiece")
        tokenizer = {"type": "sentencepiece", "files": {"model": "tokenizer.model"}, "context_length": 77,
                     "bos_id": 1, "eos_id": 2, "pad_id": 0, "pooling": "last"}
        out = write_bundle(self.tmp / "b", model=script_bundle(model), config=config, name="demo: synthetic shapes",
                           source="demo-training", tokenizer=tokenizer,
                           tokenizer_files={"tokenizer.model": self.tmp / "tokenizer.model"})
        manifest = json.loads((out / "manifest.json").read_text())
        self.assertEqual(manifest["architecture"]["vision_stem"], "conv")
        self.assertEqual(manifest["architecture"]["patch_size"], 16)
        module = torch.jit.load(str(out / "model.pt"))
        pixels, ids, mask = random_inputs(bos=1, eos=2)
        with torch.no_grad():
            acts = module.encode_image(pixels)
            self.assertEqual([tuple(a.shape) for a in acts], [(1, 22 * 22 + 1, config.vision.hidden_size)] * 3)
            logits = module.decode(acts, module.encode_text(ids, mask))
            eager = model.eval()(pixels, ids, mask)
        self.assertEqual(tuple(logits.shape), (3, 352, 352))
        self.assertLess(float((logits - eager).abs().max()), TOLERANCE)

    def test_bad_stem_is_a_config_error(self):
        from clipseg_model import ConfigError
        config = small_config()
        config.vision.stem = "resnet"
        with self.assertRaisesRegex(ConfigError, "stem"):
            config.validate()
        config.vision.stem = "conv"
        config.vision.patch_size = 32
        config.vision.image_size = 352
        with self.assertRaisesRegex(ConfigError, "conv stem"):
            config.validate()


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------


def _rewrite_safetensors_header(path: Path, edit) -> None:
    raw = path.read_bytes()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length])
    edit(header)
    encoded = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(encoded)) + encoded + raw[8 + length:])


def _edit_state(path: Path, edit) -> None:
    from safetensors_reader import load_file
    state = load_file(str(path))
    edit(state)
    write_safetensors(path, state)


def _edit_config(path: Path, edit) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


class BadInputTest(TempDirTest):
    @classmethod
    def setUpClass(cls):
        cls.good = Path(tempfile.mkdtemp(prefix="pm-export-good-"))
        make_hf_dir(cls.good / "hf", small_config(), seed=9, binary=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.good, ignore_errors=True)

    def expect_failure(self, hf_dir: Path, needle: str, extra: Tuple[str, ...] = (), status: int = 1,
                       out: Optional[Path] = None) -> str:
        out = out or self.tmp / "outs" / "bundle"
        out.parent.mkdir(parents=True, exist_ok=True)
        before = sorted(os.listdir(out.parent))
        code, err = run_export(["--hf-dir", str(hf_dir), "--out", str(out), *extra])
        lines = err.strip().splitlines()
        self.assertEqual(code, status, err)
        self.assertEqual(len(lines), 1, f"expected one stderr line, got: {err!r}")
        self.assertIn(needle, lines[0])
        self.assertEqual(sorted(os.listdir(out.parent)), before, "the failed export left files behind")
        return lines[0]

    def broken_copy(self, mutate) -> Path:
        hf_dir = self.tmp / "hf"
        shutil.copytree(self.good / "hf", hf_dir)
        mutate(hf_dir)
        return hf_dir

    def test_bad_inputs(self):
        cases = {
            "missing directory": (lambda d: shutil.rmtree(d), "hf: not a directory", ()),
            "not a model directory": (lambda d: (d / "config.json").unlink(), "config.json: missing", ()),
            "invalid JSON": (lambda d: (d / "config.json").write_text("{"), "config.json: not valid JSON", ()),
            "unknown model_type": (lambda d: _edit_config(d / "config.json",
                                                          lambda c: c.update(model_type="clip")),
                                   "model_type is 'clip'", ()),
            "bad config value": (lambda d: _edit_config(d / "config.json",
                                                        lambda c: c["vision_config"].update(hidden_size="big")),
                                 "vision_config.hidden_size", ()),
            "no weights": (lambda d: [(d / f).unlink() for f in ("model.safetensors", "pytorch_model.bin")],
                           "no model.safetensors or pytorch_model.bin", ()),
            "safetensors requested but absent": (lambda d: (d / "model.safetensors").unlink(),
                                                 "model.safetensors: missing", ("--weights", "safetensors")),
            "missing vocab.json": (lambda d: (d / "vocab.json").unlink(), "vocab.json: missing", ()),
            "missing merges.txt": (lambda d: (d / "merges.txt").unlink(), "merges.txt: missing", ()),
            "shape mismatch": (lambda d: _edit_config(d / "config.json",
                                                      lambda c: c.update(decoder_intermediate_size=40)),
                               "decoder.layers.0.mlp.fc1.weight: shape [32, 16]", ()),
            "missing key": (lambda d: _edit_state(d / "model.safetensors", lambda s: s.pop("decoder.film_add.bias")),
                            "missing key decoder.film_add.bias", ()),
            "unexpected key": (lambda d: _edit_state(d / "model.safetensors",
                                                     lambda s: s.update({"decoder.extra.weight": torch.ones(2)})),
                               "unexpected key decoder.extra.weight", ()),
            "float position_ids": (lambda d: _edit_state(
                d / "model.safetensors",
                lambda s: s.update({"clip.text_model.embeddings.position_ids": torch.zeros(1, 77)})),
                "unexpected key clip.text_model.embeddings.position_ids", ()),
            "truncated safetensors": (lambda d: _truncate(d / "model.safetensors", 100),
                                      "model.safetensors: truncated", ()),
            "safetensors cut inside the header": (lambda d: _truncate_to(d / "model.safetensors", 50),
                                                  "model.safetensors: truncated", ()),
            "safetensors bad offsets": (lambda d: _rewrite_safetensors_header(
                d / "model.safetensors",
                lambda h: h["decoder.film_mul.weight"].update(data_offsets=[0, 12])),
                "decoder.film_mul.weight: data_offsets [0, 12]", ()),
            "truncated pytorch_model.bin": (lambda d: _truncate(d / "pytorch_model.bin", 1000),
                                            "pytorch_model.bin: cannot be read", ("--weights", "bin")),
        }
        for label, (mutate, needle, extra) in cases.items():
            with self.subTest(label):
                shutil.rmtree(self.tmp, ignore_errors=True)
                self.tmp.mkdir()
                self.expect_failure(self.broken_copy(mutate), needle, extra)

    def test_failure_keeps_existing_bundle(self):
        out = self.tmp / "outs" / "bundle"
        status, err = run_export(["--hf-dir", str(self.good / "hf"), "--out", str(out)])
        self.assertEqual(status, 0, err)
        manifest = (out / "manifest.json").read_bytes()
        broken = self.broken_copy(lambda d: _truncate(d / "model.safetensors", 8))
        self.expect_failure(broken, "truncated", out=out)
        self.assertEqual((out / "manifest.json").read_bytes(), manifest)

    def test_refuses_to_replace_other_directories(self):
        out = self.tmp / "outs" / "precious"
        out.mkdir(parents=True)
        (out / "notes.txt").write_text("keep me")
        self.expect_failure(self.good / "hf", "refusing to replace", out=out)
        self.assertEqual((out / "notes.txt").read_text(), "keep me")

    def test_command_line_process(self):
        broken = self.broken_copy(lambda d: _truncate(d / "model.safetensors", 100))
        runs = [
            (["--hf-dir", str(broken), "--out", str(self.tmp / "b1")], 1, "truncated"),
            (["--random-init", "tiny", "--out", str(self.tmp / "b2")], 2, "--tokenizer-dir"),
            (["--random-init", "huge", "--tokenizer-dir", str(broken), "--out", str(self.tmp / "b3")], 2, "huge"),
        ]
        for args, status, needle in runs:
            with self.subTest(args=args):
                result = subprocess.run([sys.executable, str(EXPORTER), *args], capture_output=True, text=True,
                                        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"), timeout=120)
                lines = result.stderr.strip().splitlines()
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertEqual(len(lines), 1, result.stderr)
                self.assertIn(needle, lines[0])
                self.assertFalse(any(p.name.startswith(("b", ".b")) for p in self.tmp.iterdir()))


def _truncate(path: Path, drop: int) -> None:
    _truncate_to(path, path.stat().st_size - drop)


def _truncate_to(path: Path, size: int) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(size)


# --------------------------------------------------------------------------


def main() -> int:
    global GOLDEN
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--shared", nargs="?", const="")
    args, rest = parser.parse_known_args()
    shared = args.shared if args.shared is not None else os.environ.get("PROMPTMASK_SHARED_DIR")
    golden = Path(shared) / "golden" if shared else None
    if golden is not None and (golden / "cases").is_dir() and (golden / "hf").is_dir():
        GOLDEN = golden
    else:
        where = f"at {golden}" if golden else "(no --shared DIR or PROMPTMASK_SHARED_DIR given)"
        print(f"SKIP: golden data not found {where}; the golden parity tests are skipped", file=sys.stderr)
    # The models here are tiny: one thread is as fast on an idle machine and
    # far faster on a shared, loaded one (no waits on a descheduled sibling).
    torch.set_num_threads(1)
    result = unittest.main(argv=[sys.argv[0], *rest], exit=False).result
    if PARITY:
        print("max |difference| " + ", ".join(f"{k}: {v:.2e}" for k, v in sorted(PARITY.items())), file=sys.stderr)
    if not result.wasSuccessful():
        return 1
    return 77 if GOLDEN is None and shared is not None else 0


if __name__ == "__main__":
    sys.exit(main())
