#!/usr/bin/env python3
"""packaging/bench/gui_reprompt.sh end to end with the demo model: the real window, started with
PROMPTMASK_LATENCY_TRACE, must log a request and a painted result for every prompt typed with xdotool,
and the script must report them, with the phases the inference thread marks. Checks what was reported
(counts, order of events, phases that fit the samples), never how fast.

Usage: gui_reprompt_check.py SCRIPT APP BUNDLE IMAGE
"""
import json
import subprocess
import sys

script, app, bundle, image = sys.argv[1:5]
run = subprocess.run(["bash", script, app, bundle, image, "--prompts", "3", "--deadline", "60"],
                     capture_output=True, text=True, timeout=400)
if run.returncode != 0:
    sys.exit(f"gui_reprompt.sh failed ({run.returncode}):\n{run.stderr}")
report = json.loads(run.stdout)
samples = report["samples_ms"]
if report["prompts"] != 3 or len(samples) != 3:
    sys.exit(f"expected 3 timed re-prompts, got {report}")
# Each sample is "shown" minus "request" of the same request id: positive when the window logged the
# request before it painted the result, as it must.
if not all(s > 0 for s in samples):
    sys.exit(f"a result was logged as shown before it was requested: {samples}")
if sorted(samples)[1] != report["reprompt_ms"]:
    sys.exit(f"reprompt_ms is not the median of the samples: {report}")
# The phases come from the inference thread's marks: all four, none negative, and their medians
# cannot add up to more than the slowest sample (each sample is the sum of its own four phases).
phases = report.get("phases_ms", {})
if sorted(phases) != ["deliver_and_render", "model", "paint", "queue"]:
    sys.exit(f"expected the four phases of a re-prompt, got {phases}")
if any(v < 0 for v in phases.values()) or sum(phases.values()) > max(samples) + 1e-6:
    sys.exit(f"the phases do not fit the samples: {report}")
print(f"gui_reprompt: {len(samples)} re-prompts traced in the real window, phases {phases}")
