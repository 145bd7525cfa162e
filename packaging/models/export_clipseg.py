#!/usr/bin/python3
"""Exports a CLIPSeg model to a PromptMask bundle (format v1, docs/BUNDLE.md).

  export_clipseg.py --hf-dir DIR --out BUNDLE [--weights auto|safetensors|bin]
  export_clipseg.py --random-init {tiny,rd16,rd64,rd64-refined} --seed N \\
                    --tokenizer-dir DIR --out BUNDLE
  common options: [--quantize int8] [--name NAME]

DIR is a Hugging Face CLIPSegForImageSegmentation directory (config.json,
model.safetensors or pytorch_model.bin, vocab.json, merges.txt, optionally
preprocessor_config.json and special_tokens_map.json).  With --random-init
only the CLIP BPE files vocab.json + merges.txt are taken from
--tokenizer-dir (any CLIPSeg/CLIP hub directory has them).

On bad input it prints one line on stderr naming the file or key and the
problem, exits with status 1 (2 for bad usage) and leaves nothing behind.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bundle_writer import DEFAULT_INPUT, BundleError, check_target, write_bundle  # noqa: E402
from clipseg_bundle import script_bundle  # noqa: E402
from clipseg_model import (PRESETS, ClipSegConfig, ClipSegForImageSegmentation, ConfigError,  # noqa: E402
                           StateDictError, load_hf_state_dict, preset_config, random_init)
from safetensors_reader import SafetensorsError, load_file  # noqa: E402

PROG = "export_clipseg"
BOS_TOKEN = "<|startoftext|>"
EOS_TOKEN = "<|endoftext|>"
PIL_BILINEAR = 2


class ExportError(Exception):
    """Bad input; the message names the file or key and the problem."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of usage + message
        print(f"{PROG}: error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = _Parser(prog=PROG, description=__doc__.split("\n\n")[0],
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--hf-dir", help="Hugging Face CLIPSeg model directory")
    source.add_argument("--random-init", choices=sorted(PRESETS), help="random weights of a preset size")
    parser.add_argument("--seed", type=int, default=0, help="seed for --random-init (default 0)")
    parser.add_argument("--tokenizer-dir", help="directory with vocab.json + merges.txt (required with "
                                                "--random-init; default for --hf-dir: the HF dir)")
    parser.add_argument("--weights", choices=("auto", "safetensors", "bin"), default="auto",
                        help="weights file of --hf-dir: model.safetensors, pytorch_model.bin, or auto "
                             "(safetensors when present)")
    parser.add_argument("--out", required=True, help="bundle directory to write (replaced if it is a bundle)")
    parser.add_argument("--quantize", choices=("int8",), help="dynamic int8 quantization of the Linear layers")
    parser.add_argument("--name", help="display name (default: the HF model id or directory name)")
    args = parser.parse_args(argv)
    if args.random_init and not args.tokenizer_dir:
        parser.error("--random-init needs --tokenizer-dir DIR (with vocab.json and merges.txt)")
    return args


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------


def read_json(path: Path) -> Any:
    if not path.is_file():
        raise ExportError(f"{path}: missing")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path}: not valid JSON ({error})") from None


def read_config(hf_dir: Path) -> Tuple[ClipSegConfig, Dict[str, Any]]:
    path = hf_dir / "config.json"
    if not path.is_file():
        raise ExportError(f"{path}: missing; {hf_dir} is not a Hugging Face model directory")
    data = read_json(path)
    try:
        return ClipSegConfig.from_hf_dict(data), data
    except ConfigError as error:
        raise ExportError(f"{path}: {error}") from None


def find_weights(hf_dir: Path, choice: str) -> Path:
    safetensors, binary = hf_dir / "model.safetensors", hf_dir / "pytorch_model.bin"
    if choice == "safetensors" or (choice == "auto" and safetensors.is_file()):
        path = safetensors
    elif choice == "bin" or (choice == "auto" and binary.is_file()):
        path = binary
    else:
        raise ExportError(f"{hf_dir}: no model.safetensors or pytorch_model.bin")
    if not path.is_file():
        raise ExportError(f"{path}: missing")
    return path


def read_weights(path: Path) -> Dict[str, torch.Tensor]:
    if path.suffix == ".safetensors":
        try:
            return load_file(str(path))
        except SafetensorsError as error:
            raise ExportError(str(error)) from None
    options: Dict[str, Any] = {"map_location": "cpu"}
    if "weights_only" in inspect.signature(torch.load).parameters:
        options["weights_only"] = True  # a checkpoint should hold tensors only
    try:
        state = torch.load(str(path), **options)
    except Exception as error:  # torch raises RuntimeError, EOFError, UnpicklingError, ...
        raise ExportError(f"{path}: cannot be read as a PyTorch checkpoint ({first_line(error)})") from None
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ExportError(f"{path}: is not a flat state dict of tensors")
    return state


