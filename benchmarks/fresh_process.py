"""Run a measuring script in a fresh Python process (imports done, nothing cached or warm from
an earlier measurement) and return the JSON object it prints last."""

from __future__ import annotations

import json
import subprocess
import sys


def measure(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])
