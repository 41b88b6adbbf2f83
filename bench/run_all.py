"""Run every benchmark in bench/ (``make bench``); each prints numbers and writes JSON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

for script in sorted(Path(__file__).parent.glob("*_bench.py")):
    print(f"== {script.stem}")
    subprocess.run([sys.executable, "-m", f"bench.{script.stem}"], cwd=ROOT, check=True)