def read_tokenizer(tok_dir: Path, config: ClipSegConfig) -> Tuple[Dict[str, Any], Dict[str, Path]]:
    """The manifest tokenizer block and files for a CLIP BPE tokenizer."""
    vocab_path, merges_path = tok_dir / "vocab.json", tok_dir / "merges.txt"
    vocab = read_json(vocab_path)
    if not isinstance(vocab, dict) or not all(isinstance(v, int) for v in vocab.values()):
        raise ExportError(f"{vocab_path}: not a token -> id JSON object")
    if not merges_path.is_file():
        raise ExportError(f"{merges_path}: missing")
    if merges_path.stat().st_size == 0:
        raise ExportError(f"{merges_path}: empty")
    for token in (BOS_TOKEN, EOS_TOKEN):
        if token not in vocab:
            raise ExportError(f"{vocab_path}: has no {token} token (not a CLIP vocabulary)")
    top_id = max(vocab.values())
    if top_id >= config.text.vocab_size:
        raise ExportError(f"{vocab_path}: token id {top_id} is outside the model's vocab_size "
                          f"{config.text.vocab_size}")
    eos_id = vocab[EOS_TOKEN]
    # HF pools at argmax(input_ids) when the config's eos_token_id is the
    # legacy 2, else at the first eos_token_id; both are argmax when that id
    # is <|endoftext|> and the largest in the vocabulary.
    if config.text.eos_token_id != 2 and not (config.text.eos_token_id == eos_id == top_id):
        raise ExportError(f"config.json: text_config.eos_token_id {config.text.eos_token_id} is not supported "
                          f"(expected 2 or {EOS_TOKEN} = the largest vocabulary id)")
    pad_id = eos_id
    special = tok_dir / "special_tokens_map.json"
    if special.is_file():
        pad = read_json(special).get("pad_token")
        if isinstance(pad, dict):
            pad = pad.get("content")
        if pad is not None:
            if pad not in vocab:
                raise ExportError(f"{special}: pad_token {pad!r} is not in vocab.json")
            pad_id = vocab[pad]
    block = {
        "type": "clip-bpe",
        "files": {"vocab": "vocab.json", "merges": "merges.txt"},
        "context_length": config.text.max_position_embeddings,
        "bos_id": vocab[BOS_TOKEN],
        "eos_id": eos_id,
        "pad_id": pad_id,
        "pooling": config.text_pooling,
    }
    return block, {"vocab.json": vocab_path, "merges.txt": merges_path}


def read_input_spec(hf_dir: Path, patch_size: int) -> Dict[str, Any]:
    """The manifest input block from preprocessor_config.json (ViTImageProcessor
    semantics and defaults); the CIDAS values when the file is absent."""
    path = hf_dir / "preprocessor_config.json"
    if not path.is_file():
        return dict(DEFAULT_INPUT)
    data = read_json(path)
    if not isinstance(data, dict):
        raise ExportError(f"{path}: not a JSON object")
    size = data.get("size", 224)
    if isinstance(size, dict):
        if size.get("height") != size.get("width") or not isinstance(size.get("height"), int):
            raise ExportError(f"{path}: size {size} is not a square height/width")
        size = size["height"]
    if not isinstance(size, int) or size <= 0 or size % patch_size:
        raise ExportError(f"{path}: size {size!r} is not a positive multiple of the patch size {patch_size}")
    if data.get("do_resize", True) is not True:
        raise ExportError(f"{path}: do_resize false is not supported")
    if data.get("resample", PIL_BILINEAR) != PIL_BILINEAR:
        raise ExportError(f"{path}: resample {data['resample']!r} is not supported (only 2 = bilinear)")
    rescale = float(data.get("rescale_factor", 1 / 255)) if data.get("do_rescale", True) else 1.0
    mean, std = [0.0] * 3, [1.0] * 3
    if data.get("do_normalize", True):
        mean, std = data.get("image_mean", [0.5] * 3), data.get("image_std", [0.5] * 3)
        for key, values in (("image_mean", mean), ("image_std", std)):
            if (not isinstance(values, list) or len(values) != 3
                    or not all(isinstance(v, (int, float)) and v == v for v in values)):
                raise ExportError(f"{path}: {key} {values!r} is not three numbers")
        if any(v == 0 for v in std):
            raise ExportError(f"{path}: image_std contains 0")
    return {"size": size, "resize": "pil-bilinear", "rescale_factor": rescale,
            "mean": [float(v) for v in mean], "std": [float(v) for v in std]}


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------


