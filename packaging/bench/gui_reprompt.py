#!/usr/bin/env python3
"""Re-prompt latency in the real PromptMask window, driven the way a person types.

Starts its own Xvfb (and openbox when installed), runs the real `promptmask` binary from a clean
environment with PROMPTMASK_LATENCY_TRACE set, opens IMAGE (copied to a temporary folder) with BUNDLE,
and types prompts with xdotool: `t`, the prompt, Enter. The window logs when the request went to the
model and when the canvas finished painting its result (util/LatencyTrace.h); a re-prompt's latency
is the difference, on one steady clock. The first prompt (which may include the image encoding) is
not counted; every later prompt is a new 5-token text on the cached image.

Usage: gui_reprompt.py APP BUNDLE IMAGE [--prompts N] [--deadline S]
Prints one JSON object: reprompt_ms (median), samples_ms, prompts, and how it was measured.
Every wait is a poll with a generous deadline; the deadlines only end a hang.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLOURS = ["red", "blue", "green", "black", "white", "brown"]
NOUNS = ["cup", "dog", "boat", "lamp", "door", "bird", "shoe", "book"]


class Failed(Exception):
    pass


# A full-size model loads and encodes in seconds, on a loaded machine in minutes: --deadline per step.
deadline_s = 300.0


def wait_for(what, condition, deadline=None):
    end = time.monotonic() + (deadline or deadline_s)
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise Failed(f"timed out waiting for {what}")


class Window:
    def __init__(self, app, bundle, image, tmp):
        self.tmp = tmp
        self.trace = tmp / "trace.txt"
        dataset = tmp / "images"
        dataset.mkdir()
        self.image = dataset / Path(image).name
        shutil.copy(image, self.image)
        self.xvfb = self._start_xvfb()
        home = tmp / "home"
        runtime = tmp / "runtime"
        home.mkdir()
        runtime.mkdir(mode=0o700)
        self.env = {"DISPLAY": self.display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                    "QT_QPA_PLATFORM": "xcb", "PROMPTMASK_LATENCY_TRACE": str(self.trace)}
        self.wm = None
        if shutil.which("openbox"):  # gives the window the keyboard, as a desktop does
            self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        self.log = open(tmp / "promptmask.log", "w")
        self.app = subprocess.Popen([app, "--model", str(bundle), str(dataset)], env=self.env,
                                    stdout=self.log, stderr=subprocess.STDOUT, cwd=tmp)
        self.win = None

    def _start_xvfb(self):
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24",
                                 "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read_fd, 16)
            if not chunk:
                raise Failed("Xvfb did not start")
            number += chunk
        os.close(read_fd)
        self.display = ":" + number.decode().strip()
        return xvfb

    def close(self):
        for proc in (self.app, self.wm, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
        self.log.close()

    def xdotool(self, *args, check=True):
        result = subprocess.run(["xdotool", *map(str, args)], env={"DISPLAY": self.display},
                                capture_output=True, text=True, timeout=60)
        if check and result.returncode != 0:
            raise Failed(f"xdotool {' '.join(map(str, args))}: {result.stderr.strip()}")
        return result.stdout.strip()

    def alive(self):
        if self.app.poll() is not None:
            raise Failed(f"promptmask exited with status {self.app.returncode} (see its log)")
        return True

    def find_window(self):
        self.alive()
        out = self.xdotool("search", "--onlyvisible", "--pid", self.app.pid, check=False)
        for w in out.split():
            if self.xdotool("getwindowname", w, check=False).startswith("PromptMask"):
                return w
        return None

    def key(self, *keys):
        # Keys go in through the X server's keyboard to the window that has the focus, as a person's do.
        wait_for("the keyboard on the window",
                 lambda: self.alive() and self.xdotool("getwindowfocus", check=False) == self.win, 30)
        self.xdotool("key", "--delay", 30, *keys)

    def type(self, text):
        self.xdotool("type", "--delay", 30, text)

    def events(self):
        if not self.trace.exists():
            return []
        out = []
        for line in self.trace.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3:
                out.append((int(parts[0]), parts[1], int(parts[2])))
        return out

    def prompt(self, text):
        """Types a prompt into the selected label and returns its request → shown time in ms, and the
        phases of that time: queue (until the inference thread takes it), model (the segmenter's work),
        deliver_and_render (the signal to the window and the overlay), paint (the canvas)."""
        seen = {e[2] for e in self.events() if e[1] == "request"}
        self.key("t")
        self.key("ctrl+a")
        self.type(text)
        self.key("Return")
        request = wait_for(f"the request for '{text}'", lambda: self.alive() and next(
            (e for e in self.events() if e[1] == "request" and e[2] not in seen), None))
        shown = wait_for(f"the result of '{text}' on the canvas", lambda: self.alive() and next(
            (e for e in self.events() if e[1] == "shown" and e[2] == request[2]), None))
        at = {e[1]: e[0] for e in self.events() if e[2] == request[2]}
        phases = {"total": shown[0] - request[0]}
        # Where the time goes (the inference thread's marks are absent in builds that predate them).
        if "started" in at and "computed" in at and "result" in at:
            phases.update({"queue": at["started"] - request[0], "model": at["computed"] - at["started"],
                           "deliver_and_render": at["result"] - at["computed"], "paint": shown[0] - at["result"]})
        return {k: v / 1e6 for k, v in phases.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app")
    parser.add_argument("bundle")
    parser.add_argument("image")
    parser.add_argument("--prompts", type=int, default=7, help="timed re-prompts (after one untimed)")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds per step before giving up")
    args = parser.parse_args()
    global deadline_s
    deadline_s = args.deadline
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            sys.exit(f"gui_reprompt: '{tool}' not found; run packaging/install-deps.sh")
    # The window runs in a temporary folder: relative paths are the caller's.
    app = os.path.abspath(args.app) if os.sep in args.app else args.app
    bundle = os.path.abspath(args.bundle)
    model_name = json.loads((Path(bundle) / "manifest.json").read_text())["model"]["name"]
    tmp = Path(tempfile.mkdtemp(prefix="pm-gui-reprompt-"))
    window = Window(app, bundle, args.image, tmp)
    try:
        window.win = wait_for("the PromptMask window", window.find_window)
        title = f"PromptMask — {window.image.name} — {model_name}"
        wait_for(f"the title '{title}' (image open, model loaded)",
                 lambda: window.alive() and window.xdotool("getwindowname", window.win, check=False) == title)
        window.prompt("a glass")  # untimed: the image may not be encoded yet
        timed = [window.prompt(f"a {COLOURS[(i // 8) % 6]} {NOUNS[i % 8]}") for i in range(args.prompts)]
    except Failed as e:
        log = (tmp / "promptmask.log").read_text(errors="replace")[-2000:]
        sys.exit(f"gui_reprompt: {e}\n--- promptmask log (end) ---\n{log}")
    finally:
        window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    samples = [t["total"] for t in timed]
    phases = {name: statistics.median(t[name] for t in timed) for name in
              ("queue", "model", "deliver_and_render", "paint") if all(name in t for t in timed)}
    print(json.dumps({
        "reprompt_ms": statistics.median(samples),
        "samples_ms": samples,
        "phases_ms": phases,
        "prompts": len(samples),
        "method": "real window under Xvfb, keys by xdotool; from the request the prompt's Enter made to the "
                  "end of the canvas paint that showed its result (PROMPTMASK_LATENCY_TRACE)",
    }))


if __name__ == "__main__":
    main()
