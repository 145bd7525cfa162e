"""Plain-PyTorch CLIPSeg with Hugging Face parameter names.

The module tree mirrors `CLIPSegForImageSegmentation` so that a Hugging Face
state dict loads with `strict=True` (only the int64 `*.position_ids` buffers of
old checkpoints have to be dropped first, see `split_position_ids`).  Every
module is TorchScript-compatible with torch 1.13 and newer.

Sizes, layer counts, extract layers, vocabulary size and text pooling are all
taken from `ClipSegConfig`, so the same code serves the Hugging Face
checkpoints and small models trained from scratch.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from typing import Any, Dict, List, Optional, Tuple

import torch
import torch.nn.functional as F
from torch import Tensor, nn

# Additive attention-mask value for blocked positions (torch.finfo(float32).min),
# spelled out because TorchScript cannot call finfo; modules copy it into an
# attribute since TorchScript cannot read float globals either.
MASK_VALUE = -3.4028234663852886e38

TEXT_POOLINGS = ("argmax", "last")
ACTIVATIONS = ("quick_gelu", "gelu", "gelu_new", "gelu_pytorch_tanh", "relu")


class ConfigError(ValueError):
    """A configuration value is missing, of the wrong type or unsupported."""


class StateDictError(ValueError):
    """A state dict does not fit the model: names the key and the problem."""


# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------


@dataclasses.dataclass
class TextConfig:
    vocab_size: int = 49408
    hidden_size: int = 512
    intermediate_size: int = 2048
    num_hidden_layers: int = 12
    num_attention_heads: int = 8
    max_position_embeddings: int = 77
    hidden_act: str = "quick_gelu"
    layer_norm_eps: float = 1e-5
    # HF defaults; the hub CLIPSeg configs carry the legacy values 0/2/1 instead.
    bos_token_id: int = 49406
    eos_token_id: int = 49407
    pad_token_id: int = 1


@dataclasses.dataclass
class VisionConfig:
    hidden_size: int = 768
    intermediate_size: int = 3072
    num_hidden_layers: int = 12
    num_attention_heads: int = 12
    num_channels: int = 3
    image_size: int = 224
    patch_size: int = 32
    hidden_act: str = "quick_gelu"
    layer_norm_eps: float = 1e-5
    # Not an HF field: how pixels become patch tokens.  "patch" is CLIP/HF (one
    # linear map of each patch); "conv" is a stack of 3x3 stride-2 convolutions
    # down to the same grid (the demo model: a from-scratch ViT learns shape
    # from edges and corners far faster with a locality prior in front).
    stem: str = "patch"


VISION_STEMS = ("patch", "conv")


@dataclasses.dataclass
class ClipSegConfig:
    text: TextConfig = dataclasses.field(default_factory=TextConfig)
    vision: VisionConfig = dataclasses.field(default_factory=VisionConfig)
    projection_dim: int = 512
    reduce_dim: int = 64
    decoder_num_attention_heads: int = 4
    decoder_intermediate_size: int = 2048
    extract_layers: List[int] = dataclasses.field(default_factory=lambda: [3, 6, 9])
    conditional_layer: int = 0
    use_complex_transposed_convolution: bool = False
    # Not an HF field: where the text tower pools.  "argmax" is CLIP/HF
    # (argmax(input_ids) = first end-of-text id of the CLIP BPE vocabulary);
    # "last" pools at the last position whose attention_mask is 1.
    text_pooling: str = "argmax"

    @classmethod
    def from_hf_dict(cls, data: Dict[str, Any]) -> "ClipSegConfig":
        """Builds a config from a parsed HF `config.json`, applying HF defaults
        for omitted fields.  Unknown fields are ignored."""
        if not isinstance(data, dict):
            raise ConfigError("top level is not a JSON object")
        model_type = data.get("model_type")
        if model_type != "clipseg":
            raise ConfigError(f"model_type is {model_type!r}, expected 'clipseg'")
        config = cls(
            text=_dataclass_from_dict(TextConfig, _sub_config(data, "text"), "text_config"),
            vision=_dataclass_from_dict(VisionConfig, _sub_config(data, "vision"), "vision_config"),
        )
        top = {f.name for f in dataclasses.fields(cls)} - {"text", "vision", "text_pooling"}
        for name in top:
            if name in data and data[name] is not None:
                setattr(config, name, _coerce(data[name], getattr(config, name), name))
        config.validate()
        return config

    def validate(self) -> None:
        """Raises ConfigError for values the architecture cannot be built from."""
        for section, obj in (("text_config", self.text), ("vision_config", self.vision), ("config", self)):
            for field in dataclasses.fields(obj):
                value = getattr(obj, field.name)
                if isinstance(value, int) and not isinstance(value, bool) and field.name not in (
                    "bos_token_id", "eos_token_id", "pad_token_id", "conditional_layer"
                ) and value <= 0:
                    raise ConfigError(f"{section}.{field.name} must be positive, got {value}")
        for name, sub in (("text_config", self.text), ("vision_config", self.vision)):
            if sub.hidden_size % sub.num_attention_heads:
                raise ConfigError(f"{name}: hidden_size {sub.hidden_size} is not divisible by "
                                  f"num_attention_heads {sub.num_attention_heads}")
            if sub.hidden_act not in ACTIVATIONS:
                raise ConfigError(f"{name}.hidden_act {sub.hidden_act!r} is not supported ({', '.join(ACTIVATIONS)})")
        if self.reduce_dim % self.decoder_num_attention_heads:
            raise ConfigError(f"config: reduce_dim {self.reduce_dim} is not divisible by "
                              f"decoder_num_attention_heads {self.decoder_num_attention_heads}")
        if not self.extract_layers:
            raise ConfigError("config.extract_layers is empty")
        for layer in self.extract_layers:
            if not 0 <= layer < self.vision.num_hidden_layers:
                raise ConfigError(f"config.extract_layers: {layer} is outside the "
                                  f"{self.vision.num_hidden_layers} vision layers")
        if not 0 <= self.conditional_layer < len(self.extract_layers):
            raise ConfigError(f"config.conditional_layer {self.conditional_layer} must index one of the "
                              f"{len(self.extract_layers)} decoder layers")
        if self.use_complex_transposed_convolution and (self.vision.patch_size % 4 or self.reduce_dim < 2):
            raise ConfigError("config: complex upsampling needs patch_size divisible by 4 and reduce_dim >= 2")
        if self.text_pooling not in TEXT_POOLINGS:
            raise ConfigError(f"text_pooling {self.text_pooling!r} is not one of {TEXT_POOLINGS}")
        if self.vision.stem not in VISION_STEMS:
            raise ConfigError(f"vision_config.stem {self.vision.stem!r} is not one of {VISION_STEMS}")
        if self.vision.stem == "conv" and self.vision.patch_size not in ConvStem.WIDTHS:
            raise ConfigError(f"vision_config: the conv stem needs patch_size in {sorted(ConvStem.WIDTHS)}, "
                              f"got {self.vision.patch_size}")
        if self.vision.image_size % self.vision.patch_size:
            raise ConfigError(f"vision_config: image_size {self.vision.image_size} is not a multiple of "
                              f"patch_size {self.vision.patch_size}")

    def to_hf_dict(self) -> Dict[str, Any]:
        """The config as an HF-style `config.json` object (every field written)."""
        data = {f.name: copy.deepcopy(getattr(self, f.name)) for f in dataclasses.fields(self)
                if f.name not in ("text", "vision", "text_pooling")}
        data.update(model_type="clipseg", architectures=["CLIPSegForImageSegmentation"],
                    text_config=dataclasses.asdict(self.text), vision_config=dataclasses.asdict(self.vision))
        if self.vision.stem == "patch":
            del data["vision_config"]["stem"]  # HF configs stay exactly as HF writes them
        return data


def _sub_config(data: Dict[str, Any], name: str) -> Dict[str, Any]:
    # Older transformers wrote `<name>_config_dict` next to `<name>_config`; HF
    # then rebuilds the sub-config from `<name>_config_dict` plus defaults.
    for key in (f"{name}_config_dict", f"{name}_config"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{key} is not a JSON object")
        return value
    return {}


def _dataclass_from_dict(kind, values: Dict[str, Any], section: str):
    obj = kind()
    for field in dataclasses.fields(kind):
        if field.name in values and values[field.name] is not None:
            setattr(obj, field.name, _coerce(values[field.name], getattr(obj, field.name),
                                             f"{section}.{field.name}"))
    return obj


def _coerce(value: Any, default: Any, where: str) -> Any:
    """Checks a JSON value against the type of the field's default."""
    expected = {bool: "true/false", int: "an integer", float: "a number", str: "a string",
                list: "a list of integers"}[type(default)]
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif isinstance(default, str):
        if isinstance(value, str):
            return value
    elif isinstance(default, list):
        if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return list(value)
    raise ConfigError(f"{where}: expected {expected}, got {value!r}")