def first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def quantize_int8(model: ClipSegForImageSegmentation) -> torch.nn.Module:
    # Use the engine the app runs with, so the check below runs the same kernels.
    if "onednn" in torch.backends.quantized.supported_engines:
        torch.backends.quantized.engine = "onednn"
    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def check_scripted(scripted: torch.jit.ScriptModule, eager: torch.nn.Module, config: ClipSegConfig,
                   input_size: int, tokenizer: Dict[str, Any]) -> None:
    """Runs the four bundle methods on a fixed input and compares the result
    with the eager model, so a TorchScript mismatch never ships."""
    generator = torch.Generator().manual_seed(0)
    pixels = torch.randn(1, 3, input_size, input_size, generator=generator)
    ids = torch.tensor([[tokenizer["bos_id"], tokenizer["eos_id"], tokenizer["pad_id"]],
                        [tokenizer["bos_id"], min(320, config.text.vocab_size - 1), tokenizer["eos_id"]]])
    mask = torch.tensor([[1, 1, 0], [1, 1, 1]])
    with torch.no_grad():
        activations = scripted.encode_image(pixels)
        conditional = scripted.encode_text(ids, mask)
        logits = scripted.decode(activations, conditional)
        visual = scripted.embed_image(pixels)
        expected = eager(pixels, ids, mask)
    if tuple(logits.shape) != (2, input_size, input_size) or tuple(visual.shape) != (1, config.projection_dim):
        raise ExportError(f"model.pt: unexpected output shapes {list(logits.shape)}, {list(visual.shape)}")
    if not (torch.isfinite(logits).all() and torch.isfinite(visual).all()):
        raise ExportError("model.pt: the self-check produced non-finite outputs")
    difference = (logits - expected).abs().max().item()
    if difference > 1e-3 * max(1.0, expected.abs().max().item()):
        raise ExportError(f"model.pt: scripted and eager logits differ by {difference:.3g}")


def export(args: argparse.Namespace) -> Path:
    out = Path(os.path.abspath(args.out))
    try:
        check_target(out)
    except BundleError as error:
        raise ExportError(str(error)) from None

    if args.hf_dir:
        hf_dir = Path(args.hf_dir)
        if not hf_dir.is_dir():
            raise ExportError(f"{hf_dir}: not a directory")
        config, raw_config = read_config(hf_dir)
        tokenizer, tokenizer_files = read_tokenizer(Path(args.tokenizer_dir or hf_dir), config)
        input_spec = read_input_spec(hf_dir, config.vision.patch_size)
        weights_path = find_weights(hf_dir, args.weights)
        state = read_weights(weights_path)
        model = ClipSegForImageSegmentation(config)
        try:
            load_hf_state_dict(model, state)
        except StateDictError as error:
            raise ExportError(f"{weights_path}: {error}") from None
        del state
        model_id = raw_config.get("_name_or_path")
        # A hub id looks like owner/name; a local path would leak the machine's layout.
        if not (isinstance(model_id, str) and model_id.count("/") == 1 and not os.path.isabs(model_id)):
            model_id = hf_dir.resolve().name
        name = args.name or model_id
        source = f"hf:{hf_dir.resolve().name}"
    else:
        config = preset_config(args.random_init)
        tok_dir = Path(args.tokenizer_dir)
        if not tok_dir.is_dir():
            raise ExportError(f"{tok_dir}: not a directory")
        tokenizer, tokenizer_files = read_tokenizer(tok_dir, config)
        input_spec = dict(DEFAULT_INPUT)
        model = ClipSegForImageSegmentation(config)
        random_init(model, args.seed)
        name = args.name or f"random-init {args.random_init} (seed {args.seed})"
        source = f"random-init:{args.random_init}:seed={args.seed}"

    model.eval()
    quantization = "none"
    if args.quantize == "int8":
        model = quantize_int8(model)
        quantization = "int8-dynamic"
    try:
        scripted = script_bundle(model, input_spec["size"])
    except Exception as error:
        raise ExportError(f"model.pt: TorchScript compilation failed ({first_line(error)})") from None
    check_scripted(scripted, model, config, input_spec["size"], tokenizer)
    try:
        return write_bundle(out, model=scripted, config=config, name=name, source=source, tokenizer=tokenizer,
                            tokenizer_files=tokenizer_files, input_spec=input_spec, quantization=quantization)
    except BundleError as error:
        raise ExportError(str(error)) from None


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        out = export(args)
    except ExportError as error:
        print(f"{PROG}: error: {first_line(error)}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"{PROG}: error: {where}{error.strerror or first_line(error)}", file=sys.stderr)
        return 1
    except Exception as error:  # anything else is a bug, but still one line and no partial bundle
        print(f"{PROG}: error: unexpected {type(error).__name__}: {first_line(error)}", file=sys.stderr)
        return 1
    size = (out / "model.pt").stat().st_size
    print(f"{PROG}: wrote {out} (model.pt {size / 1e6:.1f} MB) in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
