#!/usr/bin/env python3
"""Offline check of the Kubernetes manifests with the kubectl client (no server needed).

`kubectl set env --local -o json` decodes each Job into the typed batch/v1 objects of the client: a wrong
type fails, and a misspelled or unknown field is silently dropped -- so every field of the input must
come back unchanged. PersistentVolumeClaims are only parsed (`kubectl label --local`). Then the facts
the run depends on: an Indexed Job, the shard from JOB_COMPLETION_INDEX, the model volume read-only.
Exit 77 when kubectl is not installed.
"""
import json
import os
import shutil
import subprocess
import sys

import yaml

root = sys.argv[1]
kubectl = shutil.which("kubectl")
if not kubectl:
    print("SKIP: kubectl not installed")
    sys.exit(77)


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def missing(want, got, path=""):
    """Paths of `want` that `got` lacks or changes (lists compared element-wise)."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [path]
        return [p for k, v in want.items()
                for p in (missing(v, got[k], f"{path}.{k}") if k in got else [f"{path}.{k}"])]
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [path]
        return [p for i, v in enumerate(want) for p in missing(v, got[i], f"{path}[{i}]")]
    return [] if got == want or (isinstance(want, int) and str(want) == str(got)) else [path]


def typed(doc_file, kind):
    verb = ["set", "env", "--local", "PM_VALIDATE=1"] if kind == "Job" else ["label", "--local", "validate=1"]
    p = subprocess.run([kubectl, *verb, "-f", doc_file, "-o", "json"], capture_output=True, text=True,
                       env=dict(os.environ, KUBECONFIG="/dev/null"))
    if p.returncode != 0:
        fail(f"{doc_file}: kubectl rejects it: {p.stderr.strip()}")
    objects, text, at = [], p.stdout, 0
    decoder = json.JSONDecoder()
    while text[at:].strip():  # one JSON object per input document, back to back
        obj, end = decoder.raw_decode(text[at:].lstrip())
        at = len(text) - len(text[at:].lstrip()) + end
        objects.extend(obj["items"] if obj.get("kind") == "List" else [obj])
    return objects


checked = []
for name in sorted(os.listdir(root)):
    if not name.endswith(".yaml"):
        continue
    path = os.path.join(root, name)
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    back = typed(path, docs[0]["kind"])
    if len(back) != len(docs):
        fail(f"{name}: {len(docs)} objects in, {len(back)} out")
    for want, got in zip(docs, back):
        if want["kind"] == "Job":
            for c in got["spec"]["template"]["spec"]["containers"]:  # drop the probe variable again
                c["env"] = [e for e in c.get("env", []) if e["name"] != "PM_VALIDATE"] or None
                if c["env"] is None:
                    del c["env"]
        lost = missing(want, got)
        if lost:
            fail(f"{name}: {want['kind']} {want['metadata']['name']}: unknown or mistyped fields {lost}")
        checked.append(f"{name}:{want['kind']}/{want['metadata']['name']}")

label = yaml.safe_load(open(os.path.join(root, "label-job.yaml")))
spec = label["spec"]
if spec.get("completionMode") != "Indexed":
    fail("label-job.yaml is not an Indexed Job")
pod = spec["template"]["spec"]
args = " ".join(pod["containers"][0]["args"])
env = {e["name"]: e["value"] for e in pod["containers"][0]["env"]}
if "--shard $JOB_COMPLETION_INDEX/$PM_SHARDS" not in args or env.get("PM_SHARDS") != str(spec["completions"]):
    fail("the shard must be JOB_COMPLETION_INDEX of `completions`")
mounts = {m["name"]: m for m in pod["containers"][0]["volumeMounts"]}
if not mounts["models"].get("readOnly") or "--model /models/" not in args:
    fail("the model bundle must be mounted read-only")
if "--resume" not in args:
    fail("a retried pod must --resume")
merge = yaml.safe_load(open(os.path.join(root, "merge-job.yaml")))
if "promptmask-cli merge" not in " ".join(merge["spec"]["template"]["spec"]["containers"][0]["args"]):
    fail("merge-job.yaml does not merge")
print("validated offline with", subprocess.run([kubectl, "version", "--client"], capture_output=True,
                                               text=True).stdout.splitlines()[0] + ":", ", ".join(checked))
