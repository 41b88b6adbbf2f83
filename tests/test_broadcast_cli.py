"""``knotenpunkt broadcast send|list|status|cancel`` as an operator uses it."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.cli.broadcast import progress_bar, watch
from bot.settings import Settings
from storage import Store
from storage.broadcasts import Audience, DeliveryCounts
from storage.db import utcnow
from tests.broadcast_support import CLI, add_member, service


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str, stdin: str = "") -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["broadcast", *args])


async def _network(db: Path) -> None:
    store = await Store.open(db)
    try:
        ki = (await store.topics.create("KI in der Industrie")).id
        await add_member(store, "Anna", topics=(ki,))
        await add_member(store, "Ben", topics=(ki,), region="Kreis Olpe")
        await add_member(store, "Cem")
    finally:
        await store.close()


def _rows(db: Path, broadcast_id: int) -> int:
    with sqlite3.connect(db) as conn:
        return int(
            conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE batch = ?", (f"broadcast:{broadcast_id}",)
            ).fetchone()[0]
        )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kp.sqlite3"
    asyncio.run(_network(path))
    return path


def test_send_previews_asks_and_queues_the_count_shown(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["send", "--audience", "topic:ki in der industrie", "--text", "Hallo *alle*"]
    assert _cli(monkeypatch, db, *args, stdin="n\n") == 1
    out = capsys.readouterr().out
    assert "== 📣 Mitteilung von Knotenpunkt ==\nHallo alle\n" in out
    assert "audience:   subscribers of “KI in der Industrie”" in out
    assert "recipients: 2 now (console: 2)" in out
    assert "Send now to 2 members? [y/N] nothing sent" in out
    assert _rows(db, 1) == 0
    assert _cli(monkeypatch, db, *args, stdin="y\n") == 0
    assert "broadcast 1 queued for 2 recipients" in capsys.readouterr().out
    assert _rows(db, 1) == 2
    combined = ["send", "--audience", "topic:KI in der Industrie", "--audience", "region:hagen"]
    assert _cli(monkeypatch, db, *combined, "--text", "Nur Hagen", "--yes") == 0
    out = capsys.readouterr().out
    assert "subscribers of “KI in der Industrie” in the region Hagen" in out
    assert "broadcast 2 queued for 1 recipient\n" in out and _rows(db, 2) == 1


def test_audience_names_as_typed(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = ["--audience", "topic:Industrie", "--audience", "region:olpe", "--text", "Hallo"]
    assert _cli(monkeypatch, db, "send", *typed, "--yes") == 0
    out = capsys.readouterr().out
    assert "subscribers of “KI in der Industrie” in the region Kreis Olpe" in out
    assert "queued for 1 recipient\n" in out


def test_send_from_a_file_and_refusals(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "rundschreiben.txt"
    text.write_text("Zeile 1\n\n[Programm](https://example.org/p)\n", encoding="utf-8")
    assert _cli(monkeypatch, db, "send", "--audience", "all", "--file", str(text), "--yes") == 0
    out = capsys.readouterr().out
    assert "Programm (https://example.org/p)" in out and "queued for 3 recipients" in out
    refusals = {
        ("--audience", "group:Vorstand"): "I don't know the working group “Vorstand”.",
        ("--audience", "topic:Nope"): "there is no topic “Nope”; the topics: KI in der",
        ("--audience", "region:Atlantis"): "I don't know the region “Atlantis”. Regions: ",
        ("--audience", "all", "--audience", "region:Hagen"): "'all' cannot be combined",
        ("--audience", "everyone"): "unknown audience 'everyone'",
        ("--audience", "all", "--at", "bald"): "cannot read the time 'bald'",
        ("--audience", "all", "--at", "2020-01-01 09:00"): "That moment is in the past.",
    }
    for extra, message in refusals.items():
        assert _cli(monkeypatch, db, "send", *extra, "--text", "x", "--yes") == 1
        assert message in capsys.readouterr().err, extra
    assert _cli(monkeypatch, db, "send", "--audience", "all", "--text", " ", "--yes") == 1
    assert "The text is empty" in capsys.readouterr().err
    missing = str(tmp_path / "fehlt.txt")
    assert _cli(monkeypatch, db, "send", "--audience", "all", "--file", missing) == 1
    assert "cannot read" in capsys.readouterr().err


def test_schedule_list_status_and_cancel(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    at = (utcnow() + timedelta(days=2)).astimezone(ZoneInfo("Europe/Berlin"))
    stamp = at.strftime("%Y-%m-%d %H:%M")
    assert (
        _cli(
            monkeypatch, db, "send", "--audience", "all", "--text", "Später", "--at", stamp, "--yes"
        )
        == 0
    )
    assert "broadcast 1 scheduled for " in capsys.readouterr().out
    assert _rows(db, 1) == 0  # queued by the bot at its time
    assert _cli(monkeypatch, db, "send", "--audience", "all", "--text", "Jetzt", "--yes") == 0
    capsys.readouterr()
    assert _cli(monkeypatch, db, "list") == 0
    listing = capsys.readouterr().out
    assert listing.index("No. 1 · to all members") < listing.index("No. 2 · to all members")
    assert "🕘 scheduled for" in listing and "📤 sending since" in listing
    assert "✅ 0 sent · ⏳ 3 pending · 🚫 0 unreachable · ⚠️ 0 failed" in listing
    assert _cli(monkeypatch, db, "cancel", "2") == 0
    assert "broadcast 2 cancelled: 3 withdrawn, 0 already sent" in capsys.readouterr().out
    assert _rows(db, 2) == 3  # kept, marked withdrawn
    assert _cli(monkeypatch, db, "cancel", "1") == 0
    assert _cli(monkeypatch, db, "cancel", "1") == 1
    assert "already done or cancelled" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "status", "2") == 0
    status = capsys.readouterr().out
    assert "✖️ cancelled" in status
    assert "✅ 0 sent · ⏳ 0 pending · 🚫 0 unreachable · ⚠️ 0 failed · ↩️ 3 withdrawn" in status
    assert _cli(monkeypatch, db, "status", "99") == 1
    assert "There is no broadcast no. 99." in capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY id")]
        actors = {r[0] for r in conn.execute("SELECT actor FROM audit_log")}
    assert actions == [
        "broadcast.scheduled",
        "broadcast.sent",
        "broadcast.cancelled",
        "broadcast.cancelled",
    ]
    assert actors == {"cli"}


def test_progress_bar_counts_what_is_final() -> None:
    bar = progress_bar(DeliveryCounts(sent=500, pending=488, unreachable=10, failed=2), 1000, 20)
    assert bar == "[##########----------] 512/1,000  sent 500 · unreachable 10 · failed 2"
    assert progress_bar(DeliveryCounts(), 0, 4).startswith("[####] 0/0")
    cancelled = progress_bar(DeliveryCounts(sent=1, withdrawn=3), 4, 4)
    assert cancelled == "[####] 4/4  sent 1 · unreachable 0 · failed 0 · withdrawn 3"


async def test_watch_redraws_until_nothing_is_pending(store: Store, settings: Settings) -> None:
    for name in ("A", "B"):
        await add_member(store, name)
    broadcast, queued = await service(store, settings).send_now(Audience(), "Hallo", CLI)

    async def deliver() -> None:
        for row in await store.outbox.due(utcnow(), 10):
            await asyncio.sleep(0.05)
            await store.outbox.mark_sending(row.id)
            await store.outbox.mark_sent(row.id)

    out = io.StringIO()
    delivering = asyncio.create_task(deliver())
    counts = await watch(store, broadcast.id, queued, out, interval=0.01)
    await delivering
    assert counts.sent == 2
    frames = out.getvalue().split("\r")
    assert frames[1].startswith("[------------------------------] 0/2")
    assert frames[-1] == "[##############################] 2/2  sent 2 · unreachable 0 · failed 0\n"
