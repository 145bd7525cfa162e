#!/usr/bin/env python3
"""Image → Auto-Label Dataset… in a real X window, started by its shortcut, the way a person does it.

The real `promptmask` binary with the demo model on a copy of the sample images (the same session as
keyboard_loop.py: Xvfb, openbox, a clean environment, keys through xdotool to the focused window). One
prompt is typed, the first image is saved and marked done by hand (Ctrl+Enter), then Ctrl+Shift+A opens
the dialog and Enter starts the run over the images without a saved annotation. Checked on disk: every
other image gets a labelme file with the prompt's label and its provenance, the image marked done keeps
its file byte for byte, and the summary window appears. Screenshots of each step are kept.

Usage: auto_label.py APP SAMPLES_DIR ARTIFACTS_DIR
Every wait is a poll with a generous deadline: nothing here measures speed.
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keyboard_loop import StepFailed, run_scenario  # noqa: E402

RUN_DEADLINE_S = 240.0  # the whole run on a busy 2-core machine; normally a few seconds


def wait_long(s, what, condition):
    end = time.monotonic() + RUN_DEADLINE_S
    while time.monotonic() < end:
        if s.app.poll() is not None:
            raise StepFailed(f"{what}: the app exited with code {s.app.returncode}")
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    s.screenshot("FAILED")
    raise StepFailed(f"{what}: not seen within {RUN_DEADLINE_S:.0f} s. Window title: '{s.title()}'")


def run(s):
    s.win = s.wait_for("the PromptMask window", lambda: next(
        (w for w in s.windows() if s.xdotool("getwindowname", w, check=False).startswith("PromptMask")), None))
    s.wait_for("first image and demo model in the title",
               lambda: s.title() == "PromptMask — shapes_00.png — demo: synthetic shapes")
    s.key("t")
    s.type("white ring")
    s.key("Return")
    s.wait_for("the prompt 'white ring' in labels.json",
               lambda: (s.labels() or [{}])[0].get("prompts") == ["white ring"])

    done_file = s.dataset / "shapes_00.json"
    s.key("ctrl+Return")
    s.wait_for("Ctrl+Enter: shapes_00.png saved and marked done", done_file.exists)
    s.wait_for("Ctrl+Enter: the next image in the title", s.title_shows("shapes_01.png"))
    done_bytes = done_file.read_bytes()
    images = sorted(p for p in s.dataset.iterdir() if p.suffix in (".png", ".jpg"))
    others = [p for p in images if p.name != "shapes_00.png"]

    s.key("ctrl+shift+a")
    dialog = s.wait_for("Ctrl+Shift+A: the Auto-Label Dataset dialog", lambda: next(
        (w for w in s.windows() if s.xdotool("getwindowname", w, check=False) == "Auto-Label Dataset"), None))
    s.screenshot("dialog")
    s.key("Return", window=dialog)  # Start; the preselected scope is the images without an annotation

    def summary_window():
        return next((w for w in s.windows()
                     if w != dialog and s.xdotool("getwindowname", w, check=False) == "Auto-Label Dataset"),
                    None)

    wait_long(s, "every other image auto-labelled",
              lambda: all(p.with_suffix(".json").exists() for p in others))
    summary = wait_long(s, "the summary window", summary_window)
    s.screenshot("summary")

    if done_file.read_bytes() != done_bytes:
        raise StepFailed("the image marked done was written again")
    found = 0
    for p in others:
        saved = json.loads(p.with_suffix(".json").read_text())
        if saved.get("imagePath") != p.name:
            raise StepFailed(f"{p.with_suffix('.json').name} does not describe {p.name}")
        for shape in saved.get("shapes", []):
            if shape.get("label") != "white ring":
                raise StepFailed(f"{p.name}: a shape labelled {shape.get('label')!r}")
            if "white ring" not in json.dumps(shape.get("promptmask", {})):
                raise StepFailed(f"{p.name}: a shape without its provenance: {json.dumps(shape)[:300]}")
            found += 1
    if found == 0:
        raise StepFailed("the run wrote files but found no white ring in any of the sample images")

    s.key("Return", window=summary)
    s.wait_for("the summary closed", lambda: summary not in s.windows())
    s.quit()
    return found


def main():
    return run_scenario(__doc__, run, lambda s, found: f"auto-labelled the samples from the keyboard ({found} "
                        f"shapes; {s.step} screenshots in {s.artifacts})")


if __name__ == "__main__":
    sys.exit(main())
