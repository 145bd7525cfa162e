"""Writes PromptMask model bundles (format v1, see docs/BUNDLE.md).

Shared by the CLIPSeg exporter and the demo trainer.  A bundle is built in a
temporary sibling directory and renamed into place at the very end, so a
reader never sees a half-written bundle and a failed write leaves nothing
behind (an existing bundle at the target is replaced only on success).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Union

import torch

from clipseg_model import ClipSegConfig

FORMAT = "promptmask-bundle"
FORMAT_VERSION = 1
MODEL_FILE = "model.pt"
MANIFEST_FILE = "manifest.json"
BUNDLE_METHODS = ("encode_image", "embed_image", "encode_text", "decode")
QUANTIZATIONS = ("none", "int8-dynamic")
TOKENIZER_TYPES = ("clip-bpe", "sentencepiece")

# What the hub's CIDAS/clipseg-* preprocessor_config.json describes.
DEFAULT_INPUT: Dict[str, Any] = {
    "size": 352,
    "resize": "pil-bilinear",
    "rescale_factor": 1.0 / 255.0,
    "mean": [0.485, 0.456, 0.406],
    "std": [0.229, 0.224, 0.225],
}

PathLike = Union[str, os.PathLike]


class BundleError(Exception):
    """A bundle cannot be written; the message names the file and problem."""


def architecture_block(config: ClipSegConfig) -> Dict[str, Any]:
    """The manifest's `architecture` object for a model config."""
    block = {
        "vision_hidden_size": config.vision.hidden_size,
        "vision_layers": config.vision.num_hidden_layers,
        "vision_heads": config.vision.num_attention_heads,
        "patch_size": config.vision.patch_size,
        "text_hidden_size": config.text.hidden_size,
        "text_layers": config.text.num_hidden_layers,
        "vocab_size": config.text.vocab_size,
        "projection_dim": config.projection_dim,
        "reduce_dim": config.reduce_dim,
        "decoder_heads": config.decoder_num_attention_heads,
        "decoder_intermediate_size": config.decoder_intermediate_size,
        "extract_layers": list(config.extract_layers),
        "complex_upsampling": bool(config.use_complex_transposed_convolution),
    }
    # Only a non-CLIP stem is written, so HF exports keep their manifests byte for byte; patch_size
    # stays the stem's total stride (the runtime needs only that).
    if config.vision.stem != "patch":
        block["vision_stem"] = config.vision.stem
    return block


def file_digest(path: PathLike) -> Dict[str, Any]:
    sha = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
            size += len(chunk)
    return {"sha256": sha.hexdigest(), "bytes": size}


def _check_tokenizer(tokenizer: Mapping[str, Any], tokenizer_files: Mapping[str, PathLike]) -> None:
    required = ("type", "files", "context_length", "bos_id", "eos_id", "pad_id", "pooling")
    missing = [key for key in required if key not in tokenizer]
    if missing:
        raise BundleError(f"tokenizer block: missing {', '.join(missing)}")
    if tokenizer["type"] not in TOKENIZER_TYPES:
        raise BundleError(f"tokenizer block: unknown type {tokenizer['type']!r}")
    named = set(tokenizer["files"].values())
    if named != set(tokenizer_files):
        raise BundleError(f"tokenizer files {sorted(tokenizer_files)} do not match the tokenizer block's "
                          f"{sorted(named)}")
    for bundle_name, source in tokenizer_files.items():
        if bundle_name in (MODEL_FILE, MANIFEST_FILE) or os.path.basename(bundle_name) != bundle_name:
            raise BundleError(f"tokenizer file name {bundle_name!r} is not allowed in a bundle")
        if not os.path.isfile(source):
            raise BundleError(f"{source}: tokenizer file not found")


def check_target(out: Path) -> None:
    # Only a previous bundle (or an empty directory) may be replaced, never
    # some unrelated directory or file that happens to be at the target.
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise BundleError(f"{out}: exists and is not a bundle directory")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST_FILE).is_file():
        raise BundleError(f"{out}: exists, is not empty and has no {MANIFEST_FILE}; refusing to replace it")


def _make_parents(directory: Path) -> Optional[Path]:
    """Creates missing parents; returns the topmost one created (or None)."""
    missing: List[Path] = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    if missing:
        missing[-1].parent.mkdir(parents=True, exist_ok=True)
        missing[0].mkdir(parents=True)
        return missing[-1]
    return None


def _verify_model(path: Path) -> None:
    try:
        module = torch.jit.load(str(path), map_location="cpu")
    except Exception as error:  # torch raises several types here
        raise BundleError(f"{path.name}: saved TorchScript does not load back: {error}".splitlines()[0]) from error
    for method in BUNDLE_METHODS:
        if not hasattr(module, method):
            raise BundleError(f"{path.name}: TorchScript module has no method {method}")


def write_bundle(out_dir: PathLike, *, model: torch.jit.ScriptModule, config: ClipSegConfig, name: str,
                 source: str, tokenizer: Mapping[str, Any], tokenizer_files: Mapping[str, PathLike],
                 input_spec: Optional[Mapping[str, Any]] = None, quantization: str = "none",
                 dtype: str = "float32") -> Path:
    """Writes a bundle to `out_dir` and returns its path.

    model           scripted ClipSegBundle (see clipseg_bundle.script_bundle)
    config          the model's config; fills the manifest's architecture block
    name, source    manifest model.name / model.source
    tokenizer       the manifest's tokenizer block, e.g. {"type": "sentencepiece",
                    "files": {"model": "tokenizer.model"}, "context_length": 32,
                    "bos_id": 1, "eos_id": 2, "pad_id": 0, "pooling": "last"}
    tokenizer_files bundle file name -> source path, for every name in
                    tokenizer["files"]; the files are copied unchanged
    input_spec      the manifest's input block (DEFAULT_INPUT when None)
    quantization    "none" or "int8-dynamic"
    """
    if quantization not in QUANTIZATIONS:
        raise BundleError(f"quantization {quantization!r} is not one of {QUANTIZATIONS}")
    _check_tokenizer(tokenizer, tokenizer_files)
    out = Path(os.path.abspath(out_dir))
    check_target(out)

    created_parent = _make_parents(out.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        model_path = staging / MODEL_FILE
        torch.jit.save(model, str(model_path))
        _verify_model(model_path)
        for bundle_name, src in tokenizer_files.items():
            shutil.copyfile(src, staging / bundle_name)

        files = {MODEL_FILE: file_digest(model_path)}
        for bundle_name in sorted(tokenizer_files):
            files[bundle_name] = file_digest(staging / bundle_name)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "model": {"family": "clipseg", "name": name, "source": source},
            "architecture": architecture_block(config),
            "input": dict(input_spec if input_spec is not None else DEFAULT_INPUT),
            "tokenizer": json.loads(json.dumps(tokenizer)),
            "dtype": dtype,
            "quantization": quantization,
            "files": files,
        }
        (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp creates it 0700
        _replace_directory(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created_parent is not None:
            shutil.rmtree(created_parent, ignore_errors=True)
        raise
    return out


def _replace_directory(staging: Path, out: Path) -> None:
    """Renames staging to out; an existing out is moved aside first and
    deleted only after the new bundle is in place."""
    if not out.exists():
        os.rename(staging, out)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(backup)  # only the unique name is wanted
    os.rename(out, backup)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(backup, out)
        raise
    shutil.rmtree(backup, ignore_errors=True)
