#!/usr/bin/python3
"""The matrix-product ceiling of this machine, as torch runs it (docs/PERFORMANCE.md).

  gemm_ceiling.py [--threads T] [--blas-coretype NAME] [--json]

Times the vision tower's largest product, Linear 768->3072 on [485,768]
(one 352x352 image: 22x22 patches + CLS), in float32 and with dynamic int8
(the engine the app uses for int8 bundles), and reports GFLOP/s.  Each figure
is the best of the default environment, OMP_WAIT_POLICY=PASSIVE and, with
--blas-coretype, PASSIVE plus OPENBLAS_CORETYPE=NAME (each in its own process,
since libgomp and OpenBLAS read their variables at load).
"""

import argparse
import json
import os
import subprocess
import sys
import time


def measure(threads: int) -> dict:
    import torch

    torch.set_num_threads(threads)
    x = torch.randn(485, 768)
    fp32 = torch.nn.Linear(768, 3072).eval()
    engines = torch.backends.quantized.supported_engines
    torch.backends.quantized.engine = "onednn" if "onednn" in engines else "qnnpack"
    int8 = torch.ao.quantization.quantize_dynamic(torch.nn.Sequential(fp32), {torch.nn.Linear}, torch.qint8)
    flop = 2.0 * 485 * 768 * 3072

    def best_s(module, reps=30):
        with torch.inference_mode():
            for _ in range(5):
                module(x)
            times = []
            for _ in range(reps):
                start = time.perf_counter()
                module(x)
                times.append(time.perf_counter() - start)
        times.sort()
        return times[len(times) // 10]  # 10th percentile: the ceiling, not the noise

    return {"fp32_gflops": flop / best_s(fp32) / 1e9, "int8_gops": flop / best_s(int8) / 1e9,
            "threads": threads, "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
            "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "")}


def main() -> int:
    parser = argparse.ArgumentParser(prog="gemm_ceiling")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--blas-coretype", default="")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.threads)))
        return 0
    runs = []
    variants = [(None, None), ("PASSIVE", None)] + ([("PASSIVE", args.blas_coretype)] if args.blas_coretype else [])
    for policy, core in variants:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_") and k != "OPENBLAS_CORETYPE"}
        if policy:
            env["OMP_WAIT_POLICY"] = policy
        if core:
            env["OPENBLAS_CORETYPE"] = core
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--one", "--threads", str(args.threads)],
                             env=env, check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    result = {"fp32_gflops": max(r["fp32_gflops"] for r in runs), "int8_gops": max(r["int8_gops"] for r in runs),
              "threads": args.threads, "runs": runs}
    print(json.dumps(result) if args.json else
          f"fp32 {result['fp32_gflops']:.0f} GFLOP/s, int8 {result['int8_gops']:.0f} GOP/s ({args.threads} threads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
