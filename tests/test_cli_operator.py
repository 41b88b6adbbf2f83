"""The command line as an operator meets it: pipes that close, end of input, no terminal,
misspelled settings, --version, help texts and the backup's refusals."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.scheduler import Scheduler
from bot.settings import setting_names, unknown_settings

KNOTENPUNKT = [sys.executable, "-m", "bot.cli"]
ROOT = Path(__file__).parents[1]


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    env["KNOTENPUNKT_QUIET_HOURS"] = "off"  # no test depends on the time of day
    env.update({"KNOTENPUNKT_DB_PATH": str(db), "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def _run(db: Path, args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    extra = kwargs.pop("env", {})
    return subprocess.run(
        [*KNOTENPUNKT, *args],
        capture_output=True,
        text=True,
        env=_env(db, **extra),  # type: ignore[arg-type]
        timeout=60,
        check=False,
        cwd=db.parent,
        **kwargs,  # type: ignore[call-overload]
    )


# pipes and end of input -------------------------------------------------------------


def test_a_closed_output_pipe_ends_the_console_bot(tmp_path: Path) -> None:
    """``printf '/termine\\n' | knotenpunkt run | head -1``: the bot ends, input still open."""
    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0
    process = subprocess.Popen(
        [*KNOTENPUNKT, "run", "--console-user", "chef"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(db),
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        assert "„chef“" in process.stdout.readline()
        process.stdout.close()  # what head does after its lines
        for _ in range(3):
            try:
                process.stdin.write("/hilfe\n")
                process.stdin.flush()
            except BrokenPipeError:
                break
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        process.kill()
        process.wait()


def test_a_listing_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    """``knotenpunkt event list | head -1`` without a BrokenPipeError traceback."""
    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        result = subprocess.run(
            [*KNOTENPUNKT, "event", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(db),
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 0
    assert result.stderr == ""


def test_end_of_piped_input_stops_without_a_scheduler_traceback(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0  # events: the first reminder scan has work
    for _ in range(3):
        result = _run(db, ["run"], input="")
        assert result.returncode == 0
        assert "Traceback" not in result.stderr and "CancelledError" not in result.stderr


async def test_the_scheduler_lets_a_running_job_finish(caplog: pytest.LogCaptureFixture) -> None:
    finished: list[bool] = []
    started = asyncio.Event()

    async def slow_job() -> None:
        started.set()
        await asyncio.sleep(0.3)
        finished.append(True)

    scheduler = Scheduler(timezone="UTC")
    scheduler.add_job(slow_job, "interval", seconds=60, next_run_time=datetime.now(UTC))
    scheduler.start()
    await asyncio.wait_for(started.wait(), 5)
    with caplog.at_level(logging.INFO, logger="apscheduler"):
        await scheduler.stop()
    assert finished == [True]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not scheduler.running


# start-up without a terminal ---------------------------------------------------------


def test_no_token_and_no_terminal_stops_with_the_setting_to_set(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    result = _run(db, ["run"], stdin=subprocess.DEVNULL)  # systemd, compose without -it
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert (
        line.startswith("knotenpunkt: configuration error: ")
        and "KNOTENPUNKT_TELEGRAM_TOKEN" in line
    )
    assert not db.exists()  # nothing was started
    half_slack = _run(
        db, ["run"], stdin=subprocess.DEVNULL, env={"KNOTENPUNKT_SLACK_BOT_TOKEN": "x"}
    )
    assert "KNOTENPUNKT_SLACK_SIGNING_SECRET is not set" in half_slack.stderr


def test_unknown_settings_are_named_with_the_closest_known_one(tmp_path: Path) -> None:
    found = unknown_settings(
        {
            "KNOTENPUNKT_TELEGRAM_TOKN": "123:abc",
            "knotenpunkt_zeitzone": "Europe/Berlin",
            "KNOTENPUNKT_WHATEVER": "1",
            "KNOTENPUNKT_DB_PATH": "x",
            "knotenpunkt_timezone": "Europe/Berlin",
            "PATH": "/bin",
        }
    )
    assert found == [
        ("KNOTENPUNKT_TELEGRAM_TOKN", "KNOTENPUNKT_TELEGRAM_TOKEN"),
        ("KNOTENPUNKT_WHATEVER", None),
        ("knotenpunkt_zeitzone", "KNOTENPUNKT_TIMEZONE"),
    ]
    assert "KNOTENPUNKT_GERMAN_ADDRESS" in setting_names()

    (tmp_path / ".env").write_text("KNOTENPUNKT_ADMIN=telegram:1\n", encoding="utf-8")
    result = _run(
        tmp_path / "kp.sqlite3", ["topic", "list"], env={"KNOTENPUNKT_TELEGRAM_TOKN": "1:x"}
    )
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "knotenpunkt: warning: unknown setting KNOTENPUNKT_ADMIN is ignored; did you mean "
        "KNOTENPUNKT_ADMINS?",
        "knotenpunkt: warning: unknown setting KNOTENPUNKT_TELEGRAM_TOKN is ignored; did you "
        "mean KNOTENPUNKT_TELEGRAM_TOKEN?",
    ]


# --version and help ---------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("knotenpunkt 0.")


def _parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(parser.prog, parser)]
    for action in parser._actions:  # argparse keeps its subparsers here; no public way
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _parsers(child)
    return found


def test_every_positional_argument_has_help() -> None:
    missing = []
    for prog, parser in _parsers(build_parser()):
        for action in parser._actions:
            positional = not action.option_strings
            if (
                positional
                and not isinstance(action, argparse._SubParsersAction)
                and not action.help
            ):
                missing.append(f"{prog} {action.dest}")
    assert missing == []


# db backup -------------------------------------------------------------------------


def _store_at_version_1(path: Path) -> None:
    """A store as an older release left it: only the first migration applied."""
    script = (ROOT / "storage" / "migrations" / "0001_core.sql").read_text(encoding="utf-8")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        conn.executescript(script)
        conn.execute("INSERT INTO schema_migrations VALUES (1, '0001_core.sql', 'then')")
    conn.close()


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        value = int(conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0])
    conn.close()
    return value


def test_backup_refuses_a_missing_store_and_itself(tmp_path: Path) -> None:
    typo = tmp_path / "knotenpunkt.sqllite3"
    target = tmp_path / "copy.sqlite3"
    result = _run(typo, ["db", "backup", str(target)])
    assert result.returncode == 1
    assert "no store at" in result.stderr and "KNOTENPUNKT_DB_PATH" in result.stderr
    assert not typo.exists() and not target.exists()

    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0
    for same in (db, tmp_path / "." / "kp.sqlite3"):
        result = _run(db, ["db", "backup", str(same)])
        assert result.returncode == 1 and "is the store itself" in result.stderr

    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    result = _run(tmp_path / "notes.txt", ["db", "backup", str(target)])
    assert result.returncode == 1 and "cannot copy" in result.stderr


def test_backup_copies_without_migrating_the_source(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    _store_at_version_1(db)
    target = tmp_path / "copy.sqlite3"
    result = _run(db, ["db", "backup", str(target)])
    assert result.returncode == 0, result.stderr
    assert _version(db) == 1 and _version(target) == 1
    assert target.stat().st_mode & 0o077 == 0  # personal data: the owner only