def _tiny() -> ClipSegConfig:
    return ClipSegConfig(
        text=TextConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=4, num_attention_heads=2,
                        bos_token_id=0, eos_token_id=2, pad_token_id=1),
        vision=VisionConfig(hidden_size=48, intermediate_size=96, num_hidden_layers=12, num_attention_heads=2,
                            patch_size=16),
        projection_dim=16, reduce_dim=16, decoder_num_attention_heads=2, decoder_intermediate_size=32,
        use_complex_transposed_convolution=True)


def _vit_b16(reduce_dim: int, complex_upsampling: bool) -> ClipSegConfig:
    # The CIDAS/clipseg-* hub checkpoints: HF defaults except patch 16 and the
    # legacy text token ids.
    return ClipSegConfig(text=TextConfig(bos_token_id=0, eos_token_id=2, pad_token_id=1),
                         vision=VisionConfig(patch_size=16), reduce_dim=reduce_dim,
                         use_complex_transposed_convolution=complex_upsampling)


PRESETS = {
    "tiny": _tiny,
    "rd16": lambda: _vit_b16(16, False),
    "rd64": lambda: _vit_b16(64, False),
    "rd64-refined": lambda: _vit_b16(64, True),
}


def preset_config(name: str) -> ClipSegConfig:
    if name not in PRESETS:
        raise ConfigError(f"unknown preset {name!r} (choose from {', '.join(PRESETS)})")
    return PRESETS[name]()


