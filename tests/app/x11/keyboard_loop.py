#!/usr/bin/env python3
"""The keyboard loop of docs/USER_GUIDE.md, in a real X window, the way a person meets it.

Starts its own Xvfb, runs the real `promptmask` binary from a clean environment on a temporary copy of the
sample images (README command 1: the demo model is found beside the sources), under a window manager
(openbox), and presses keys with xdotool into the WINDOW that has the keyboard: they reach whatever widget
has the focus, as keyboard keys do. The mouse is used only for what a person does with it (the box drag). State is read back from what the app writes
(<dataset>/.promptmask/labels.json, the saved annotation) and from the window title; the canvas is read
from screenshots only where nothing else shows it (the heat map). Screenshots of every step are kept in
the artifacts folder.

Usage: keyboard_loop.py APP SAMPLES_DIR ARTIFACTS_DIR
Every wait is a poll with a generous deadline: nothing here measures speed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

DEADLINE_S = 25.0  # per step; the whole loop normally takes a few seconds
CANVAS_BACKGROUND = (0x30, 0x30, 0x33)  # CanvasView's background brush: finds the canvas in a screenshot


class StepFailed(Exception):
    pass


def require(tool):
    if shutil.which(tool) is None:
        sys.exit(f"keyboard_loop: '{tool}' not found; run packaging/install-deps.sh (it installs xvfb, "
                 "openbox, x11-utils, xdotool and imagemagick)")


class Session:
    def __init__(self, app, samples, artifacts):
        self.artifacts = artifacts
        self.step = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="pm-x11-"))
        self.dataset = self.tmp / "samples"
        shutil.copytree(samples, self.dataset, ignore=shutil.ignore_patterns(".promptmask", "*.json"))
        self.labels_file = self.dataset / ".promptmask" / "labels.json"
        self.xvfb = self._start_xvfb()
        self.env = self._clean_env()
        self.wm = self._start_window_manager()
        self.app_log = open(self.artifacts / "promptmask.log", "w")
        self.app = subprocess.Popen([app, str(self.dataset)], env=self.env, stdout=self.app_log,
                                    stderr=subprocess.STDOUT, cwd=self.tmp)
        self.win = None

    # --- setup -------------------------------------------------------------------------------------
    def _start_xvfb(self):
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                                stdout=subprocess.DEVNULL, stderr=open(self.artifacts / "xvfb.log", "w"))
        os.close(write_fd)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read_fd, 16)
            if not chunk:
                raise StepFailed("Xvfb did not start (see xvfb.log)")
            number += chunk
        os.close(read_fd)
        self.display = ":" + number.decode().strip()
        return xvfb

    def _start_window_manager(self):
        # A person's desktop has one: it gives a window that opens (or comes back when a dialog
        # closes) the keyboard. Without one, X focus and Qt's idea of the active window drift apart.
        wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env, stdout=subprocess.DEVNULL,
                              stderr=open(self.artifacts / "openbox.log", "w"))
        end = time.monotonic() + DEADLINE_S
        while time.monotonic() < end:  # managing: it has set the EWMH check window on the root
            probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env={"DISPLAY": self.display},
                                   capture_output=True, text=True)
            if "window id" in probe.stdout:
                return wm
            time.sleep(0.1)
        raise StepFailed("openbox did not start (see openbox.log)")

    def _clean_env(self):
        # As a user starts it: none of CTest's variables, a fresh home (no configured model, no settings).
        home = self.tmp / "home"
        runtime = self.tmp / "runtime"
        home.mkdir()
        runtime.mkdir(mode=0o700)
        return {"DISPLAY": self.display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                "QT_QPA_PLATFORM": "xcb"}

    def quit(self):
        """Ctrl+Q, as a person quits; the app must exit cleanly."""
        self.key("ctrl+q")
        end = time.monotonic() + DEADLINE_S
        while self.app.poll() is None and time.monotonic() < end:
            time.sleep(0.1)
        if self.app.returncode != 0:
            raise StepFailed(f"Ctrl+Q: the app did not exit cleanly (code {self.app.returncode})")

    def close(self):
        if self.app.poll() is None:
            self.app.kill()
            self.app.wait()
        self.app_log.close()
        self.wm.terminate()
        self.wm.wait()
        self.xvfb.terminate()
        self.xvfb.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- X -----------------------------------------------------------------------------------------
    def xdotool(self, *args, check=True):
        result = subprocess.run(["xdotool", *map(str, args)], env={"DISPLAY": self.display},
                                capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise StepFailed(f"xdotool {' '.join(map(str, args))}: {result.stderr.strip()}")
        return result.stdout.strip()

    # Keys go in through the X server's keyboard (XTEST) to the window that has the keyboard focus,
    # as a person's keys do, after checking that it is the window meant. Not `xdotool key --window`:
    # synthetic events carry their own modifier state, and a Ctrl release that lands in a window
    # blocked by a modal dialog leaves Qt believing Ctrl is still down (Esc then reads Ctrl+Esc).
    def focus_on(self, window):
        self.wait_for(f"the keyboard on window {window}",
                      lambda: self.xdotool("getwindowfocus", check=False) == str(window))

    def key(self, *keys, window=None):
        self.focus_on(window or self.win)
        self.xdotool("key", "--delay", 40, *keys)

    def type(self, text):
        self.focus_on(self.win)
        self.xdotool("type", "--delay", 40, text)

    def title(self):
        return self.xdotool("getwindowname", self.win, check=False)

    def windows(self):
        out = self.xdotool("search", "--onlyvisible", "--pid", self.app.pid, check=False)
        return [w for w in out.split() if w]

    def screenshot(self, name):
        self.step += 1
        path = self.artifacts / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env={"DISPLAY": self.display}, check=True,
                       timeout=30)
        return np.asarray(Image.open(path).convert("RGB")).astype(np.int16)

    def drag(self, start, end):
        self.xdotool("mousemove", *start)
        self.xdotool("mousedown", 1)
        for i in range(1, 9):
            x = start[0] + (end[0] - start[0]) * i // 8
            y = start[1] + (end[1] - start[1]) * i // 8
            self.xdotool("mousemove", x, y)
        self.xdotool("mouseup", 1)

    # --- waiting and reading state -----------------------------------------------------------------
    def wait_for(self, what, condition):
        end = time.monotonic() + DEADLINE_S
        while time.monotonic() < end:
            if self.app.poll() is not None:
                raise StepFailed(f"{what}: the app exited with code {self.app.returncode}")
            value = condition()
            if value:
                return value
            time.sleep(0.1)
        self.screenshot("FAILED")
        raise StepFailed(f"{what}: not seen within {DEADLINE_S:.0f} s. Window title: '{self.title()}'. "
                         f"labels.json: {self.labels_text()}")

    def labels_text(self):
        try:
            return self.labels_file.read_text()
        except OSError:
            return "(none)"

    def labels(self):
        try:
            return json.loads(self.labels_file.read_text())["labels"]
        except (OSError, ValueError, KeyError):
            return None  # not written yet, or being replaced

    def title_shows(self, image):
        return lambda: f" — {image} — " in self.title()


def canvas_box(shot):
    """The canvas' rectangle (x0, y0, x1, y1) in a screenshot: the extent of its background colour."""
    mask = np.all(shot == np.array(CANVAS_BACKGROUND, dtype=np.int16), axis=2)
    ys, xs = np.nonzero(mask)
    if len(xs) < 1000:
        raise StepFailed("the canvas cannot be found in the screenshot")
    return xs.min(), ys.min(), xs.max(), ys.max()


