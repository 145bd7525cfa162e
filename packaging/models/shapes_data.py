"""Procedural synthetic-shapes data for the PromptMask embedded demo model.

Everything here is deterministic given a seed: ``render_scene(seed)`` always
returns the same image and the same exact ground-truth masks.

A scene is 1-6 shapes (circle, square, triangle, star, rectangle, ellipse,
hexagon, ring) in 8 colours on a varied background (flat, gradient, noise,
stripes, checker, low-contrast), image sizes 256-1024 px, aspect ratios from
3:4 to 4:3, optional mild blur / JPEG artefacts.  Shapes may overlap
(occlusion); the ground truth of a shape is its *visible* region, so the label
map (0 = background, i+1 = shape i) describes every mask exactly.

Also here: the prompt vocabulary / templates, the prompt sampler used for
training and evaluation, and the crop-blur-highlight visual-prompt rule in the
exact form the C++ engine implements it (OpenCV GaussianBlur).
"""

import math

import cv2
import numpy as np
from PIL import Image

SHAPES = ["circle", "square", "triangle", "star", "rectangle", "ellipse", "hexagon", "ring"]
MAX_SHAPES = 6  # per scene (label ids 1..MAX_SHAPES)
COLORS = {
    "red": (215, 35, 35),
    "green": (35, 160, 55),
    "blue": (35, 70, 215),
    "yellow": (240, 215, 40),
    "orange": (250, 135, 20),
    "purple": (135, 50, 175),
    "white": (245, 245, 245),
    "black": (20, 20, 20),
}
COLOR_NAMES = list(COLORS)

INPUT_SIZE = 352

# Scene seed ranges (render_scene seeds): training never touches the others.
TRAIN_SEEDS = 0                 # 0 .. n_train-1 (train_demo.py)
EVAL_SEEDS = 10_000_000         # held-out evaluation (eval_demo.py)
SUPPORT_SEEDS = 10_500_000      # held-out visual-prompt sources (eval_demo.py)
SAMPLE_SEEDS = 20_000_000       # resources/samples
VAL_SEEDS = 30_000_000          # in-training progress check and calibration (train_demo.py)

# Quality measures shared by training (validation, calibration) and evaluation: the
# issue's targets, and the area under which a mask counts as empty.
QUALITY_TARGETS = {"color_shape": 0.88, "shape": 0.80, "color": 0.90, "visual": 0.75, "absent": 0.90}
ABSENT_AREA = 0.005  # share of the image


def iou(pred, gt):
    """IoU of two boolean masks; 1 when both are empty."""
    union = np.logical_or(pred, gt).sum()
    return 1.0 if union == 0 else float(np.logical_and(pred, gt).sum() / union)


MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)

# Text prompt templates.  Kinds: color_shape, shape, color.
COLOR_SHAPE_TEMPLATES = ["{color} {shape}", "a {color} {shape}", "the {color} {shape}"]
# Bare "{color}" and the plural "{shape}s" are what people type first.
SHAPE_TEMPLATES = ["{shape}", "{shape}s"]
COLOR_TEMPLATES = ["{color} shape", "{color} object", "{color}"]


def all_prompt_texts():
    """Every text prompt the generator can produce (the SentencePiece corpus)."""
    out = []
    for c in COLOR_NAMES:
        for s in SHAPES:
            out += [t.format(color=c, shape=s) for t in COLOR_SHAPE_TEMPLATES]
    for s in SHAPES:
        out += [t.format(shape=s) for t in SHAPE_TEMPLATES]
    for c in COLOR_NAMES:
        out += [t.format(color=c) for t in COLOR_TEMPLATES]
    return out


# --------------------------------------------------------------------------
# geometry
# --------------------------------------------------------------------------

def _regular_polygon(n, radius, phase=0.0):
    a = phase + np.arange(n) * 2 * math.pi / n
    return np.stack([np.cos(a), np.sin(a)], 1) * radius


def _star(radius, inner_ratio):
    a = -math.pi / 2 + np.arange(10) * math.pi / 5
    r = np.where(np.arange(10) % 2 == 0, radius, radius * inner_ratio)
    return np.stack([np.cos(a) * r, np.sin(a) * r], 1)