# --------------------------------------------------------------------------
# Layers
# --------------------------------------------------------------------------


class QuickGELU(nn.Module):
    def forward(self, x: Tensor) -> Tensor:
        return x * torch.sigmoid(1.702 * x)


def make_activation(name: str) -> nn.Module:
    if name == "quick_gelu":
        return QuickGELU()
    if name == "gelu":
        return nn.GELU()
    if name in ("gelu_new", "gelu_pytorch_tanh"):
        return nn.GELU(approximate="tanh")
    if name == "relu":
        return nn.ReLU()
    raise ConfigError(f"unsupported activation {name!r}")


class ClipSegAttention(nn.Module):
    """Multi-head self-attention with separate q/k/v projections."""

    def __init__(self, hidden_size: int, num_heads: int):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = hidden_size // num_heads
        self.scale = self.head_dim ** -0.5
        self.k_proj = nn.Linear(hidden_size, hidden_size)
        self.v_proj = nn.Linear(hidden_size, hidden_size)
        self.q_proj = nn.Linear(hidden_size, hidden_size)
        self.out_proj = nn.Linear(hidden_size, hidden_size)

    def _split_heads(self, x: Tensor) -> Tensor:
        return x.view(x.size(0), x.size(1), self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, x: Tensor, mask: Optional[Tensor] = None) -> Tensor:
        batch, tokens, width = x.size(0), x.size(1), x.size(2)
        # Scaling q (as the reference does) rather than the [T, T] weights:
        # same result, and T times less work at the decoder's 485 tokens.
        q = self._split_heads(self.q_proj(x) * self.scale)
        k = self._split_heads(self.k_proj(x))
        v = self._split_heads(self.v_proj(x))
        weights = torch.matmul(q, k.transpose(-1, -2))
        if mask is not None:
            weights = weights + mask
        weights = torch.softmax(weights, dim=-1)
        out = torch.matmul(weights, v).transpose(1, 2).reshape(batch, tokens, width)
        return self.out_proj(out)


