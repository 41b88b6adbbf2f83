"""``python -m bench [NAME ...] [--size options]``: run benchmarks, print each figure beside
its target, and merge the results into ``bench/results/latest.json``.

Every benchmark runs in a process of its own (``python -m bench.NAME_bench``), so one
cannot slow another down with what it left behind, and RSS figures are its own. Options
after the names (``--members 100000``) go to each named benchmark. ``make bench`` runs
them all with their default sizes. ``--markdown`` prints the table for the README.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.figures import BENCHES, BY_NAME, Bench

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
LATEST = RESULTS / "latest.json"
USAGE = f"""usage: python -m bench [NAME ...] [OPTIONS for the benchmark] [--markdown]

NAME: {", ".join(b.name for b in BENCHES)}, or "all" (the default).
Without a name every benchmark runs; "report" prints the table of latest.json again. Options go to each named benchmark, e.g.
  python -m bench scale --members 100000
  python -m bench broadcast --members 1000 --big 10000
Results: bench/results/NAME.json each, merged into bench/results/latest.json.
"""


def _run(bench: Bench, options: list[str]) -> dict[str, Any]:
    """Run one benchmark in its own process; its JSON with the figures picked out."""
    print(f"== {bench.name}: {bench.summary}", flush=True)
    if importlib.util.find_spec(bench.module) is None:
        print(f"   {bench.module} is not there; skipped")
        return {"summary": bench.summary, "exit_code": None, "figures": [], "result": {}}
    started = time.perf_counter()
    process = subprocess.run([sys.executable, "-m", bench.module, *options], cwd=ROOT)
    seconds = round(time.perf_counter() - started, 1)
    path = RESULTS / bench.result_file
    result: dict[str, Any] = {}
    if process.returncode == 0 and path.exists():
        result = json.loads(path.read_text())
    figures = []
    for figure in bench.figures:
        value = figure.value(result)
        figures.append(
            {
                "measure": figure.label,
                "value": value,
                "target": figure.target,
                "met": figure.met(value),
            }
        )
    return {
        "summary": bench.summary,
        "options": options,
        "exit_code": process.returncode,
        "seconds": seconds,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "figures": figures,
        "result": result,
    }


def _merge(runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The latest run of every benchmark: those run now replace their previous entry."""
    latest: dict[str, Any] = {}
    if LATEST.exists():
        try:
            latest = json.loads(LATEST.read_text())
        except ValueError:
            latest = {}
    benchmarks = dict(latest.get("benchmarks", {}))
    benchmarks.update(runs)
    return {
        "host": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "machine": platform.machine(),
        },
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "benchmarks": {b.name: benchmarks[b.name] for b in BENCHES if b.name in benchmarks},
    }


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: ""}[met]


def table(benchmarks: dict[str, Any], markdown: bool = False) -> str:
    rows = [("benchmark", "measure", "value", "target", "")]
    for name, run in benchmarks.items():
        if run.get("exit_code"):
            rows.append((name, f"failed (exit code {run['exit_code']})", "", "", "MISSED"))
        for figure in run["figures"]:
            rows.append(
                (
                    name,
                    figure["measure"],
                    _shown(figure["value"]),
                    figure["target"] or "",
                    _verdict(figure["met"]),
                )
            )
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "| --- | --- | ---: | --- | --- |")
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(5)]

    def line(row: tuple[str, ...]) -> str:
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [c.rjust(w) if i == 2 else c.ljust(w) for i, (c, w) in pairs]
        return "  ".join(cells).rstrip()

    return "\n".join(line(row) for row in rows)


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help", "help") for a in argv[:1]):
        print(USAGE)
        return 0
    markdown = "--markdown" in argv
    argv = [a for a in argv if a != "--markdown"]
    if argv[:1] == ["report"]:
        latest = json.loads(LATEST.read_text()) if LATEST.exists() else {}
        print(table(latest.get("benchmarks", {}), markdown))
        return 0
    names: list[str] = []
    while argv and not argv[0].startswith("-"):
        names.append(argv.pop(0))
    unknown = [n for n in names if n != "all" and n not in BY_NAME]
    if unknown:
        print(f"unknown benchmark: {', '.join(unknown)}\n\n{USAGE}", file=sys.stderr)
        return 2
    chosen = list(BENCHES) if not names or "all" in names else [BY_NAME[n] for n in names]
    RESULTS.mkdir(exist_ok=True)
    runs: dict[str, dict[str, Any]] = {}
    for bench in chosen:
        runs[bench.name] = _run(bench, argv)
        merged = _merge(runs)  # written after each, so an interrupted run keeps what it has
        LATEST.write_text(json.dumps(merged, indent=2) + "\n")
    print()
    print(table(runs, markdown))
    print(f"\nwritten: {LATEST.relative_to(ROOT)}")
    failed = any(run["exit_code"] for run in runs.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
