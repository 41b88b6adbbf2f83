"""``knotenpunkt member export|delete`` and ``knotenpunkt audit`` on a store file."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from storage import Store
from storage.db import to_db_time, utcnow


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(args))


async def _setup(db: Path) -> None:
    store = await Store.open(db)
    try:
        for name, user in (("Anna Muster", "42"), ("Ben Nachbar", "43")):
            member = await store.members.create(
                name=name, company=f"{name} AG", region="Hagen", competencies=[], language="de"
            )
            await store.members.add_identity(member.id, "telegram", user, user)
            await store.audit.record("member.registered", f"telegram:{user}", member_id=member.id)
        await store.db.execute(
            "UPDATE audit_log SET at = ? WHERE actor = 'telegram:43'",
            (to_db_time(utcnow() - timedelta(days=10)),),
        )
    finally:
        await store.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.sqlite3"
    asyncio.run(_setup(path))
    return path


def test_member_export_prints_or_writes_the_json(
    monkeypatch: pytest.MonkeyPatch, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(monkeypatch, db, "member", "export", "telegram:42") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["tables"]["members"][0]["name"] == "Anna Muster"
    assert "Ben Nachbar" not in json.dumps(document)
    target = tmp_path / "anna.json"
    assert _cli(monkeypatch, db, "member", "export", "#1", "--output", str(target)) == 0
    assert json.loads(target.read_text())["member_id"] == 1
    assert _cli(monkeypatch, db, "member", "export", "telegram:99") == 1
    assert "no member 'telegram:99'" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "member", "export", "Anna") == 1  # names are not unique


def test_member_delete_asks_and_erases(
    monkeypatch: pytest.MonkeyPatch, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(monkeypatch, db, "member", "delete", "telegram:42", stdin="n\n") == 1
    assert "nothing deleted" in capsys.readouterr().out
    assert _cli(monkeypatch, db, "member", "delete", "telegram:42", stdin="y\n") == 0
    out = capsys.readouterr().out
    assert "deleted #1" in out and "• 1 profile\n" in out and "• 1 account\n" in out
    assert _cli(monkeypatch, db, "member", "export", "telegram:42") == 1
    assert _cli(monkeypatch, db, "audit", "--action", "member.erased") == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.split()[2:4] == ["cli", "member.erased"] and "by=staff" in line


def test_audit_filters_by_time_and_actor(
    monkeypatch: pytest.MonkeyPatch, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(monkeypatch, db, "audit") == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    since = (utcnow() - timedelta(days=2)).strftime("%Y-%m-%d")
    assert _cli(monkeypatch, db, "audit", "--since", since) == 0
    [recent] = capsys.readouterr().out.splitlines()
    assert "telegram:42" in recent and "member_id=1" in recent
    assert _cli(monkeypatch, db, "audit", "--actor", "telegram:43") == 0
    [older] = capsys.readouterr().out.splitlines()
    assert "member_id=2" in older
    assert _cli(monkeypatch, db, "audit", "--since", "gestern") == 1
    assert "cannot read the time" in capsys.readouterr().err