class ClipSegMLP(nn.Module):
    def __init__(self, hidden_size: int, intermediate_size: int, activation: str):
        super().__init__()
        self.activation_fn = make_activation(activation)
        self.fc1 = nn.Linear(hidden_size, intermediate_size)
        self.fc2 = nn.Linear(intermediate_size, hidden_size)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(self.activation_fn(self.fc1(x)))


class ClipSegEncoderLayer(nn.Module):
    """Pre-norm transformer layer of the CLIP text and vision towers."""

    def __init__(self, hidden_size: int, num_heads: int, intermediate_size: int, activation: str, eps: float):
        super().__init__()
        self.self_attn = ClipSegAttention(hidden_size, num_heads)
        self.layer_norm1 = nn.LayerNorm(hidden_size, eps=eps)
        self.mlp = ClipSegMLP(hidden_size, intermediate_size, activation)
        self.layer_norm2 = nn.LayerNorm(hidden_size, eps=eps)

    def forward(self, x: Tensor, mask: Optional[Tensor] = None) -> Tensor:
        x = x + self.self_attn(self.layer_norm1(x), mask)
        return x + self.mlp(self.layer_norm2(x))


class ClipSegDecoderLayer(nn.Module):
    """Post-norm layer of the CLIPSeg decoder (HF hard-codes ReLU here,
    whatever `decoder_hidden_act` says)."""

    def __init__(self, hidden_size: int, num_heads: int, intermediate_size: int, eps: float):
        super().__init__()
        self.self_attn = ClipSegAttention(hidden_size, num_heads)
        self.layer_norm1 = nn.LayerNorm(hidden_size, eps=eps)
        self.mlp = ClipSegMLP(hidden_size, intermediate_size, "relu")
        self.layer_norm2 = nn.LayerNorm(hidden_size, eps=eps)

    def forward(self, x: Tensor) -> Tensor:
        x = self.layer_norm1(x + self.self_attn(x))
        return self.layer_norm2(x + self.mlp(x))


class ClipSegEncoder(nn.Module):
    def __init__(self, hidden_size: int, num_heads: int, intermediate_size: int, activation: str,
                 eps: float, num_layers: int):
        super().__init__()
        self.layers = nn.ModuleList([
            ClipSegEncoderLayer(hidden_size, num_heads, intermediate_size, activation, eps)
            for _ in range(num_layers)
        ])

    def forward(self, x: Tensor, mask: Optional[Tensor] = None) -> Tensor:
        for layer in self.layers:
            x = layer(x, mask)
        return x

    def hidden_states(self, x: Tensor, num_layers: int) -> List[Tensor]:
        """[input, output of layer 0, ..., output of layer num_layers-1];
        the remaining layers are not run."""
        states = [x]
        for index, layer in enumerate(self.layers):
            # ModuleList loops are unrolled by TorchScript, so `break` is not
            # allowed; the condition skips the tail at run time instead.
            if index < num_layers:
                x = layer(x, None)
                states.append(x)
        return states


# --------------------------------------------------------------------------
# Towers
# --------------------------------------------------------------------------


