"""Helpers for test_export.py: synthetic Hugging Face CLIPSeg directories
(written without the golden data) and readers for the golden case files."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any, Dict, Optional

import numpy as np
import torch

from clipseg_model import ClipSegConfig, ClipSegForImageSegmentation, random_init

SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.int64: "I64"}


def write_safetensors(path: Path, tensors: Dict[str, torch.Tensor]) -> None:
    """Writes tensors in key order, back to back, header padded to 8 bytes."""
    header: Dict[str, Any] = {"__metadata__": {"format": "pt"}}
    blobs, offset = [], 0
    for name in sorted(tensors):
        tensor = tensors[name].contiguous()
        data = tensor.numpy().tobytes()
        header[name] = {"dtype": SAFETENSORS_DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header).encode("utf-8")
    raw += b" " * (-(8 + len(raw)) % 8)
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", len(raw)))
        handle.write(raw)
        for data in blobs:
            handle.write(data)


def write_clip_tokenizer(directory: Path) -> None:
    """A minimal CLIP-BPE vocabulary: enough for the exporter's checks."""
    vocab = {"a": 64, "a</w>": 320, "<|startoftext|>": 49406, "<|endoftext|>": 49407}
    (directory / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (directory / "merges.txt").write_text("#version: 0.2\na </w>\n", encoding="utf-8")


def make_hf_dir(directory: Path, config: ClipSegConfig, *, seed: int = 0, config_json: Optional[dict] = None,
                state_dict: Optional[Dict[str, torch.Tensor]] = None, safetensors: bool = True,
                binary: bool = False) -> Dict[str, torch.Tensor]:
    """Writes an HF-format model directory for `config` with seeded random
    weights; returns the state dict written."""
    directory.mkdir(parents=True, exist_ok=True)
    if state_dict is None:
        model = ClipSegForImageSegmentation(config)
        random_init(model, seed)
        state_dict = {k: v.detach().clone() for k, v in model.state_dict().items()}
    (directory / "config.json").write_text(json.dumps(config_json or config.to_hf_dict(), indent=2),
                                           encoding="utf-8")
    write_clip_tokenizer(directory)
    if safetensors:
        write_safetensors(directory / "model.safetensors", state_dict)
    if binary:
        torch.save(state_dict, directory / "pytorch_model.bin")
    return state_dict


def read_case_tensor(case_dir: Path, index: Dict[str, Any], name: str) -> torch.Tensor:
    """A raw little-endian tensor listed in a golden case's index.json."""
    entry = index["tensors"][name]
    dtype = {"float32": "<f4", "int64": "<i8"}[entry["dtype"]]
    array = np.fromfile(case_dir / entry["file"], dtype=dtype).reshape(entry["shape"])
    return torch.from_numpy(array.astype(array.dtype.newbyteorder("=")))