def centre_square(box, fraction):
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    half = int(min(x1 - x0, y1 - y0) * fraction / 2)
    return cx - half, cy - half, cx + half, cy + half


def changed_fraction(a, b, region):
    x0, y0, x1, y1 = region
    diff = np.abs(a[y0:y1, x0:x1] - b[y0:y1, x0:x1]).max(axis=2)
    return float((diff > 8).mean())


def run(s):
    s.win = s.wait_for("the PromptMask window", lambda: next(
        (w for w in s.windows() if s.xdotool("getwindowname", w, check=False).startswith("PromptMask")), None))
    model = "demo: synthetic shapes"
    s.wait_for("first image and demo model in the title",
               lambda: s.title() == f"PromptMask — shapes_00.png — {model}")
    s.screenshot("start")

    # T at start: the canvas has the focus, so T opens the prompt field (and never types into a filter).
    s.key("t")
    s.type("white ring")
    s.key("Return")
    s.wait_for("label 1 with the prompt 'white ring' in labels.json",
               lambda: (s.labels() or [{}])[0].get("prompts") == ["white ring"])
    s.screenshot("first-prompt")

    # Enter gave the canvas the focus back: Ctrl+L and T work at once.
    s.key("ctrl+l")
    s.key("t")
    s.type("red ellipse")
    s.key("Return")
    s.wait_for("label 2 with the prompt 'red ellipse' in labels.json",
               lambda: len(s.labels() or []) == 2 and s.labels()[1].get("prompts") == ["red ellipse"])
    s.key("1")  # label 1 selected again: `2` below has something to change

    s.key("d")
    s.wait_for("D: the next image in the title", s.title_shows("shapes_01.png"))
    before = s.screenshot("next-image")
    region = centre_square(canvas_box(before), 0.4)

    # H: the heat map covers the whole image, a mask overlay only its shapes.
    s.key("h")
    s.wait_for("H: the heat map over the image",
               lambda: changed_fraction(before, s.screenshot("heat-map"), region) > 0.6)

    s.key("ctrl+Return")
    annotation = s.dataset / "shapes_01.json"
    s.wait_for("Ctrl+Enter: the annotation of shapes_01.png", annotation.exists)
    s.wait_for("Ctrl+Enter: the image after it in the title", s.title_shows("shapes_02.jpg"))
    saved = json.loads(annotation.read_text())
    if saved.get("imagePath") != "shapes_01.png" or (saved.get("imageWidth"), saved.get("imageHeight")) != (
            259, 280):
        raise StepFailed(f"the annotation does not describe shapes_01.png: {annotation.read_text()[:300]}")
    names = {shape.get("label") for shape in saved.get("shapes", [])}
    if "white ring" not in names or not names <= {"white ring", "red ellipse"}:
        raise StepFailed(f"the annotation's shapes are labelled {sorted(names)}")
    s.screenshot("saved-and-next")

    s.key("a")
    s.wait_for("A: the previous image in the title", s.title_shows("shapes_01.png"))

    # 2 selects label 2; the box drawn next becomes its visual prompt.
    s.key("2")
    s.key("b")
    shot = s.screenshot("box-tool")
    x0, y0, x1, y1 = centre_square(canvas_box(shot), 0.2)
    s.drag((x0, y0), (x1, y1))
    s.wait_for("the box: a visual prompt of label 2 in labels.json",
               lambda: len((s.labels() or [{}, {}])[1].get("exemplars", [])) == 1)
    labels = s.labels()
    if labels[0].get("exemplars") or labels[1]["exemplars"][0].get("image") != "shapes_01.png":
        raise StepFailed(f"the box went elsewhere: {s.labels_text()}")
    s.screenshot("box-drawn")

    s.key("ctrl+z")
    s.wait_for("Ctrl+Z: the visual prompt taken back in labels.json",
               lambda: len(s.labels() or []) == 2 and not s.labels()[1].get("exemplars"))
    s.screenshot("undone")

    # Esc leaves a text field and drops what was typed; the next letter is a command again.
    s.key("t")
    s.type("junk")
    s.key("Escape")
    s.key("d")
    s.wait_for("Esc, then D: the next image in the title", s.title_shows("shapes_02.jpg"))
    if "junk" in s.labels_text():
        raise StepFailed(f"Esc applied the text typed: {s.labels_text()}")

    # After a dialog closes, the canvas has the focus again.
    s.key("ctrl+slash")
    dialog = s.wait_for("Ctrl+/: the shortcuts dialog", lambda: next(
        (w for w in s.windows() if w != s.win), None))
    s.screenshot("shortcuts-dialog")
    s.key("Escape", window=dialog)
    s.wait_for("Esc: the dialog closed", lambda: dialog not in s.windows())
    s.key("a")
    s.wait_for("A after the dialog: the previous image in the title", s.title_shows("shapes_01.png"))
    s.screenshot("end")

    s.quit()


def run_scenario(doc, run, passed):
    """The command line of every real-window test: APP SAMPLES ARTIFACTS. Runs `run(session)` and prints
    `passed(session, what run returned)` or the failure; returns the exit status."""
    if len(sys.argv) != 4:
        sys.exit(doc)
    app, samples, artifacts = (Path(a).resolve() for a in sys.argv[1:4])
    for tool in ("Xvfb", "openbox", "xprop", "xdotool", "import"):
        require(tool)
    shutil.rmtree(artifacts, ignore_errors=True)
    artifacts.mkdir(parents=True)
    s = Session(app, samples, artifacts)
    try:
        result = run(s)
    except StepFailed as e:
        print(f"FAIL: {e}\nScreenshots and the app's log: {artifacts}", file=sys.stderr)
        return 1
    finally:
        s.close()
    print(f"PASS: {passed(s, result)}")
    return 0


def main():
    return run_scenario(__doc__, run, lambda s, _: f"the keyboard loop works in a real window ({s.step} "
                        f"screenshots in {s.artifacts})")


if __name__ == "__main__":
    sys.exit(main())