def shape_polygons(kind, size, aspect, extra):
    """Unrotated, centred outline(s) of a shape.  Returns (outer, hole_or_None).

    ``size`` is the long extent of the unrotated shape in pixels.
    """
    r = size / 2.0
    hole = None
    if kind == "circle":
        outer = _regular_polygon(96, r)
    elif kind == "ellipse":
        outer = _regular_polygon(96, 1.0) * np.array([r, r / aspect])
    elif kind == "square":
        outer = np.array([[-r, -r], [r, -r], [r, r], [-r, r]], dtype=np.float64)
    elif kind == "rectangle":
        outer = np.array([[-r, -r], [r, -r], [r, r], [-r, r]], dtype=np.float64) * np.array([1.0, 1.0 / aspect])
    elif kind == "triangle":
        outer = _regular_polygon(3, r, -math.pi / 2)
        outer[:, 1] += r * 0.25  # centre the bounding box vertically
        outer = outer * np.array([1.0, aspect])
    elif kind == "hexagon":
        outer = _regular_polygon(6, r) * np.array([1.0, aspect])
    elif kind == "star":
        outer = _star(r, extra) * np.array([1.0, aspect])
    elif kind == "ring":
        outer = _regular_polygon(96, r)
        hole = _regular_polygon(96, r * extra)
    else:
        raise ValueError(kind)
    return outer, hole


def _transform(poly, cx, cy, angle):
    c, s = math.cos(angle), math.sin(angle)
    rot = np.array([[c, -s], [s, c]])
    return poly @ rot.T + np.array([cx, cy])


def rasterize(kind, cx, cy, size, angle, aspect, extra, h, w):
    outer, hole = shape_polygons(kind, size, aspect, extra)
    mask = np.zeros((h, w), np.uint8)
    pts = np.round(_transform(outer, cx, cy, angle) * 16).astype(np.int32)
    cv2.fillPoly(mask, [pts], 1, lineType=cv2.LINE_8, shift=4)
    if hole is not None:
        pts = np.round(_transform(hole, cx, cy, angle) * 16).astype(np.int32)
        cv2.fillPoly(mask, [pts], 0, lineType=cv2.LINE_8, shift=4)
    return mask.astype(bool)


# --------------------------------------------------------------------------
# backgrounds
# --------------------------------------------------------------------------

def _muted_color(rng):
    """A low-saturation colour so that backgrounds never read as a palette colour."""
    hsv = np.uint8([[[rng.integers(0, 180), rng.integers(0, 70), rng.integers(40, 246)]]])
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)[0, 0].astype(np.float32)


