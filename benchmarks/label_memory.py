#!/usr/bin/env python3
"""Peak memory of `promptmask-cli label` against the number of images: flat means no masks are kept.

    benchmarks/label_memory.py CLI [BUNDLE] [SMALL] [LARGE]

Labels SMALL and then LARGE copies of one sample image (default 20 and 200) and prints the peak
resident memory of each run (getrusage of the child). Not a test: it prints, a person judges.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cli = os.path.abspath(sys.argv[1])
bundle = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(here, "resources/models/demo-shapes")
counts = [int(a) for a in sys.argv[3:5]] or [20, 200]
sample = os.path.join(here, "resources/samples/shapes_01.png")

with tempfile.TemporaryDirectory() as work:
    labels = os.path.join(work, "labels.json")
    with open(labels, "w") as f:
        f.write('[{"name": "green", "prompts": ["green shape"]}, {"name": "circle", "prompts": ["circle"]}]')
    for n in counts:
        images = os.path.join(work, f"images{n}")
        os.makedirs(images)
        for i in range(n):
            shutil.copy(sample, os.path.join(images, f"img_{i:05d}.png"))
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.execve(cli, [cli, "label", "--model", bundle, "--images", images, "--labels", labels, "--format",
                            "coco", "--out", os.path.join(work, f"out{n}"), "--jobs", "2"],
                      {"PATH": "/usr/bin:/bin", "OMP_WAIT_POLICY": "PASSIVE"})
        _, status, usage = os.wait4(pid, 0)
        print(f"{n:6d} images: exit {os.waitstatus_to_exitcode(status)}, peak RSS {usage.ru_maxrss / 1024:.1f} MiB")
