"""Run every benchmark (``make bench``); the same as ``python -m bench``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.__main__ import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
