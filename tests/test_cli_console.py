"""The command line as an operator uses it, and the console adapter fed through a pipe."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

KNOTENPUNKT = [sys.executable, "-m", "bot.cli"]


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    env["KNOTENPUNKT_QUIET_HOURS"] = "off"  # no test depends on the time of day
    env.update({"KNOTENPUNKT_DB_PATH": str(db), "PYTHONPATH": str(Path(__file__).parents[1])})
    env.update(extra)
    return env


def _run(
    db: Path, args: list[str], stdin: str = "", **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KNOTENPUNKT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(db, **extra),
        timeout=60,
        check=False,
    )


def test_piped_console_registration_and_subscription(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0
    # /start, Deutsch, name, company, region 5 (Kreis Soest), competencies, consent, topics, toggle 3
    script = "/start\n1\nAnna Muster\nMuster GmbH\n5\nKI, Robotik\n1\n/themen\n3\n"
    result = _run(db, ["run", "--console-user", "anna"], stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Danke, Anna Muster, Sie sind registriert!" in result.stdout
    assert "Sie haben „KI in der Industrie“ abonniert." in result.stdout
    with sqlite3.connect(db) as conn:
        member = conn.execute("SELECT name, company, region, language FROM members").fetchone()
        assert member == ("Anna Muster", "Muster GmbH", "Kreis Soest", "de")
        identity = conn.execute("SELECT platform, user_id FROM identities").fetchone()
        assert identity == ("console", "anna")
        topic = conn.execute(
            "SELECT t.name FROM subscriptions s JOIN topics t ON t.id = s.topic_id"
        ).fetchall()
        assert topic == [("KI in der Industrie",)]


def test_console_admin_from_settings_can_create_topics(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    result = _run(
        db,
        ["run", "--console-user", "chef"],
        stdin="/neuesthema Wasserstoff | H2\n",
        KNOTENPUNKT_ADMINS="console:chef",
    )
    assert "„Wasserstoff“ ist angelegt" in result.stdout
    refused = _run(db, ["run", "--console-user", "anna"], stdin="/neuesthema Nope\n")
    assert "dem Netzwerk-Team vorbehalten" in refused.stdout


def test_bad_setting_stops_start_with_one_line(tmp_path: Path) -> None:
    result = _run(tmp_path / "kp.sqlite3", ["run"], KNOTENPUNKT_TIMEZONE="Mars/Olympus")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "knotenpunkt: configuration error: KNOTENPUNKT_TIMEZONE: unknown time zone 'Mars/Olympus'"
    ]


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str) -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    return main(list(args))


def test_topic_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _cli(monkeypatch, db, "db", "migrate") == 0
    assert "schema at version" in capsys.readouterr().out
    assert _cli(monkeypatch, db, "topic", "add", "Robotik", "--description", "Cobots") == 0
    assert _cli(monkeypatch, db, "topic", "add", "robotik") == 1
    assert "already exists" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "topic", "archive", "Robotik") == 0
    assert _cli(monkeypatch, db, "topic", "archive", "Robotik") == 1
    capsys.readouterr()
    assert _cli(monkeypatch, db, "topic", "list") == 0
    assert "Robotik" not in capsys.readouterr().out
    assert _cli(monkeypatch, db, "topic", "list", "--all") == 0
    assert "Robotik (archived)" in capsys.readouterr().out


def test_admin_add_and_demo_data_are_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _cli(monkeypatch, db, "admin", "add", "telegram:12345") == 0
    assert _cli(monkeypatch, db, "admin", "add", "telegram:12345") == 0
    assert "already an admin" in capsys.readouterr().out
    assert _cli(monkeypatch, db, "admin", "add", "12345") == 2
    assert _cli(monkeypatch, db, "demo-data") == 0
    assert _cli(monkeypatch, db, "demo-data") == 0
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM topics")}
    assert {
        "Produktion der Zukunft",
        "Zukunftsfähige Geschäftsmodelle",
        "Circular Economy",
        "Arbeitswelt der Zukunft",
        "KI in der Industrie",
        "Verteidigung & Sicherheit",
    } <= names


def test_backup_copies_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _cli(monkeypatch, db, "demo-data") == 0
    target = tmp_path / "backups" / "copy.sqlite3"
    assert _cli(monkeypatch, db, "db", "backup", str(target)) == 0
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT COUNT(*) FROM topics").fetchone() == (6,)


def test_sigterm_stops_the_bot_gracefully(tmp_path: Path) -> None:
    import signal
    import time

    db = tmp_path / "kp.sqlite3"
    process = subprocess.Popen(
        [*KNOTENPUNKT, "run", "--console-user", "anna"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(db),
    )
    try:
        assert process.stdout is not None
        assert "„anna“" in process.stdout.readline()  # running, waiting for input
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert process.wait(timeout=15) == 0
        assert time.monotonic() - started < 10
    finally:
        process.kill()
    with sqlite3.connect(db) as conn:  # the store was closed cleanly and is usable
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


async def test_console_numbers_buttons_across_all_messages_of_an_answer() -> None:
    import asyncio
    import io

    from bot.adapters.console import ConsoleAdapter
    from bot.models import Button, Incoming, Outgoing

    seen: list[Incoming] = []

    async def handle(incoming: Incoming) -> list[Outgoing]:
        seen.append(incoming)
        if incoming.text == "/list":
            return [
                Outgoing(text="first", buttons=[[Button(label="A", action="pick", arg="a")]]),
                Outgoing(text="second", buttons=[[Button(label="B", action="pick", arg="b")]]),
            ]
        return []

    finished = asyncio.Event()

    async def on_eof() -> None:
        finished.set()

    out = io.StringIO()
    adapter = ConsoleAdapter(handle, "anna", io.StringIO("/list\n2\n"), out, on_eof)
    await adapter.start()
    await asyncio.wait_for(finished.wait(), 5)
    assert "[1] A" in out.getvalue() and "[2] B" in out.getvalue()
    assert (seen[1].action, seen[1].action_arg) == ("pick", "b")
