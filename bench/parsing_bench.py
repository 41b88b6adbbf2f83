"""Date parser benchmark: how long reading one typed date takes (issue 32: a few
milliseconds at most per input).

``--inputs`` texts (default 5,000) are made from the forms members type — German and
English, with and without a year, weekdays, relative days, ranges, ends — with random days
and times, plus a share of nonsense and impossible dates that must be refused. Each is read
with :func:`bot.parsing.dates.parse_start` (the widest entry point: a date-time or a range)
from a fixed "now", three times: an input's time is the fastest of its three runs, since
the machine is shared and a scheduler pause is not the parser's (the p99 and max of single
runs are reported beside it). Median, p99 and max over the inputs.

Run: ``.venv/bin/python -m bench parsing [--inputs 5000]``; writes
``bench/results/parsing.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.parsing.dates import parse_start
from bot.router import Invalid

RESULTS = Path(__file__).parent / "results"
ZONE = ZoneInfo("Europe/Berlin")
REPEATS = 3
NOW = datetime(2026, 7, 15, 10, 0, tzinfo=ZONE)
WEEKDAYS = ("Montag", "Dienstag", "Donnerstag", "Fr.", "Do.", "Thursday", "next Monday")
MONTHS = ("April", "Mai", "Dezember", "March", "Jan.", "Okt.")
NONSENSE = ("kein Datum", "Hallo", "13.13.2027", "32.1.", "morgen irgendwann", "1/4 18:00")


def inputs(count: int, seed: int = 32) -> list[str]:
    """``count`` texts of every kind, about one in eight to be refused."""
    rng = random.Random(seed)
    forms = [
        lambda d, m, h, mi: f"{d}.{m}. {h} Uhr",
        lambda d, m, h, mi: f"{d:02d}.{m:02d}.2027 {h}:{mi:02d}",
        lambda d, m, h, mi: f"{d:02d}.{m:02d}.27 {h}:{mi:02d}",
        lambda d, m, h, mi: f"morgen {h} Uhr",
        lambda d, m, h, mi: f"übermorgen {h}:{mi:02d}",
        lambda d, m, h, mi: f"{rng.choice(WEEKDAYS)} {h} Uhr",
        lambda d, m, h, mi: f"nächsten Montag {h} Uhr",
        lambda d, m, h, mi: f"tomorrow {h % 12 + 1}pm",
        lambda d, m, h, mi: f"{rng.choice(MONTHS)} {d}, {h % 12 + 1}:{mi:02d} pm",
        lambda d, m, h, mi: f"{d}. {rng.choice(MONTHS)} {h} Uhr",
        lambda d, m, h, mi: f"2027-{m:02d}-{d:02d} {h:02d}:{mi:02d}",
        lambda d, m, h, mi: f"Do., 01.04.2027, {h}:{mi:02d} Uhr",
        lambda d, m, h, mi: f"{d:02d}.{m:02d}.2027 {h}:{mi:02d}–{h + 1}:00",
        lambda d, m, h, mi: f"{d}.{m}. {h}:{mi:02d} bis {h + 2} Uhr",
        lambda d, m, h, mi: f"{d}.{m}. {h}-{h + 1} Uhr",
        lambda d, m, h, mi: rng.choice(NONSENSE),
    ]
    texts = []
    for _ in range(count):
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        hour, minute = rng.randint(7, 21), rng.choice((0, 15, 30, 45))
        texts.append(rng.choice(forms)(day, month, hour, minute))
    return texts


def main(count: int) -> dict[str, object]:
    texts = inputs(count)
    for text in texts[:200]:  # warm up the regex caches
        with contextlib.suppress(Invalid):
            parse_start(text, NOW, ZONE)
    times, first_runs, refused = [], [], 0
    for text in texts:
        runs = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            try:
                parse_start(text, NOW, ZONE)
            except Invalid:
                refused += 1
            runs.append(time.perf_counter() - started)
        times.append(min(runs))
        first_runs.append(runs[0])
    times.sort()
    first_runs.sort()
    return {
        "inputs": count,
        "refused": refused // REPEATS,
        "median_ms": _ms(statistics.median(times)),
        "p99_ms": _ms(times[int(len(times) * 0.99) - 1]),
        "max_ms": _ms(times[-1]),
        "single_run_p99_ms": _ms(first_runs[int(len(first_runs) * 0.99) - 1]),
        "single_run_max_ms": _ms(first_runs[-1]),
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 4)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=5000)
    ns = parser.parse_args()
    result = main(ns.inputs)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "parsing.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:12} {value}")
