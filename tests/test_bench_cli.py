"""``python -m bench``: figures beside their targets, the merged latest.json, the usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench.__main__ as bench_cli
from bench.figures import BENCHES, Figure


def test_a_figure_is_read_by_its_path_and_held_against_its_target() -> None:
    figure = Figure("a.share", "share", ">= 0.95")
    assert figure.value({"a": {"share": 0.97}}) == 0.97
    assert figure.met(0.97) is True
    assert figure.met(0.5) is False
    assert figure.value({"a": {}}) is None and figure.met(None) is None
    assert Figure("x", "context only").met(3) is None


def test_every_benchmark_has_a_unique_name_and_result_file() -> None:
    assert len({b.name for b in BENCHES}) == len(BENCHES)
    assert len({b.result_file for b in BENCHES}) == len(BENCHES)
    assert all(b.module.startswith("bench.") for b in BENCHES)


def test_the_table_shows_value_target_and_verdict() -> None:
    runs = {
        "demo": {
            "exit_code": 0,
            "figures": [
                {"measure": "p99 (ms)", "value": 12.5, "target": "< 20", "met": True},
                {"measure": "429s", "value": 3, "target": "== 0", "met": False},
            ],
        },
        "broken": {"exit_code": 1, "figures": []},
    }
    text = bench_cli.table(runs)
    assert "p99 (ms)" in text and "12.5" in text and "met" in text
    assert "MISSED" in text and "failed (exit code 1)" in text
    markdown = bench_cli.table(runs, markdown=True).splitlines()
    assert markdown[0].startswith("| benchmark | measure | value | target")
    assert markdown[1].startswith("| --- ")


def test_results_are_merged_into_latest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    latest = tmp_path / "latest.json"
    old = {"figures": [], "result": {"old": 1}, "exit_code": 0}
    latest.write_text(json.dumps({"benchmarks": {"events": old, "ops": old}}))
    monkeypatch.setattr(bench_cli, "LATEST", latest)
    new = {"figures": [], "result": {"new": 2}, "exit_code": 0}
    merged = bench_cli._merge({"events": new})
    assert merged["benchmarks"]["events"]["result"] == {"new": 2}
    assert merged["benchmarks"]["ops"]["result"] == {"old": 1}  # kept from the earlier run
    assert merged["host"]["cpus"]


def test_an_unknown_name_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_cli.main(["nonsense"]) == 2
    assert "scale" in capsys.readouterr().err
