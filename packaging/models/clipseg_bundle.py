"""The TorchScript module stored as `model.pt` in a PromptMask bundle.

One scripted module holds the weights once and exposes four methods that the
C++ runtime calls separately, so that one image encoding serves many prompts:

  encode_image(pixel_values [B,3,S,S] f32) -> List[[B,T,D]]  (extract layers)
  embed_image(pixel_values [B,3,S,S] f32)  -> [B,P]          (visual prompt)
  encode_text(input_ids [N,L] i64, attention_mask [N,L] i64) -> [N,P]
  decode(activations, conditional [N,P])   -> logits [N,S,S]

S is the bundle's input size (352).  The position table for S is interpolated
once here and stored as a buffer, so no bicubic resize runs at inference.
"""

from __future__ import annotations

from typing import List

import torch
from torch import Tensor, nn

from clipseg_model import ClipSegForImageSegmentation


class ClipSegBundle(nn.Module):
    def __init__(self, model: ClipSegForImageSegmentation, input_size: int = 352):
        super().__init__()
        patch = model.clip.vision_model.embeddings.patch_size
        if input_size % patch:
            raise ValueError(f"input size {input_size} is not a multiple of the patch size {patch}")
        self.model = model
        self.input_size = input_size
        self.extract_layers: List[int] = list(model.extract_layers)
        self.layers_needed = max(self.extract_layers) + 1
        with torch.no_grad():
            table = model.clip.vision_model.embeddings.position_embedding_for(input_size, input_size)
        self.register_buffer("vision_position_embedding", table.detach().clone())

    def _check_pixels(self, pixel_values: Tensor) -> None:
        if pixel_values.dim() != 4 or pixel_values.size(1) != 3 or pixel_values.size(2) != self.input_size \
                or pixel_values.size(3) != self.input_size:
            raise RuntimeError("pixel_values must be [B,3,S,S] with S = the bundle input size")

    @torch.jit.export
    def encode_image(self, pixel_values: Tensor) -> List[Tensor]:
        """Hidden states after each extract layer, in extract-layer order;
        layers past the last extract layer are not run."""
        self._check_pixels(pixel_values)
        states = self.model.clip.vision_model.hidden_states(
            pixel_values, self.vision_position_embedding, self.layers_needed)
        return [states[layer + 1] for layer in self.extract_layers]

    @torch.jit.export
    def embed_image(self, pixel_values: Tensor) -> Tensor:
        """visual_projection(post_layernorm(CLS)) after the full tower."""
        self._check_pixels(pixel_values)
        return self.model.clip.get_image_features(pixel_values, self.vision_position_embedding)

    @torch.jit.export
    def encode_text(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.model.clip.get_text_features(input_ids, attention_mask)

    @torch.jit.export
    def decode(self, activations: List[Tensor], conditional: Tensor) -> Tensor:
        """Logits [N,S,S]; activations of batch 1 are broadcast to the N
        prompts without copying the image encoding."""
        return self.model.decoder(activations, conditional)


def script_bundle(model: ClipSegForImageSegmentation, input_size: int = 352) -> torch.jit.ScriptModule:
    """Wraps an eval-mode model (float32 or dynamically quantized) and scripts it."""
    return torch.jit.script(ClipSegBundle(model.eval(), input_size))
