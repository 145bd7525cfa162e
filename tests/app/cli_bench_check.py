"""cli.bench.json: runs `promptmask-cli bench --json` from a clean environment and checks its object."""

import json
import os
import subprocess
import sys

cli, bundle, image = sys.argv[1:4]
run = subprocess.run(["env", "-i", cli, "bench", "--model", bundle, "--image", image, "--prompts", "3",
                      "--repeat", "2", "--threads", "1", "--json"], capture_output=True, text=True, timeout=280)
assert run.returncode == 0, run.stderr
lines = run.stdout.strip().splitlines()
assert len(lines) == 1, run.stdout
result = json.loads(lines[0])
times = ["model_load_ms", "image_encode_ms", "text_encode_ms_per_prompt", "decode_ms_per_prompt", "first_mask_ms",
         "n_prompts_total_ms", "reprompt_ms", "threshold_update_ms"]
assert set(result) == set(times) | {"peak_rss_mb", "settings"}, sorted(result)
for key in times + ["peak_rss_mb"]:
    assert isinstance(result[key], (int, float)) and result[key] > 0, (key, result[key])
settings = result["settings"]
assert settings["prompts"] == 3 and settings["repeat"] == 2 and settings["threads"] == 1, settings
assert settings["omp_wait_policy"] == "PASSIVE", settings  # set by the binary itself under env -i
assert settings["quantization"] == "none", settings
# The OpenBLAS kernels: on a CPU with AVX2 + FMA the binary asks for vector kernels itself (Debian's
# OpenBLAS falls back to its SSE3 "Prescott" kernels on CPUs newer than its model table, 5x slower), by
# the same rule as the Python model tools (packaging/models/runtime_env.py, from /proc/cpuinfo).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "packaging", "models"))
from runtime_env import blas_core_for, cpu_flags  # noqa: E402

want = blas_core_for(cpu_flags())
if settings["blas_core"] and want:  # OpenBLAS is the BLAS, and the CPU has AVX2 + FMA
    assert settings["openblas_coretype"] == want, (want, settings)
    assert settings["blas_core"].lower() != "prescott", settings
print("ok", json.dumps(result))
