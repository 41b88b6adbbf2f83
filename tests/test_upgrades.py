"""A store left by an earlier release is migrated by today's code and served.

For every schema version before the newest, a store is built with the migrations up to
that version only and filled the way that release would have filled it (SQL valid for
that version): a member with an identity, a topic with a subscriber, an event with its
date, a working group, a scheduled broadcast. Then the bot starts on it and the member
and the admin use it through the core.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import App
from bot.models import Outgoing
from bot.settings import Settings
from storage import Store
from storage.db import Database, migration_versions, to_db_time, utcnow
from tests.helpers import FakeAdapter, Person

NEWEST = migration_versions()[-1]
EARLIER = migration_versions()[:-1]
EVENT = "Wasserstoff-Stammtisch"
GROUP = "Leichtbau"
BROADCAST = "Einladung zum Sommerfest"


async def _fill(db: Database, version: int) -> datetime:
    """What a release at ``version`` had stored, in the columns that version had; returns
    when the event starts."""
    now = utcnow()
    starts = (now + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    stamp = to_db_time(now)
    await db.execute(
        "INSERT INTO members (id, name, company, region, competencies, language, consent_at,"
        " created_at, updated_at) VALUES (1, 'Anna Muster', 'Muster GmbH', 'Kreis Olpe',"
        " '[\"KI\", \"Robotik\"]', 'de', ?, ?, ?)",
        (stamp, stamp, stamp),
    )
    await db.execute(
        "INSERT INTO identities (platform, user_id, member_id, chat_id, display_name,"
        " last_seen_at, created_at) VALUES ('console', 'anna', 1, 'anna', 'Anna', ?, ?)",
        (stamp, stamp),
    )
    await db.execute(
        "INSERT INTO topics (id, name, name_key, created_at) VALUES (1, 'Wasserstoff',"
        " 'wasserstoff', ?)",
        (stamp,),
    )
    await db.execute(
        "INSERT INTO subscriptions (member_id, topic_id, created_at) VALUES (1, 1, ?)", (stamp,)
    )
    if version >= 8:  # consent as that release recorded it (earlier ones had none)
        await db.execute(
            "INSERT INTO consent_events (member_id, kind, granted, version, source, at)"
            " VALUES (1, 'privacy', 1, 'legacy', 'registration', ?)",
            (stamp,),
        )
    if version >= 2:
        ends = starts + timedelta(hours=2)
        await db.execute(
            "INSERT INTO events (id, uid, title, starts_at, ends_at, timezone, location,"
            " created_at, updated_at) VALUES (1, 'upgrade-1@knotenpunkt', ?, ?, ?,"
            " 'Europe/Berlin', 'Olpe', ?, ?)",
            (EVENT, to_db_time(starts), to_db_time(ends), stamp, stamp),
        )
        await db.execute("INSERT INTO event_topics (event_id, topic_id) VALUES (1, 1)")
        if version >= 14:  # that release kept the dates in their own table
            await db.execute(
                "INSERT INTO event_dates (event_id, occurrence, starts_at, ends_at)"
                " VALUES (1, ?, ?, ?)",
                (to_db_time(starts), to_db_time(starts), to_db_time(ends)),
            )
            await db.execute(  # refreshed just now, with the default offsets (1d, 1h)
                "INSERT INTO event_dates_state (id, until, offsets, refreshed_at)"
                " VALUES (1, ?, '3600,86400', ?)",
                (to_db_time(now + timedelta(days=730)), stamp),
            )
    if version >= 5:
        await db.execute(
            "INSERT INTO work_groups (id, name, name_key, created_by, created_at)"
            " VALUES (1, ?, 'leichtbau', 'console:admin', ?)",
            (GROUP, stamp),
        )
        await db.execute(
            "INSERT INTO group_members (group_id, member_id, level_since, joined_at)"
            " VALUES (1, 1, ?, ?)",
            (stamp, stamp),
        )
    if version >= 6:
        await db.execute(
            "INSERT INTO broadcasts (id, audience, text, send_at, created_by, report_platform,"
            " report_chat_id, report_language, created_at) VALUES (1, '{\"topic_id\": 1}', ?,"
            " ?, 'console:admin', 'console', 'admin', 'de', ?)",
            (BROADCAST, to_db_time(now + timedelta(days=2)), stamp),
        )
    return starts


async def _build(path: Path, version: int) -> datetime:
    db = await Database(path).open(migrate=False)
    try:
        await db.migrate(until=version)
        assert await db.schema_version() == version
        return await _fill(db, version)
    finally:
        await db.close()


async def _answer(person: Person, text: str) -> str:
    """The answer to ``text``; a member of a release before consent was recorded is asked
    once to accept today's notice, and then gets the answer."""
    answer = _shown(await person.say(text))
    buttons = [b for m in person.last for b in m.button_list()]
    accept = [b for b in buttons if b.action == "privacy.accept"]
    if accept:
        await person.tap(accept[0])
        answer = _shown(await person.say(text))
    return answer


def _shown(messages: list[Outgoing]) -> str:
    """Titles, texts and button labels: all a person sees of the answer."""
    parts = []
    for message in messages:
        parts += [message.title or "", message.text]
        parts += [button.label for button in message.button_list()]
    return "\n".join(parts)


async def _dates_ready(store: Store, within: float = 5.0) -> None:
    """Stores from before the dates table get theirs from the refresh run at start."""
    deadline = time.monotonic() + within
    while await store.dates.state() is None:
        assert time.monotonic() < deadline, "the event dates were never written"
        await asyncio.sleep(0.02)


@pytest.mark.parametrize("version", EARLIER)
async def test_store_of_an_earlier_version_is_upgraded_and_served(
    version: int, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    starts = await _build(settings.db_path, version)
    adapter = FakeAdapter()
    app = App(settings, serve_http=False, adapter_factories=[lambda s: adapter])
    services = await app.start()
    try:
        store = services.store
        assert await store.db.schema_version() == NEWEST
        anna = Person(services.core, "anna")
        admin = Person(services.core, "admin")

        profile = await _answer(anna, "/profil")
        assert "Anna Muster" in profile and "Muster GmbH" in profile, profile

        if version >= 2:
            await _dates_ready(store)
            events = await _answer(anna, "/termine")
            local = starts.astimezone(ZoneInfo("Europe/Berlin"))
            assert f"{local:%d.%m.}, {local:%H:%M} · {EVENT}" in events, events
        if version >= 5:
            groups = await _answer(anna, "/gruppen")
            assert GROUP in groups, groups
        if version >= 6:
            status = await _answer(admin, "/rundschreiben status")
            assert BROADCAST[:20] in status, status
            broadcast = await store.broadcasts.get(1)
            assert broadcast is not None and broadcast.status == "scheduled"
            assert not [s for s in adapter.sent if s.message.markup], "sent before its time"
        assert await store.maintenance.integrity_check() == ["ok"]
    finally:
        await app.stop()