def make_background(rng, h, w, low_contrast_color=None):
    kind = rng.choice(["flat", "gradient", "noise", "stripes", "checker"], p=[0.2, 0.25, 0.2, 0.175, 0.175])
    if low_contrast_color is not None:
        base = np.array(low_contrast_color, np.float32)
        gray = np.float32(rng.uniform(60, 200))
        c1 = base + rng.uniform(0.45, 0.65) * (gray - base)
        c2 = c1 + rng.uniform(-20, 20, 3).astype(np.float32)
        kind = rng.choice(["flat", "gradient", "noise"])
    else:
        c1, c2 = _muted_color(rng), _muted_color(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "flat":
        img = np.broadcast_to(c1, (h, w, 3)).astype(np.float32)
    elif kind == "gradient":
        a = rng.uniform(0, 2 * math.pi)
        t = xx * math.cos(a) + yy * math.sin(a)
        t = (t - t.min()) / max(1e-6, t.max() - t.min())
        img = c1 * (1 - t[..., None]) + c2 * t[..., None]
    elif kind == "noise":
        cell = int(rng.integers(1, 24))
        small = rng.normal(0, 1, (max(1, h // cell), max(1, w // cell), 3)).astype(np.float32)
        noise = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
        img = c1 + noise * rng.uniform(6, 28)
    elif kind == "stripes":
        a = rng.uniform(0, math.pi)
        period = rng.uniform(8, 48)
        t = xx * math.cos(a) + yy * math.sin(a)
        m = ((t / period) % 1.0) < 0.5
        img = np.where(m[..., None], c1, c2)
    else:  # checker
        cell = rng.uniform(8, 56)
        m = ((np.floor(xx / cell) + np.floor(yy / cell)) % 2) == 0
        img = np.where(m[..., None], c1, c2)
    return np.clip(img, 0, 255).astype(np.float32), kind


# --------------------------------------------------------------------------
# scenes
# --------------------------------------------------------------------------

def _color_dist(a, b):
    return float(np.sqrt(((np.asarray(a, np.float32) - np.asarray(b, np.float32)) ** 2).sum()))


def render_scene(seed, size=None):
    """Deterministic scene.  Returns dict(image=HxWx3 uint8, labels=HxW uint8, shapes=[...]).

    ``shapes[i]`` has keys shape, color, box (x0, y0, x1, y1 exclusive, of the
    visible region), area (visible pixels); its mask is ``labels == i + 1``.
    """
    rng = np.random.default_rng([20240601, int(seed)])
    if size is None:
        short = int(rng.integers(256, 769))
        ar = math.exp(rng.uniform(math.log(0.75), math.log(4 / 3)))
        long_ = min(1024, int(round(short * max(ar, 1 / ar))))
        h, w = (short, long_) if ar >= 1 else (long_, short)
    else:
        w, h = size
    short = min(h, w)
    n_shapes = int(rng.integers(1, MAX_SHAPES + 1))
    low_contrast = rng.random() < 0.15
    colors = [COLOR_NAMES[i] for i in rng.integers(0, len(COLOR_NAMES), n_shapes)]
    bg, bg_kind = make_background(rng, h, w, COLORS[colors[0]] if low_contrast else None)
    bg_mean = bg.reshape(-1, 3).mean(0)

    labels = np.zeros((h, w), np.uint8)
    img = bg
    shapes = []
    for i in range(n_shapes):
        for attempt in range(30):
            color = colors[i] if attempt < 10 else COLOR_NAMES[int(rng.integers(0, 8))]
            min_dist = 35 if (low_contrast and i == 0) else 70
            if _color_dist(COLORS[color], bg_mean) < min_dist:
                continue
            kind = SHAPES[int(rng.integers(0, len(SHAPES)))]
            size = rng.uniform(0.05, 0.40) * short
            angle = rng.uniform(0, 2 * math.pi)
            aspect, extra = 1.0, 0.0
            if kind in ("ellipse", "rectangle"):
                aspect = rng.uniform(1.8, 2.8)
            elif kind in ("triangle", "hexagon", "star"):
                aspect = rng.uniform(0.85, 1.15)
            if kind == "star":
                extra = rng.uniform(0.38, 0.5)
            elif kind == "ring":
                extra = rng.uniform(0.45, 0.62)
                size = max(size, 0.08 * short)
            elif kind in ("square", "circle", "hexagon"):
                angle = angle if kind != "circle" else 0.0
            cx = rng.uniform(size * 0.3, w - size * 0.3)
            cy = rng.uniform(size * 0.3, h - size * 0.3)
            m = rasterize(kind, cx, cy, size, angle, aspect, extra, h, w)
            area = int(m.sum())
            if area < 40:
                continue
            # visible area of the new shape (partially outside the image is ok up to 30 %)
            outer, hole = shape_polygons(kind, size, aspect, extra)
            full = cv2.contourArea(outer.astype(np.float32)) - (
                cv2.contourArea(hole.astype(np.float32)) if hole is not None else 0.0)
            if area < 0.7 * full:
                continue
            # occlusion limits: earlier shapes keep >= 55 % of their visible area, never touch a same-colour shape
            ok = True
            for j, s in enumerate(shapes):
                vis = labels == j + 1
                cover = int((vis & m).sum())
                if cover and (s["color"] == color or (s["area"] - cover) < 0.55 * s["area"] or s["area"] - cover < 40):
                    ok = False
                    break
                if s["color"] == color:
                    grown = cv2.dilate(vis.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
                    if (grown & m).any():
                        ok = False
                        break
            if not ok:
                continue
            jitter = rng.uniform(-12, 12, 3)
            col = np.clip(np.array(COLORS[color], np.float32) + jitter, 0, 255)
            shade = rng.random() < 0.3
            if shade:  # mild lighting gradient across the shape
                a = rng.uniform(0, 2 * math.pi)
                yy, xx = np.nonzero(m)
                t = ((xx - cx) * math.cos(a) + (yy - cy) * math.sin(a)) / max(size, 1)
                img[yy, xx] = np.clip(col + (t * rng.uniform(10, 40))[:, None], 0, 255)
            else:
                img[m] = col
            labels[m] = i + 1
            for j, s in enumerate(shapes):
                s["area"] = int((labels == j + 1).sum())
            shapes.append({"shape": kind, "color": color, "area": area, "full_area": area})
            break
        else:
            shapes.append(None)  # placeholder: keep label numbering consistent
            continue
    # drop failed placements, renumber labels
    remap = np.zeros(len(shapes) + 1, np.uint8)
    kept = []
    for i, s in enumerate(shapes):
        if s is not None:
            kept.append(s)
            remap[i + 1] = len(kept)
    labels = remap[labels]
    for i, s in enumerate(kept):
        ys, xs = np.nonzero(labels == i + 1)
        s["area"] = int(len(xs))
        s["box"] = [int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1]

    img = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.3:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.4, 1.0))
    if rng.random() < 0.4:
        q = int(rng.integers(55, 93))
        ok, buf = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, q])
        img = cv2.imdecode(buf, cv2.IMREAD_COLOR)[..., ::-1].copy()
    return {"image": img, "labels": labels, "shapes": kept, "background": str(bg_kind),
            "low_contrast": bool(low_contrast)}


# --------------------------------------------------------------------------
# prompts
# --------------------------------------------------------------------------

def target_ids(shapes, color=None, shape=None):
    return [i + 1 for i, s in enumerate(shapes)
            if (color is None or s["color"] == color) and (shape is None or s["shape"] == shape)]


def sample_text_prompt(scene, rng, kind):
    """kind in color_shape / shape / color / absent.  Returns (text, label ids)."""
    shapes = scene["shapes"]
    if kind == "absent":
        sub = rng.choice(["color_shape", "shape", "color"], p=[0.6, 0.2, 0.2])
        for _ in range(100):
            c = COLOR_NAMES[int(rng.integers(0, 8))]
            s = SHAPES[int(rng.integers(0, 8))]
            if sub == "color_shape" and not target_ids(shapes, c, s):
                t = COLOR_SHAPE_TEMPLATES[int(rng.integers(0, 3))]
                return t.format(color=c, shape=s), []
            if sub == "shape" and not target_ids(shapes, None, s):
                return SHAPE_TEMPLATES[int(rng.integers(0, len(SHAPE_TEMPLATES)))].format(shape=s), []
            if sub == "color" and not target_ids(shapes, c, None):
                return COLOR_TEMPLATES[int(rng.integers(0, len(COLOR_TEMPLATES)))].format(color=c), []
        return None, []
    s0 = shapes[int(rng.integers(0, len(shapes)))]
    if kind == "color_shape":
        t = COLOR_SHAPE_TEMPLATES[int(rng.integers(0, 3))]
        return t.format(color=s0["color"], shape=s0["shape"]), target_ids(shapes, s0["color"], s0["shape"])
    if kind == "shape":
        t = SHAPE_TEMPLATES[int(rng.integers(0, len(SHAPE_TEMPLATES)))]
        return t.format(shape=s0["shape"]), target_ids(shapes, None, s0["shape"])
    if kind == "color":
        t = COLOR_TEMPLATES[int(rng.integers(0, len(COLOR_TEMPLATES)))]
        return t.format(color=s0["color"]), target_ids(shapes, s0["color"], None)
    raise ValueError(kind)


# --------------------------------------------------------------------------
# preprocessing (must match the C++ engine)
# --------------------------------------------------------------------------

def _round_half_up(v):
    return int(math.floor(v + 0.5))


def context_box(box, h, w):
    x0, y0, x1, y1 = box
    dx = _round_half_up(0.1 * (x1 - x0))
    dy = _round_half_up(0.1 * (y1 - y0))
    return max(0, x0 - dx), max(0, y0 - dy), min(w, x1 + dx), min(h, y1 + dy)


def crop_blur_highlight(image, box):
    """Visual-prompt crop: context box (+10 %), background blurred (sigma 3, 19x19) and
    darkened to 10 %, the box itself kept sharp.  ``box`` = (x0, y0, x1, y1), x1/y1 exclusive."""
    h, w = image.shape[:2]
    cx0, cy0, cx1, cy1 = context_box(box, h, w)
    crop = np.ascontiguousarray(image[cy0:cy1, cx0:cx1])
    blurred = cv2.GaussianBlur(crop, (19, 19), 3)
    out = np.clip(np.rint(blurred.astype(np.float32) * 0.1), 0, 255).astype(np.uint8)
    bx0, by0 = max(box[0], cx0) - cx0, max(box[1], cy0) - cy0
    bx1, by1 = min(box[2], cx1) - cx0, min(box[3], cy1) - cy0
    out[by0:by1, bx0:bx1] = crop[by0:by1, bx0:bx1]
    return out


def resize_352(image):
    """uint8 HxWx3 -> uint8 352x352x3 with PIL bilinear (the engine's resize)."""
    return np.asarray(Image.fromarray(image).resize((INPUT_SIZE, INPUT_SIZE), Image.BILINEAR))


def normalize(batch_uint8):
    """uint8 [..., H, W, 3] numpy -> float32 [..., 3, H, W] normalised."""
    x = batch_uint8.astype(np.float32) / 255.0
    x = (x - MEAN) / STD
    return np.moveaxis(x, -1, -3)


def labels_352(labels):
    return cv2.resize(labels, (INPUT_SIZE, INPUT_SIZE), interpolation=cv2.INTER_NEAREST)