class ClipSegTextEmbeddings(nn.Module):
    def __init__(self, config: TextConfig):
        super().__init__()
        self.token_embedding = nn.Embedding(config.vocab_size, config.hidden_size)
        self.position_embedding = nn.Embedding(config.max_position_embeddings, config.hidden_size)

    def forward(self, input_ids: Tensor) -> Tensor:
        length = input_ids.size(1)
        return self.token_embedding(input_ids) + self.position_embedding.weight[:length].unsqueeze(0)


class ClipSegTextTransformer(nn.Module):
    def __init__(self, config: TextConfig, pooling: str):
        super().__init__()
        self.embeddings = ClipSegTextEmbeddings(config)
        self.encoder = ClipSegEncoder(config.hidden_size, config.num_attention_heads, config.intermediate_size,
                                      config.hidden_act, config.layer_norm_eps, config.num_hidden_layers)
        self.final_layer_norm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        self.max_positions = config.max_position_embeddings
        self.pool_at_argmax = pooling == "argmax"
        self.mask_value = MASK_VALUE

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tuple[Tensor, Tensor]:
        """Returns (last_hidden_state [N,L,H], pooled [N,H])."""
        length = input_ids.size(1)
        if length > self.max_positions:
            raise RuntimeError("text input is longer than the context length")
        x = self.embeddings(input_ids)
        # Causal mask plus padding mask on key columns, as one additive mask.
        causal = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
        blocked = causal.unsqueeze(0).unsqueeze(0) | (attention_mask == 0).unsqueeze(1).unsqueeze(2)
        mask = torch.zeros(blocked.shape, dtype=x.dtype, device=x.device).masked_fill(blocked, self.mask_value)
        x = self.final_layer_norm(self.encoder(x, mask))
        if self.pool_at_argmax:
            positions = input_ids.argmax(dim=-1)
        else:
            # Highest index whose mask is 1 (the first maximum wins in argmax).
            index = torch.arange(length, device=x.device).unsqueeze(0)
            positions = (index * (attention_mask != 0).long()).argmax(dim=-1)
        pooled = x[torch.arange(x.size(0), device=x.device), positions]
        return x, pooled


class ConvStem(nn.Module):
    """3x3 stride-2 convolutions (GroupNorm + ReLU) down to the patch grid,
    then a 1x1 projection to the hidden width (Xiao et al. 2021, "Early
    Convolutions Help Transformers See Better").  GroupNorm, not BatchNorm:
    training batches mix scenes and visual-prompt crops, and the exported
    model must not depend on batch statistics."""

    # channels after each stride-2 convolution, by total stride
    WIDTHS = {8: (24, 48, 64), 16: (16, 32, 48, 64)}

    def __init__(self, channels: int, hidden_size: int, patch_size: int):
        super().__init__()
        layers: List[nn.Module] = []
        previous = channels
        for width in self.WIDTHS[patch_size]:
            layers += [nn.Conv2d(previous, width, kernel_size=3, stride=2, padding=1, bias=False),
                       nn.GroupNorm(4, width), nn.ReLU()]
            previous = width
        layers.append(nn.Conv2d(previous, hidden_size, kernel_size=1))
        self.layers = nn.Sequential(*layers)

    def forward(self, x: Tensor) -> Tensor:
        return self.layers(x)


