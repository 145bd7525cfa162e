#!/usr/bin/env python3
"""The Prompt lab in a real X window, the way a person meets it.

Runs the real `promptmask` binary from a clean environment on a copy of the sample images (the demo model
found beside the sources) under Xvfb and openbox, as keyboard_loop.py does, and uses only the keyboard:
L opens the lab with the keyboard in its prompt field, a candidate is typed, Enter adds it and gives the
keyboard back to the canvas. Three candidates make three tiles. The tiles are read back from screenshots,
as a person sees them: a tile whose heat map is ready has a teal frame (LabTile::kFrameColor, a colour
nothing else in the window uses), so the test counts teal frames and checks that the three pictures
differ (three prompts, three maps). The screenshot of the lab is kept in the artifacts folder.

Usage: prompt_lab.py APP SAMPLES_DIR ARTIFACTS_DIR
Every wait is a poll with a generous deadline: nothing here measures speed.
"""
import shutil
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keyboard_loop import StepFailed, run_scenario  # noqa: E402

FRAME = (0x1F, 0xA3, 0xA3)  # LabTile::kFrameColor: a tile with its map
PENDING = (0x7F, 0x7F, 0x86)  # LabTile::kPendingFrameColor: a tile still decoding
MIN_SIDE = 100  # a tile is 176 px wide and taller than that; nothing else draws long teal lines
# shapes_00.png holds one green ellipse: two candidates find it, one finds nothing there.
CANDIDATES = ["green ellipse", "red ellipse", "ellipse"]


def tiles(shot, colors=(FRAME,)):
    """The tiles framed in one of `colors` in a screenshot: (x0, y0, x1, y1) of each, in reading order."""
    mask = np.zeros(shot.shape[:2], dtype=bool)
    for color in colors:
        mask |= np.all(shot == np.array(color, dtype=np.int16), axis=2)
    found = []
    ys, xs = np.nonzero(mask & ~np.roll(mask, 1, axis=1) & ~np.roll(mask, 1, axis=0))
    for y, x in zip(ys, xs):
        right = x
        while right + 1 < mask.shape[1] and mask[y, right + 1]:
            right += 1
        bottom = y
        while bottom + 1 < mask.shape[0] and mask[bottom + 1, x]:
            bottom += 1
        if right - x >= MIN_SIDE and bottom - y >= MIN_SIDE:
            found.append((x, y, right, bottom))
    return sorted(found, key=lambda b: (b[1], b[0]))


def picture(shot, box):
    """The heat-map picture of a tile: the square under its top frame edge."""
    x0, y0, x1, _ = box
    return shot[y0 + 8:y0 + 8 + 140, x0 + 8:x1 - 8]


def hot_pixels(picture):
    """Pixels in the upper part of the heat map's ramp (green to yellow, probability above about 0.6, blended
    over the image): where the model finds its prompt. Not only the yellow end: how sure a model is of a
    found shape differs between demo models, the mask it draws at 0.5 does not."""
    r, g, b = picture[..., 0], picture[..., 1], picture[..., 2]
    return int(((r > 60) & (g > 150) & (b < 130)).sum())


def run(s):
    s.win = s.wait_for("the PromptMask window", lambda: next(
        (w for w in s.windows() if s.xdotool("getwindowname", w, check=False).startswith("PromptMask")), None))
    s.wait_for("first image and demo model in the title",
               lambda: s.title() == "PromptMask — shapes_00.png — demo: synthetic shapes")
    if tiles(s.screenshot("start")):
        raise StepFailed("lab tiles are on screen before the lab was opened")

    for n, text in enumerate(CANDIDATES, start=1):
        s.key("l")  # the canvas has the keyboard: L opens the lab and puts it in the prompt field
        s.type(text)
        s.key("Return")  # adds the candidate and gives the keyboard back to the canvas
        s.wait_for(f"{n} finished tile(s) after typing '{text}'",
                   lambda n=n: len(tiles(s.screenshot(f"candidate-{n}"))) == n)
    shot = s.screenshot("prompt-lab")
    boxes = tiles(shot)
    if len(boxes) != 3:
        raise StepFailed(f"expected 3 tiles, saw {len(boxes)}: {boxes}")
    # Each tile shows its own map: a hot (yellow) spot where its prompt finds the green ellipse, none for
    # the red ellipse, which is not in the image.
    hot = [hot_pixels(picture(shot, b)) for b in boxes]
    if not (hot[0] >= 20 and hot[2] >= 20 and hot[1] < 5):
        raise StepFailed(f"hot pixels per tile {hot}: expected a hot spot in tiles 1 and 3 only")
    shutil.copy(s.artifacts / f"{s.step:02d}-prompt-lab.png", s.artifacts / "prompt-lab.png")

    # Enter gave the keyboard back: D is a command again. The lab follows to the next image.
    s.key("d")
    s.wait_for("D: the next image in the title", s.title_shows("shapes_01.png"))
    s.wait_for("3 finished tiles on the next image", lambda: len(tiles(s.screenshot("next-image"))) == 3)

    # Esc leaves the lab's field without adding what was typed; the next letter is a command again.
    s.key("l")
    s.type("junk")
    s.key("Escape")
    s.key("a")
    s.wait_for("Esc, then A: the previous image in the title", s.title_shows("shapes_00.png"))
    # Keys are handled in order: a candidate added by Esc would have its tile (grey while it decodes)
    # before A changed the image.
    if len(tiles(s.screenshot("after-escape"), (FRAME, PENDING))) != 3:
        raise StepFailed("Esc added the text typed as a candidate")

    s.quit()


def main():
    return run_scenario(__doc__, run, lambda s, _: "three candidates typed, three tiles seen "
                        f"({s.artifacts / 'prompt-lab.png'})")


if __name__ == "__main__":
    sys.exit(main())
