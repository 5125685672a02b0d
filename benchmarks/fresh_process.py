"""Run a measuring script in a fresh Python process (imports done, nothing cached or warm from
an earlier measurement) and return the JSON object it prints last; and the size options of
the reconcile benchmarks (the issue's month: 40,000 lines, 300,000 invoices, 20,000 customers)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


def measure(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def add_size_arguments(ap: argparse.ArgumentParser) -> None:
    """--lines, --invoices, --customers, --seed and --data (where generated inputs are kept)."""
    ap.add_argument("--lines", type=int, default=40_000)
    ap.add_argument("--invoices", type=int, default=300_000)
    ap.add_argument("--customers", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", type=Path, default=Path("/tmp/ar_excel_bench"))