class ClipSegVisionEmbeddings(nn.Module):
    def __init__(self, config: VisionConfig):
        super().__init__()
        self.patch_size = config.patch_size
        self.grid_size = config.image_size // config.patch_size
        self.class_embedding = nn.Parameter(torch.zeros(config.hidden_size))
        self.patch_embedding: nn.Module = (
            ConvStem(config.num_channels, config.hidden_size, config.patch_size) if config.stem == "conv" else
            nn.Conv2d(config.num_channels, config.hidden_size, kernel_size=config.patch_size,
                      stride=config.patch_size, bias=False))
        self.position_embedding = nn.Embedding(self.grid_size * self.grid_size + 1, config.hidden_size)

    def position_embedding_for(self, height: int, width: int) -> Tensor:
        """Position table [1, 1+patches, D] for an input of height x width;
        the patch rows are resized bicubically when the grid differs."""
        table = self.position_embedding.weight.unsqueeze(0)
        rows, cols = height // self.patch_size, width // self.patch_size
        if rows * cols == self.grid_size * self.grid_size and height == width:
            return table
        dim = table.size(2)
        patches = table[:, 1:].reshape(1, self.grid_size, self.grid_size, dim).permute(0, 3, 1, 2)
        patches = F.interpolate(patches, size=(rows, cols), mode="bicubic", align_corners=False)
        patches = patches.permute(0, 2, 3, 1).reshape(1, rows * cols, dim)
        return torch.cat([table[:, :1], patches], dim=1)

    def forward(self, pixel_values: Tensor, position_embedding: Optional[Tensor] = None) -> Tensor:
        if position_embedding is None:
            position_embedding = self.position_embedding_for(pixel_values.size(2), pixel_values.size(3))
        patches = self.patch_embedding(pixel_values).flatten(2).transpose(1, 2)
        cls = self.class_embedding.view(1, 1, -1).expand(pixel_values.size(0), 1, -1)
        return torch.cat([cls, patches], dim=1) + position_embedding


class ClipSegVisionTransformer(nn.Module):
    def __init__(self, config: VisionConfig):
        super().__init__()
        self.embeddings = ClipSegVisionEmbeddings(config)
        self.pre_layrnorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)  # sic, HF name
        self.encoder = ClipSegEncoder(config.hidden_size, config.num_attention_heads, config.intermediate_size,
                                      config.hidden_act, config.layer_norm_eps, config.num_hidden_layers)
        self.post_layernorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)
        self.num_layers = config.num_hidden_layers

    def hidden_states(self, pixel_values: Tensor, position_embedding: Optional[Tensor] = None,
                      num_layers: int = -1) -> List[Tensor]:
        """HF `hidden_states`: [after pre_layrnorm, after layer 0, ...], up to
        `num_layers` layers (all when negative)."""
        if num_layers < 0:
            num_layers = self.num_layers
        x = self.pre_layrnorm(self.embeddings(pixel_values, position_embedding))
        return self.encoder.hidden_states(x, num_layers)

    def pool(self, last_hidden_state: Tensor) -> Tensor:
        return self.post_layernorm(last_hidden_state[:, 0])

    def forward(self, pixel_values: Tensor) -> Tuple[Tensor, Tensor]:
        """Returns (last_hidden_state, pooled) like HF."""
        last = self.hidden_states(pixel_values)[-1]
        return last, self.pool(last)


