"""A dependency-free safetensors reader (the `safetensors` package is not
available on Debian 12).

Layout: 8-byte little-endian u64 header length N, N bytes of UTF-8 JSON
mapping tensor names to {"dtype", "shape", "data_offsets": [begin, end]}
(offsets relative to the data section) plus an optional "__metadata__"
object, then the raw little-endian data.
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
from typing import Dict, Tuple

import torch

# safetensors dtype -> (torch dtype, bytes per element)
DTYPES: Dict[str, Tuple[torch.dtype, int]] = {
    "F64": (torch.float64, 8),
    "F32": (torch.float32, 4),
    "F16": (torch.float16, 2),
    "BF16": (torch.bfloat16, 2),
    "I64": (torch.int64, 8),
    "I32": (torch.int32, 4),
    "I16": (torch.int16, 2),
    "I8": (torch.int8, 1),
    "U8": (torch.uint8, 1),
    "BOOL": (torch.bool, 1),
}

# Guards against a corrupt length field making us allocate gigabytes.
MAX_HEADER_BYTES = 100 * 1024 * 1024


class SafetensorsError(ValueError):
    """The file is not valid safetensors; the message names file and problem."""


def read_header(path: str) -> Tuple[Dict[str, dict], Dict[str, str], int]:
    """Parses and validates the header; returns (tensor entries, metadata,
    absolute offset of the data section)."""
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        prefix = handle.read(8)
        if len(prefix) < 8:
            raise SafetensorsError(f"{path}: truncated: {size} bytes, too short for the 8-byte header length")
        (header_len,) = struct.unpack("<Q", prefix)
        if header_len > MAX_HEADER_BYTES:
            raise SafetensorsError(f"{path}: header length {header_len} is implausible (corrupt file?)")
        if 8 + header_len > size:
            raise SafetensorsError(f"{path}: truncated: header needs {header_len} bytes, "
                                   f"only {size - 8} follow the length field")
        raw = handle.read(header_len)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SafetensorsError(f"{path}: header is not valid UTF-8 JSON ({error})") from None
    if not isinstance(header, dict):
        raise SafetensorsError(f"{path}: header is not a JSON object")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict):
        raise SafetensorsError(f"{path}: __metadata__ is not a JSON object")

    data_start = 8 + header_len
    data_len = size - data_start
    spans = []
    for name, entry in header.items():
        spans.append((*_check_entry(path, name, entry, data_len), name))
    # Tensors must not overlap (the spec also forbids holes, but tolerating
    # them costs nothing and they do not affect the values read).
    spans.sort()
    for (_, prev_end, prev_name), (begin, _, name) in zip(spans, spans[1:]):
        if begin < prev_end:
            raise SafetensorsError(f"{path}: tensors {prev_name} and {name} overlap")
    return header, metadata, data_start


def _check_entry(path: str, name: str, entry: object, data_len: int) -> Tuple[int, int]:
    if not isinstance(entry, dict):
        raise SafetensorsError(f"{path}: tensor {name}: header entry is not an object")
    dtype, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
    if dtype not in DTYPES:
        raise SafetensorsError(f"{path}: tensor {name}: unsupported dtype {dtype!r}")
    if not isinstance(shape, list) or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0
                                              for d in shape):
        raise SafetensorsError(f"{path}: tensor {name}: bad shape {shape!r}")
    if (not isinstance(offsets, list) or len(offsets) != 2
            or not all(isinstance(o, int) and not isinstance(o, bool) for o in offsets)):
        raise SafetensorsError(f"{path}: tensor {name}: bad data_offsets {offsets!r}")
    begin, end = offsets
    if not 0 <= begin <= end:
        raise SafetensorsError(f"{path}: tensor {name}: bad data_offsets {offsets}")
    expected = math.prod(shape) * DTYPES[dtype][1]
    if end - begin != expected:
        raise SafetensorsError(f"{path}: tensor {name}: data_offsets {offsets} span {end - begin} bytes, "
                               f"but {dtype}{shape} needs {expected}")
    if end > data_len:
        raise SafetensorsError(f"{path}: truncated: tensor {name} ends at data byte {end}, "
                               f"the data section has {data_len}")
    return begin, end


def load_file(path: str) -> Dict[str, torch.Tensor]:
    """Reads every tensor into a CPU tensor of the stored dtype."""
    if sys.byteorder != "little":
        raise SafetensorsError(f"{path}: only little-endian hosts are supported")
    header, _, data_start = read_header(path)
    tensors: Dict[str, torch.Tensor] = {}
    with open(path, "rb") as handle:
        for name, entry in header.items():
            begin, end = entry["data_offsets"]
            handle.seek(data_start + begin)
            # bytearray: torch.frombuffer wants a writable buffer.
            data = bytearray(handle.read(end - begin))
            if len(data) != end - begin:
                raise SafetensorsError(f"{path}: truncated while reading tensor {name}")
            dtype = DTYPES[entry["dtype"]][0]
            if data:
                tensor = torch.frombuffer(data, dtype=dtype)
            else:
                tensor = torch.empty(0, dtype=dtype)
            tensors[name] = tensor.reshape(entry["shape"])
    return tensors
