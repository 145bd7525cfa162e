#!/usr/bin/env python3
"""Peak memory of `promptmask-cli label` against the number of images: flat means nothing per image is
kept after its result is written.

    benchmarks/label_memory.py CLI [BUNDLE] [--label N1,N2] [--final N1,N2]

Two measurements, each printing the peak resident memory (getrusage of the child) per size:

--label N1,N2 (default 20,200): real runs over N copies of one small sample image: model, reader,
    writer and final merge together.
--final N1,N2 (default 1000,10000): the end of a run, which reads every per-image result back and
    writes the dataset: the per-image results of a 20-image run are replicated to N images (their
    files, as `label` writes them), then `label --resume` (every image already done: it skips all of
    them and writes OUT/annotations.json) and `merge` of the same folder run over them. This is where
    memory could grow with the dataset (COCO JSON), without hours of inference for 10,000 images.

Runs the binary as a user starts it (no CTest environment). Not a test: it prints, a person judges.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
opts = {"--label": "20,200", "--final": "1000,10000"}
positional = []
while args:
    a = args.pop(0)
    if a in opts:
        opts[a] = args.pop(0)
    else:
        positional.append(a)
cli = os.path.abspath(positional[0])
bundle = os.path.abspath(positional[1]) if len(positional) > 1 else os.path.join(here, "resources/models/demo-shapes")
sample = os.path.join(here, "resources/samples/shapes_01.png")
ENV = {"PATH": "/usr/bin:/bin"}


def sizes(text):
    return [int(x) for x in text.split(",") if x]


def peak(cmd):
    """Exit status and peak RSS (MiB) of `cmd`; its output is dropped."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execve(cmd[0], cmd, ENV)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


def images_folder(path, n):
    os.makedirs(path)
    for i in range(n):
        os.link(sample, os.path.join(path, f"img_{i:05d}.png"))  # hard links: n files, one image's bytes


def label_cmd(images, out, *extra):
    return [cli, "label", "--model", bundle, "--images", images, "--labels", labels, "--format", "coco",
            "--out", out, "--jobs", "2", *extra]


with tempfile.TemporaryDirectory() as work:
    labels = os.path.join(work, "labels.json")
    with open(labels, "w") as f:
        f.write('[{"name": "green", "prompts": ["green shape"]}, {"name": "circle", "prompts": ["circle"]}]')
    for n in sizes(opts["--label"]):
        images = os.path.join(work, f"label{n}")
        images_folder(images, n)
        rc, mib = peak(label_cmd(images, os.path.join(work, f"label{n}-out")))
        print(f"label  {n:6d} images (inference + final write): exit {rc}, peak RSS {mib:7.1f} MiB", flush=True)

    finals = sizes(opts["--final"])
    if finals:
        # 20 real results to replicate.
        template_images = os.path.join(work, "template")
        images_folder(template_images, 20)
        template = os.path.join(work, "template-out")
        subprocess.run(label_cmd(template_images, template), env=ENV, check=True, stderr=subprocess.DEVNULL)
        results = []
        for i in range(20):
            with open(os.path.join(template, "items", f"img_{i:05d}.png.json")) as f:
                results.append(json.load(f))
        with open(os.path.join(template, "run.json")) as f:
            manifest = json.load(f)
        for n in finals:
            images = os.path.join(work, f"final{n}")
            images_folder(images, n)
            out = os.path.join(work, f"final{n}-out")
            os.makedirs(os.path.join(out, "items"))
            for i in range(n):
                doc = dict(results[i % 20], image=f"img_{i:05d}.png")
                with open(os.path.join(out, "items", f"img_{i:05d}.png.json"), "w") as f:
                    json.dump(doc, f)
            run = json.loads(json.dumps(manifest).replace(json.dumps(template_images)[1:-1], json.dumps(images)[1:-1]))
            with open(os.path.join(out, "run.json"), "w") as f:
                json.dump(run, f)
            rc, mib = peak(label_cmd(images, out, "--resume"))
            size = os.path.getsize(os.path.join(out, "annotations.json")) / 2**20
            print(f"final  {n:6d} images (label --resume, all done): exit {rc}, peak RSS {mib:7.1f} MiB, "
                  f"annotations.json {size:.1f} MiB", flush=True)
            rc, mib = peak([cli, "merge", "--format", "coco", out, "--out", os.path.join(work, f"merged{n}.json")])
            same = open(os.path.join(work, f"merged{n}.json"), "rb").read() == \
                open(os.path.join(out, "annotations.json"), "rb").read()
            print(f"merge  {n:6d} images: exit {rc}, peak RSS {mib:7.1f} MiB, same bytes as label's: {same}",
                  flush=True)
            shutil.rmtree(out)
            shutil.rmtree(images)
