#!/usr/bin/python3
"""Writes the benchmark's 640x480 photo-like test image (deterministic): a
gradient background, textured shapes and noise, so that PNG decoding and
resizing cost what they cost on a real photo.

  make_image.py OUT.png
"""

import sys

import numpy as np
from PIL import Image, ImageDraw


def main() -> int:
    rng = np.random.default_rng(15)
    h, w = 480, 640
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x / w * 200 + 30, y / h * 180 + 40, (x + y) / (w + h) * 150 + 60], axis=-1)
    image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x0, y0 = int(rng.integers(0, w - 120)), int(rng.integers(0, h - 120))
        box = (x0, y0, x0 + int(rng.integers(40, 200)), y0 + int(rng.integers(40, 200)))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    noisy = np.asarray(image).astype(np.int16) + rng.integers(-12, 13, (h, w, 3))
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
