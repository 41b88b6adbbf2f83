"""The database-driven job (expiry, the two-week question, once, also across restarts),
the monthly counts, and ``knotenpunkt requests stats|list|remove``."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App
from bot.cli import main
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.cooperation.jobs import RequestJobs
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from tests.cooperation_support import add_member, messages_to, post, service
from tests.helpers import FakeAdapter


async def until(condition: Callable[[], Awaitable[bool]], within: float = 6.0) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)


async def test_expired_requests_close_once_and_disappear(store: Store, settings: Settings) -> None:
    author = await add_member(store, "Autorin", [])
    reader = await add_member(store, "Leser", [])
    now = utcnow()
    posted = await post(store, settings, author, ["Laser"], at=now - timedelta(weeks=7))
    fresh = await post(store, settings, author, ["Laser"], title="Neu", at=now)
    notifier = Notifier(store, settings.language)
    reader_member = await store.members.get(reader)
    assert reader_member is not None
    listing = await service(store, settings).listing(reader_member)
    assert [r.id for r in listing.others] == [fresh.request.id]  # expired: gone already

    assert await RequestJobs(store, notifier, clock=lambda: now).tick() == (1, 0)
    assert await RequestJobs(store, notifier, clock=lambda: now).tick() == (0, 0)  # restart
    expired = await store.cooperation.get(posted.request.id)
    assert expired is not None and expired.status == "expired"
    [note] = await messages_to(store, author)
    assert note.text.startswith("Ihr Gesuch „Partner gesucht“ ist abgelaufen")
    with pytest.raises(Invalid) as refused:
        await service(store, settings).show_interest(posted.request.id, reader_member)
    assert refused.value.key == "cooperation.not_open"


async def test_authors_are_asked_after_two_weeks_once(store: Store, settings: Settings) -> None:
    author = await add_member(store, "Autorin", [])
    now = utcnow()
    due = await post(store, settings, author, ["Laser"], at=now - timedelta(days=15))
    await post(store, settings, author, ["Laser"], title="Jung", at=now - timedelta(days=13))
    await post(
        store,
        settings,
        author,
        ["Laser"],
        title="Kurz",
        weeks=2,
        at=now - timedelta(days=14, hours=1),
    )
    notifier = Notifier(store, settings.language)
    assert await RequestJobs(store, notifier, clock=lambda: now).tick() == (
        1,
        1,
    )  # expired: not asked
    assert await RequestJobs(store, notifier, clock=lambda: now).tick() == (0, 0)
    expired_note, question = await messages_to(store, author)
    assert "„Kurz“ ist abgelaufen" in expired_note.text
    assert question.text == (
        "Ihr Gesuch „Partner gesucht“ ist seit zwei Wochen online (noch keine Interessierten)."
        " Ist es noch aktuell?"
    )
    assert [b.label for b in question.button_list()] == [
        "Ja, noch aktuell",
        "Partner gefunden",
        "Nicht mehr nötig",
    ]
    assert {b.arg for b in question.button_list()} == {
        str(due.request.id),
        f"{due.request.id}:found",
        f"{due.request.id}:not_needed",
    }


async def test_the_running_bot_asks_at_start_and_never_twice_across_restarts(
    settings: Settings,
) -> None:
    store = await Store.open(settings.db_path)
    try:
        author = await add_member(store, "Autorin", [], identities=(("console", "autorin"),))
        await post(store, settings, author, ["Laser"], at=utcnow() - timedelta(days=15))
    finally:
        await store.close()
    adapter = FakeAdapter()

    def questions() -> list[str]:
        return [s.message.text for s in adapter.sent if "seit zwei Wochen" in s.message.text]

    for _restart in range(2):
        app = App(settings, serve_http=False, adapter_factories=[lambda s: adapter])
        services = await app.start()
        try:

            async def asked() -> bool:
                return len(questions()) == 1

            await until(asked)
            await services.worker.drain(within=2.0)
        finally:
            await app.stop()
    assert len(questions()) == 1


async def test_posted_interests_and_connections_count_per_month_in_the_network_zone(
    store: Store, settings: Settings
) -> None:
    author = await add_member(store, "Autorin", [])
    helper = await add_member(store, "Helfer", ["Laser"])
    january = datetime(2026, 1, 20, 9, tzinfo=UTC)
    new_year_in_berlin = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # 1 February in Berlin
    await post(store, settings, author, ["Laser"], at=january)
    second = await post(store, settings, author, ["Laser"], at=new_year_in_berlin)
    february = datetime(2026, 2, 10, tzinfo=UTC)
    helper_member = await store.members.get(helper)
    author_member = await store.members.get(author)
    assert helper_member is not None and author_member is not None
    svc = service(store, settings, clock=lambda: february)
    assert await svc.show_interest(second.request.id, helper_member)
    assert not await svc.show_interest(second.request.id, helper_member)  # counts once
    await svc.connect(second.request.id, author_member, helper, "test")
    await svc.connect(second.request.id, author_member, helper, "test")  # counts once

    march = service(store, settings, clock=lambda: datetime(2026, 3, 5, tzinfo=UTC))
    stats = await march.monthly_stats(4)
    assert [(m.month, m.posted, m.interests, m.connections) for m in stats] == [
        ("2025-12", 0, 0, 0),
        ("2026-01", 1, 0, 0),
        ("2026-02", 1, 1, 1),
        ("2026-03", 0, 0, 0),
    ]
    await store.members.delete(helper)  # the numbers stay when people leave
    assert (await march.monthly_stats(2))[0].connections == 1


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str) -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    return main(["requests", *args])


def test_cli_stats_list_and_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"

    async def network() -> int:
        store = await Store.open(db)
        try:
            settings = Settings(_env_file=None, db_path=db)  # type: ignore[call-arg]
            author = await add_member(store, "Autorin", [], region="Kreis Olpe")
            await add_member(store, "Helfer", ["Laser"])
            posted = await post(store, settings, author, ["Laser"], region="Kreis Olpe")
            return posted.request.id
        finally:
            await store.close()

    request_id = asyncio.run(network())
    month = utcnow().astimezone(Settings(_env_file=None).zone).strftime("%Y-%m")  # type: ignore[call-arg]
    assert _cli(monkeypatch, db, "stats", "--months", "2", "--csv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "month,posted,interests,connections"
    assert lines[-1] == f"{month},1,0,0" and len(lines) == 3
    assert _cli(monkeypatch, db, "stats") == 0
    table = capsys.readouterr().out
    assert "total" in table and len(table.splitlines()) == 14

    assert _cli(monkeypatch, db, "list") == 0
    assert f"No. {request_id} · Looking for: Partner gesucht" in capsys.readouterr().out
    assert _cli(monkeypatch, db, "remove", str(request_id)) == 0
    assert "removed request" in capsys.readouterr().out
    assert _cli(monkeypatch, db, "remove", str(request_id)) == 1
    assert "no longer open" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "list") == 0
    assert capsys.readouterr().out.strip() == "no open requests"

    async def audit() -> list[str]:
        store = await Store.open(db)
        try:
            return [a["action"] for a in await store.audit.recent() if a["actor"] == "cli"]
        finally:
            await store.close()

    assert asyncio.run(audit()) == ["cooperation.removed"]