class ClipSegModel(nn.Module):
    """The `clip` sub-model: both towers and their projections."""

    def __init__(self, config: ClipSegConfig):
        super().__init__()
        self.text_model = ClipSegTextTransformer(config.text, config.text_pooling)
        self.vision_model = ClipSegVisionTransformer(config.vision)
        self.visual_projection = nn.Linear(config.vision.hidden_size, config.projection_dim, bias=False)
        self.text_projection = nn.Linear(config.text.hidden_size, config.projection_dim, bias=False)
        # Unused by segmentation; kept so HF state dicts load strictly.
        self.logit_scale = nn.Parameter(torch.tensor(2.6592))

    def get_text_features(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.text_projection(self.text_model(input_ids, attention_mask)[1])

    def get_image_features(self, pixel_values: Tensor, position_embedding: Optional[Tensor] = None) -> Tensor:
        last = self.vision_model.hidden_states(pixel_values, position_embedding)[-1]
        return self.visual_projection(self.vision_model.pool(last))


# --------------------------------------------------------------------------
# Decoder and full model
# --------------------------------------------------------------------------


class ClipSegDecoder(nn.Module):
    def __init__(self, config: ClipSegConfig):
        super().__init__()
        depth = len(config.extract_layers)
        self.conditional_layer = config.conditional_layer
        self.film_mul = nn.Linear(config.projection_dim, config.reduce_dim)
        self.film_add = nn.Linear(config.projection_dim, config.reduce_dim)
        patch = config.vision.patch_size
        if config.use_complex_transposed_convolution:
            kernel = patch // 4
            self.transposed_convolution = nn.Sequential(
                nn.Conv2d(config.reduce_dim, config.reduce_dim, kernel_size=3, padding=1),
                nn.ReLU(),
                nn.ConvTranspose2d(config.reduce_dim, config.reduce_dim // 2, kernel_size=kernel, stride=kernel),
                nn.ReLU(),
                nn.ConvTranspose2d(config.reduce_dim // 2, 1, kernel_size=kernel, stride=kernel),
            )
        else:
            self.transposed_convolution = nn.ConvTranspose2d(config.reduce_dim, 1, kernel_size=patch, stride=patch)
        self.reduces = nn.ModuleList([nn.Linear(config.vision.hidden_size, config.reduce_dim) for _ in range(depth)])
        self.layers = nn.ModuleList([
            ClipSegDecoderLayer(config.reduce_dim, config.decoder_num_attention_heads,
                                config.decoder_intermediate_size, config.vision.layer_norm_eps)
            for _ in range(depth)
        ])

    def forward(self, activations: List[Tensor], conditional: Tensor) -> Tensor:
        """activations: vision hidden states in extract-layer order, [B,T,D]
        with B == N or B == 1 (broadcast over the N prompts, never copied);
        conditional: [N,P].  Returns logits [N,H,W]."""
        count = len(activations)
        if count != len(self.layers):
            raise RuntimeError("decoder: wrong number of activations")
        output = torch.zeros(0)
        for index, (reduce, layer) in enumerate(zip(self.reduces, self.layers)):
            # The deepest activation feeds the first decoder layer.
            reduced = reduce(activations[count - 1 - index])
            output = reduced if index == 0 else reduced + output
            if index == self.conditional_layer:
                output = self.film_mul(conditional).unsqueeze(1) * output + self.film_add(conditional).unsqueeze(1)
            output = layer(output)
        batch = conditional.size(0)
        tokens = output.size(1) - 1
        side = int(math.sqrt(float(tokens)))
        if side * side != tokens:
            raise RuntimeError("decoder: the patch grid is not square")
        output = output[:, 1:].expand(batch, tokens, output.size(2))
        grid = output.permute(0, 2, 1).reshape(batch, output.size(2), side, side)
        return self.transposed_convolution(grid).squeeze(1)


class ClipSegForImageSegmentation(nn.Module):
    # The Python config is for Python callers only; newer TorchScript would
    # otherwise try to compile the dataclass.
    __jit_ignored_attributes__ = ["config"]

    def __init__(self, config: ClipSegConfig):
        super().__init__()
        config.validate()
        self.config = copy.deepcopy(config)
        self.clip = ClipSegModel(config)
        self.extract_layers: List[int] = list(config.extract_layers)
        self.decoder = ClipSegDecoder(config)

    @torch.jit.unused
    def forward(self, pixel_values: Tensor, input_ids: Optional[Tensor] = None,
                attention_mask: Optional[Tensor] = None, conditional_pixel_values: Optional[Tensor] = None,
                conditional_embeddings: Optional[Tensor] = None) -> Tensor:
        """HF forward semantics (eager only): logits [N,H,W] for pixel_values
        [B,3,H,W] with B == N or B == 1, conditioned on exactly one of text,
        a visual prompt or given embeddings."""
        if conditional_embeddings is None:
            if input_ids is not None:
                if attention_mask is None:
                    attention_mask = torch.ones_like(input_ids)
                conditional_embeddings = self.clip.get_text_features(input_ids, attention_mask)
            elif conditional_pixel_values is not None:
                conditional_embeddings = self.clip.get_image_features(conditional_pixel_values)
            else:
                raise ValueError("need input_ids, conditional_pixel_values or conditional_embeddings")
        states = self.clip.vision_model.hidden_states(pixel_values, None, max(self.extract_layers) + 1)
        activations = [states[layer + 1] for layer in self.extract_layers]
        return self.decoder(activations, conditional_embeddings)


# --------------------------------------------------------------------------
# State dicts
# --------------------------------------------------------------------------


def split_position_ids(state_dict: Dict[str, Tensor]) -> Tuple[Dict[str, Tensor], List[str]]:
    """Drops the int64 `*.position_ids` buffers that older HF checkpoints
    saved; returns (remaining state dict, dropped keys)."""
    kept, dropped = {}, []
    for key, value in state_dict.items():
        if key.endswith(".position_ids") and value.dtype == torch.int64:
            dropped.append(key)
        else:
            kept[key] = value
    return kept, dropped


def check_state_dict(model: nn.Module, state_dict: Dict[str, Tensor]) -> None:
    """Raises StateDictError naming the first missing, unexpected or
    mis-shaped key (in model order), so callers can report one clear line."""
    expected = model.state_dict()
    for key, value in expected.items():
        if key not in state_dict:
            raise StateDictError(f"missing key {key}")
        got = state_dict[key]
        if tuple(got.shape) != tuple(value.shape):
            raise StateDictError(f"key {key}: shape {list(got.shape)} does not match the config's {list(value.shape)}")
        if not got.is_floating_point():
            raise StateDictError(f"key {key}: dtype {got.dtype} is not a floating-point type")
    for key in state_dict:
        if key not in expected:
            raise StateDictError(f"unexpected key {key}")


def load_hf_state_dict(model: ClipSegForImageSegmentation, state_dict: Dict[str, Tensor]) -> None:
    """Loads an HF state dict (any float dtype, converted to float32) strictly."""
    state_dict, _ = split_position_ids(state_dict)
    check_state_dict(model, state_dict)
    model.load_state_dict({k: v.to(torch.float32) for k, v in state_dict.items()}, strict=True)


# --------------------------------------------------------------------------
# Deterministic random initialisation
# --------------------------------------------------------------------------


def random_init(model: nn.Module, seed: int) -> None:
    """Fills every parameter from one seeded generator, visiting
    named_parameters() in order.  Scaled so that a random model gives finite,
    prompt-dependent logits (the small `reduces` keep the FiLM path visible)."""
    generator = torch.Generator().manual_seed(seed)
    # A ConvTranspose2d weight is [in, out, k, k]; each output pixel of the
    # stride == kernel upsampling sees `in` inputs.
    transposed = {f"{name}.weight" for name, module in model.named_modules()
                  if isinstance(module, nn.ConvTranspose2d)}

    def normal(shape, std: float, mean: float = 0.0) -> Tensor:
        return torch.randn(shape, generator=generator) * std + mean

    with torch.no_grad():
        for name, param in model.named_parameters():
            if name.endswith("logit_scale"):
                param.fill_(2.6592)
            elif ".layer_norm" in name or "layrnorm" in name or "layernorm" in name:
                param.copy_(normal(param.shape, 0.1, 1.0) if name.endswith("weight") else normal(param.shape, 0.05))
            elif name.endswith("bias"):
                param.copy_(normal(param.shape, 0.05))
            elif "token_embedding" in name:
                param.copy_(normal(param.shape, 0.5))
            elif param.dim() < 2 or "position_embedding" in name:
                param.copy_(normal(param.shape, 0.2))
            else:
                fan_in = param.shape[0] if name in transposed else param[0].numel()
                scale = 0.2 if ".reduces." in name else 1.0
                param.copy_(normal(param.shape, scale / math.sqrt(fan_in)))
