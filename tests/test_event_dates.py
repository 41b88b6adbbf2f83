"""Materialised dates: written when a series changes, a date moves or is cancelled, on
import and by the daily refresh; read by the next-dates list, the feed and the scan."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.app import App
from bot.calendar.recurrence import HORIZON
from bot.services import Services
from bot.settings import Settings
from handlers.events.dates import PAST, keep_fresh
from handlers.events.feed import member_occurrences
from handlers.events.importer import sync_calendar
from handlers.events.reminders import ReminderScanner
from handlers.events.upcoming import upcoming
from storage import Store
from storage.db import to_db_time, utcnow
from storage.events import EventFields
from tests.events_support import add_event, member, service
from tests.helpers import FakeAdapter
from tests.test_events_ics import YEAR, calendar, vevent

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = date(YEAR, 1, 1) + timedelta(days=(1 - date(YEAR, 1, 1).weekday()) % 7)  # a Tuesday
WEEK = [FIRST + timedelta(weeks=n) for n in range(20)]


def _stamp(day: date, hour: int) -> str:
    return f"{day:%Y%m%d}T{hour:02d}0000"


SERIES = vevent(
    "stammtisch@example.org",
    "KI-Stammtisch",
    _stamp(WEEK[0], 18),
    _stamp(WEEK[0], 20),
    "RRULE:FREQ=WEEKLY;BYDAY=TU",
    f"EXDATE;TZID=Europe/Berlin:{_stamp(WEEK[1], 18)}",  # the second date cancelled
    "CATEGORIES:KI in der Industrie",
)
MOVED = vevent(  # the third date moved to Thursday, 19:00
    "stammtisch@example.org",
    "KI-Stammtisch",
    _stamp(WEEK[2] + timedelta(days=2), 19),
    _stamp(WEEK[2] + timedelta(days=2), 21),
    f"RECURRENCE-ID;TZID=Europe/Berlin:{_stamp(WEEK[2], 18)}",
)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour))


def _local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN).replace(tzinfo=None)


async def _rows(app: Services, event_id: int) -> list[tuple[datetime, datetime, bool, bool]]:
    dated = await app.store.dates.of_events([event_id], utcnow() - PAST)
    return [(_local(d.occurrence), _local(d.start), d.moved, d.cancelled) for _e, d in dated]


async def test_a_series_change_rewrites_its_dates(app: Services) -> None:
    start = _at(FIRST, 18).replace(tzinfo=BERLIN).astimezone(UTC)  # Tuesdays, 18:00
    event = await add_event(app, "Stammtisch", start=start, rrule="FREQ=WEEKLY;BYDAY=TU")
    rows = await _rows(app, event.id)
    assert rows[0][:2] == (_at(FIRST, 18), _at(FIRST, 18))
    assert all(occ.weekday() == 1 and occ.hour == 18 for occ, *_ in rows)
    assert max(occ for occ, *_ in rows) > _local(utcnow() + HORIZON - timedelta(days=8))

    later = start + timedelta(days=1, hours=1)  # Wednesdays, 19:00, fortnightly
    fields = EventFields(
        title="Stammtisch",
        start=later,
        end=later + timedelta(hours=2),
        timezone="Europe/Berlin",
        rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    )
    await service(app).update(event, fields)
    rows = await _rows(app, event.id)
    assert all(occ.weekday() == 2 and occ.hour == 19 for occ, *_ in rows)
    assert rows[1][0] - rows[0][0] == timedelta(days=14)
    [next_date] = await upcoming(app.store, event_id=event.id, limit=1)
    assert _local(next_date.start) == _at(FIRST + timedelta(days=1), 19)


async def test_a_moved_and_a_cancelled_date_from_an_import(app: Services) -> None:
    await app.store.topics.create("KI in der Industrie")
    report = await sync_calendar(service(app), calendar(SERIES, MOVED), "https://example.org/k")
    assert report.created == ["stammtisch@example.org"]
    event = await app.store.events.by_uid("stammtisch@example.org")
    assert event is not None
    rows = {
        occ: (start, moved, cancelled)
        for occ, start, moved, cancelled in await _rows(app, event.id)
    }
    moved_to = _at(WEEK[2] + timedelta(days=2), 19)
    assert rows[_at(WEEK[1], 18)] == (_at(WEEK[1], 18), False, True)
    assert rows[_at(WEEK[2], 18)] == (moved_to, True, False)
    assert rows[_at(WEEK[3], 18)] == (_at(WEEK[3], 18), False, False)

    soon = _at(WEEK[0], 21).replace(tzinfo=BERLIN)  # after the first date
    listed = await upcoming(app.store, event_id=event.id, limit=3, per_event=3, now=soon)
    assert [_local(o.start) for o in listed] == [moved_to, _at(WEEK[3], 18), _at(WEEK[4], 18)]
    assert [o.moved for o in listed] == [True, False, False]  # the cancelled one left out

    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/themen abonnieren KI in der Industrie")
    member_row = await app.store.members.find_by_identity("console", "anna")
    assert member_row is not None
    feed = await member_occurrences(app.store, member_row.id, "topics")
    cancelled = [o for o in feed if o.cancelled]
    assert [_local(o.key) for o in cancelled] == [_at(WEEK[1], 18)]  # shown as cancelled

    # the website moves the March date back: the import writes the dates again
    report = await sync_calendar(service(app), calendar(SERIES), "https://example.org/k")
    assert report.updated == ["stammtisch@example.org"]
    rows = {
        occ: (start, moved, cancelled)
        for occ, start, moved, cancelled in await _rows(app, event.id)
    }
    assert rows[_at(WEEK[2], 18)] == (_at(WEEK[2], 18), False, False)


async def test_cancelling_a_date_or_the_event_takes_it_off_lists_and_reminders(
    app: Services,
) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    event = await add_event(app, "Werkstatt", start=start, rrule="FREQ=WEEKLY")
    [first] = await upcoming(app.store, event_id=event.id, limit=1)
    await service(app).cancel(event, first.key)
    [second] = await upcoming(app.store, event_id=event.id, limit=1)
    assert second.key == first.key + timedelta(weeks=1)
    dated = await app.store.dates.get(event.id, first.key)
    assert dated is not None and dated[1].cancelled and dated[1].remind_at is None

    await service(app).cancel(event)
    assert await upcoming(app.store, event_id=event.id, limit=1) == []
    scanner = ReminderScanner(app.store, app.notifier, app.settings, clock=lambda: start)
    assert await scanner.scan() == 0
    assert await app.store.dates.due_reminders(start + timedelta(days=30)) == []


async def test_the_scan_moves_each_dates_moment_on_and_stops_when_it_began(app: Services) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(days=2)
    event = await add_event(app, "Webinar", start=start)
    [(_e, date)] = await app.store.dates.of_events([event.id], utcnow())
    assert date.remind_at == start - timedelta(days=1)  # the earliest of 1d and 1h
    now = start - timedelta(hours=20)
    scanner = ReminderScanner(app.store, app.notifier, app.settings, clock=lambda: now)
    await scanner.scan()  # nobody answered: nothing owed, but the moment moves on
    [(_e, date)] = await app.store.dates.of_events([event.id], utcnow())
    assert date.remind_at == start - timedelta(hours=1)
    now = start - timedelta(minutes=10)
    await scanner.scan()
    [(_e, date)] = await app.store.dates.of_events([event.id], utcnow())
    assert date.remind_at is None


async def test_the_daily_refresh_moves_the_horizon_on_and_new_offsets_reset_moments(
    app: Services, make_settings: object
) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(days=5)
    event = await add_event(app, "Monatlich", start=start, rrule="FREQ=MONTHLY")
    await keep_fresh(app.store, app.settings)
    before = await app.store.dates.of_events([event.id], utcnow())
    # a day later, say: the state is stale, the horizon moves, nothing is lost
    yesterday = to_db_time(utcnow() - timedelta(days=2))
    await app.store.db.execute("UPDATE event_dates_state SET refreshed_at = ?", (yesterday,))
    await app.store.db.execute("DELETE FROM event_dates WHERE starts_at > ?", (to_db_time(start),))
    await keep_fresh(app.store, app.settings)
    after = await app.store.dates.of_events([event.id], utcnow())
    assert [d.occurrence for _e, d in after] == [d.occurrence for _e, d in before]
    state = await app.store.dates.state()
    assert state is not None and state.until > utcnow() + HORIZON - timedelta(minutes=1)

    # other reminder offsets: every moment is set again from now on
    other = app.settings.model_copy(update={"reminder_offsets": [timedelta(hours=2)]})
    await keep_fresh(app.store, other)
    dated = await app.store.dates.get(event.id, start)
    assert dated is not None and dated[1].remind_at == start - timedelta(hours=2)


async def test_a_burst_of_reminders_is_claimed_in_batches_once_each(app: Services) -> None:
    """More members than one claim batch: every one reminded once, also when scanned again."""
    from handlers.events.reminders import CLAIM_BATCH

    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    event = await add_event(app, "Jahreskonferenz", start=start)
    store = app.store
    count = CLAIM_BATCH * 2 + 7
    async with store.transaction():
        for n in range(count):
            person = await store.members.create(
                name=f"M{n}", company="C", region="Hagen", competencies=[], language="de"
            )
            await store.members.add_identity(person.id, "console", f"m{n}", f"m{n}")
            await store.rsvps.record(event.id, start, person.id, "yes", False)
    now = start - timedelta(hours=23)
    scanner = ReminderScanner(store, app.notifier, app.settings, clock=lambda: now)
    assert await scanner.scan() == count
    assert await scanner.scan() == 0
    assert await store.rsvps.sent_count(event.id) == count
    rows = await store.db.fetchval("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'reminder:%'")
    assert rows == count


async def test_a_store_from_before_the_dates_gets_them_at_start(
    make_settings: Callable[..., Settings],
) -> None:
    """Upgrading: events written before ``event_dates`` existed (no rows, no state) are in
    the next dates once the bot has started, without anyone touching them."""
    settings = make_settings()
    store = await Store.open(settings.db_path)
    start = utcnow().replace(microsecond=0) + timedelta(days=3)
    fields = EventFields(title="Stammtisch", start=start, end=start + timedelta(hours=2),
                         timezone=settings.timezone, rrule="FREQ=WEEKLY")  # fmt: skip
    async with store.transaction():  # as the old code wrote it: the event only
        event = await store.events.create(fields, "old@knotenpunkt", None)
    assert await store.dates.state() is None and not await upcoming(store, limit=5)
    await store.close()

    app = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    try:
        for _ in range(100):  # the start-up refresh is the scheduler's first job
            found = await upcoming(services.store, limit=3, per_event=3)
            if found:
                break
            await asyncio.sleep(0.05)
        assert [(o.event.id, o.start) for o in found] == [
            (event.id, start + timedelta(weeks=n)) for n in range(3)
        ]
    finally:
        await app.stop()
