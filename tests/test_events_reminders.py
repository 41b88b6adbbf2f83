"""Reminders: due once, never twice, across restarts; missed ones go out at start."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import App, Services
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.reminders import ReminderScanner
from handlers.events.service import EventService
from storage import Store
from storage.db import utcnow
from storage.events import EventFields
from storage.members import Member
from tests.helpers import FakeAdapter

DAY, HOUR = timedelta(days=1), timedelta(hours=1)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def new_member(store: Store, user_id: str, reminders: bool = True) -> Member:
    member = await store.members.create(
        name=user_id.title(), company="X GmbH", region="Hagen", competencies=[], language="de"
    )
    await store.members.add_identity(member.id, "console", user_id, user_id)
    if not reminders:
        await store.members.set_reminders(member.id, False)
    return member


async def reminder_rows(store: Store) -> list[tuple[str, str]]:
    rows = await store.db.fetchall(
        "SELECT dedupe_key, chat_id FROM outbox WHERE dedupe_key LIKE 'reminder:%' ORDER BY id"
    )
    return [(r[0], r[1]) for r in rows]


def scanner(store: Store, settings: Settings, clock: Clock) -> ReminderScanner:
    return ReminderScanner(store, Notifier(store, "de"), settings, clock=clock)


async def create(store: Store, settings: Settings, start: datetime, **extra: object) -> int:
    fields = EventFields(
        title="KI-Stammtisch", start=start, end=start + 2 * HOUR, timezone="Europe/Berlin", **extra
    )  # type: ignore[arg-type]
    service = EventService(store, Notifier(store, "de"), settings, "test")
    return (await service.create(fields)).id


async def test_each_reminder_once_across_a_restart(settings: Settings) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(days=10)
    store = await Store.open(settings.db_path)
    try:
        await _once_across_restart(settings, store, start)
    finally:
        await store.close()


async def _once_across_restart(settings: Settings, store: Store, start: datetime) -> None:
    event_id = await create(store, settings, start)
    anna = await new_member(store, "anna")
    quiet = await new_member(store, "quiet", reminders=False)
    nope = await new_member(store, "nope")
    for m, status in ((anna, "yes"), (quiet, "yes"), (nope, "no")):
        await store.rsvps.record(event_id, start, m.id, status, False)
    clock = Clock(start - DAY - timedelta(minutes=5))
    assert await scanner(store, settings, clock).scan() == 0  # not due yet
    clock.now = start - DAY + timedelta(minutes=1)
    assert await scanner(store, settings, clock).scan() == 1
    await store.close()  # the bot stops in the middle of the reminder window
    await store.db.open()  # and starts again on the same file
    assert await scanner(store, settings, clock).scan() == 0  # after the restart: not again
    clock.now = start - HOUR + timedelta(seconds=10)
    assert await scanner(store, settings, clock).scan() == 1
    assert await scanner(store, settings, clock).scan() == 0
    clock.now = start + timedelta(minutes=1)
    assert await scanner(store, settings, clock).scan() == 0  # begun: nothing more
    rows = await reminder_rows(store)
    stamp = start.strftime("%Y%m%dT%H%M%SZ")
    assert rows == [
        (f"reminder:{event_id}:{stamp}:86400:{anna.id}", "anna"),
        (f"reminder:{event_id}:{stamp}:3600:{anna.id}", "anna"),
    ]
    payload = json.loads(
        await store.db.fetchval("SELECT payload FROM outbox WHERE chat_id = 'anna' LIMIT 1")
    )
    assert payload["title"] == "Erinnerung: KI-Stammtisch"
    assert "Es geht in 24 Stunden los." in payload["text"]


async def test_missed_while_down_goes_out_once_if_not_begun(
    settings: Settings, store: Store
) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(days=5)
    event_id = await create(store, settings, start, rrule="FREQ=WEEKLY")
    anna = await new_member(store, "anna")
    await store.rsvps.record(event_id, start, anna.id, "maybe", False)
    # the bot was down at both moments; 30 minutes before the start it comes back
    clock = Clock(start - timedelta(minutes=30))
    assert await scanner(store, settings, clock).scan() == 1
    assert await scanner(store, settings, clock).scan() == 0
    ((key, _chat),) = await reminder_rows(store)
    assert key.endswith(f":3600:{anna.id}")  # one reminder, the latest due, not a burst
    # a date that already began gets none: the next week's answer is only "maybe" later
    later = start + timedelta(days=7)
    await store.rsvps.record(event_id, later, anna.id, "yes", False)
    clock.now = later + timedelta(minutes=1)
    assert await scanner(store, settings, clock).scan() == 0


async def test_topic_subscribers_only_when_they_asked(settings: Settings, store: Store) -> None:
    topic = await store.topics.create("KI in der Industrie")
    fan, other, declined = [await new_member(store, n) for n in ("fan", "other", "declined")]
    for m in (fan, other, declined):
        await store.topics.subscribe(m.id, topic.id)
    await store.rsvps.set_remind_topics(fan.id, True)
    await store.rsvps.set_remind_topics(declined.id, True)
    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    event_id = await create(store, settings, start, topic_ids=[topic.id])
    await store.rsvps.record(event_id, start, declined.id, "no", False)
    clock = Clock(start - HOUR)
    assert await scanner(store, settings, clock).scan() == 1
    assert [chat for _key, chat in await reminder_rows(store)] == ["fan"]


async def test_answering_after_the_moment_does_not_trigger_it(
    settings: Settings, store: Store
) -> None:
    start = utcnow().replace(microsecond=0) + 3 * HOUR
    event_id = await create(store, settings, start)
    anna = await new_member(store, "anna")
    await store.rsvps.record(event_id, start, anna.id, "yes", False)  # answered after start - 1d
    clock = Clock(utcnow())
    assert await scanner(store, settings, clock).scan() == 0
    clock.now = start - HOUR
    assert await scanner(store, settings, clock).scan() == 1


# on a running bot, in real time ---------------------------------------------------------


async def wait_for(condition: Callable[[], bool], within: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


def reminders_to(adapter: FakeAdapter, chat: str) -> list[str]:
    return [
        s.message.text
        for s in adapter.sent
        if s.chat_id == chat and (s.message.title or "").startswith("Erinnerung")
    ]


async def start_app(settings: Settings, adapter: FakeAdapter) -> tuple[App, Services]:
    app = App(settings, serve_http=False, adapter_factories=[lambda s: adapter])
    services = await app.start()
    return app, services


@pytest.mark.parametrize(
    ("offsets", "ahead"),
    # the second is the real-time check (~30 s); the first is fast, with two seconds
    # between scans' chances (the scan runs every second: one second apart was tight on a
    # loaded machine)
    [("4s,2s", 6), ("20s,5s", 30)],
)
async def test_running_bot_sends_both_reminders_once_each(
    make_settings: Callable[..., Settings], offsets: str, ahead: int
) -> None:
    """KNOTENPUNKT_REMINDER_OFFSETS=20s,5s and an event 30 s ahead (fast: 4s,2s and 6 s)."""
    settings = make_settings(reminder_offsets=offsets)
    adapter = FakeAdapter()
    app, services = await start_app(settings, adapter)
    try:
        anna = await new_member(services.store, "anna")
        start = utcnow() + timedelta(seconds=ahead)
        event_id = await create(services.store, settings, start)
        await services.store.rsvps.record(event_id, start, anna.id, "yes", False)
        await wait_for(lambda: len(reminders_to(adapter, "anna")) == 2, within=ahead + 1)
        await asyncio.sleep(max(0.0, (start - utcnow()).total_seconds()) + 0.3)
        texts = reminders_to(adapter, "anna")
        assert len(texts) == 2
        assert "Sekunde" in texts[0] and "Sekunde" in texts[1]
        keys = [key for key, _chat in await reminder_rows(services.store)]
        big, small = (int(o.total_seconds()) for o in settings.reminder_offsets)
        assert [k.split(":")[-2] for k in keys] == [str(big), str(small)]
    finally:
        await app.stop()


async def test_restart_between_reminders_and_missed_one_on_start(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(reminder_offsets="3s,1s")
    adapter = FakeAdapter()
    app, services = await start_app(settings, adapter)
    try:
        anna = await new_member(services.store, "anna")
        start = utcnow() + timedelta(seconds=4)
        event_id = await create(services.store, settings, start)
        await services.store.rsvps.record(event_id, start, anna.id, "yes", False)
        await wait_for(lambda: len(reminders_to(adapter, "anna")) == 1, within=3)
        await app.stop()  # down before the second moment (start - 1s) ...
        await asyncio.sleep(max(0.0, (start - timedelta(seconds=0.6) - utcnow()).total_seconds()))
        app, services = await start_app(settings, adapter)  # ... and back before the start
        await wait_for(lambda: len(reminders_to(adapter, "anna")) == 2, within=2)
        await asyncio.sleep(max(0.0, (start - utcnow()).total_seconds()) + 0.3)
        assert len(reminders_to(adapter, "anna")) == 2
        assert await services.store.rsvps.sent_count(event_id) == 2
    finally:
        await app.stop()


async def test_event_added_by_the_cli_while_running_gets_reminders(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    import argparse

    from bot.cli import event as event_cli

    settings = make_settings(reminder_offsets="2s,1s")
    adapter = FakeAdapter()
    app, services = await start_app(settings, adapter)
    try:
        store = services.store
        topic = await store.topics.create("KI in der Industrie")
        fan = await new_member(store, "fan")
        await store.topics.subscribe(fan.id, topic.id)
        await store.rsvps.set_remind_topics(fan.id, True)
        parser = argparse.ArgumentParser()
        event_cli.add_parser(parser.add_subparsers())
        # whole seconds (the CLI reads no fractions): 3 to 4 s ahead, so both moments come
        # after the event's creation
        start = (utcnow() + timedelta(seconds=4)).replace(microsecond=0).astimezone(settings.zone)
        args = parser.parse_args(
            ["event", "add", "--title", "Spontan-Treffen", "--start",
             start.strftime("%Y-%m-%d %H:%M:%S"), "--duration", "1h",
             "--topic", "KI in der Industrie"]
        )  # fmt: skip
        assert await event_cli.add_event(args, settings) == 0
        await wait_for(lambda: len(reminders_to(adapter, "fan")) == 2, within=5)
        await asyncio.sleep(max(0.0, (start - utcnow()).total_seconds()) + 0.3)
        announced = [s.message.title for s in adapter.sent if s.chat_id == "fan"]
        assert announced.count("Neuer Termin: Spontan-Treffen") == 1
        assert announced.count("Erinnerung: Spontan-Treffen") == 2
    finally:
        await app.stop()
