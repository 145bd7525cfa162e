"""cli.bench.json: runs `promptmask-cli bench --json` from a clean environment and checks its object."""

import json
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
print("ok", json.dumps(result))
