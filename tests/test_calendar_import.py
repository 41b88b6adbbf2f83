"""Calendars as Outlook, Google and Nextcloud export them: the bot lists exactly the dates
recurring-ical-events computes for the same file (none missing, none extra, none at
another time or length), its feed and each event's .ics give the same dates again, and
every entry it leaves out is named with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import icalendar
import pytest
import recurring_ical_events

from bot.calendar.ics import event_ics, feed_ics
from bot.calendar.recurrence import HORIZON
from bot.services import Services
from handlers.dashboard.event_form import EventForm, read_form
from handlers.events.dates import PAST, as_occurrence
from handlers.events.dates import refresh as refresh_dates
from handlers.events.importer import ImportReport, sync_calendar
from storage.db import utcnow
from storage.events import Event, EventFields
from tests.calendar_files import (
    BERLIN,
    OUTLOOK_ALL_DAY,
    OUTLOOK_EASTERN,
    Dated,
    base_day,
    crlf,
    google,
    library_dates,
    next_clock_change,
    nextcloud,
    outlook,
    stamp,
    vevent,
)
from tests.events_support import service

SOURCE = "https://kalender.example.org/netzwerk.ics"


def _window() -> tuple[datetime, datetime]:
    """The span both sides are compared over: inside the bot's, a day off each edge."""
    now = utcnow()
    return now - PAST + timedelta(days=1), now + HORIZON - timedelta(days=1)


def _name(event: Event) -> str:
    return f"no-uid:{event.title}" if event.uid.startswith("import-") else event.uid


async def _listed(app: Services, start: datetime, end: datetime) -> set[Dated]:
    """The dates the bot lists (the materialised dates lists, feeds and reminders read)."""
    events = await app.store.events.by_source(SOURCE)
    dated = await app.store.dates.of_events([e.id for e in events], start - timedelta(days=1))
    return {
        (_name(event), date.start, date.end)
        for event, date in dated
        if not date.cancelled and not event.cancelled and start <= date.start < end
    }


def _expanded(data: bytes, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """A file the bot wrote, parsed with icalendar and expanded again."""
    calendar = icalendar.Calendar.from_ical(data)
    found = []
    for item in recurring_ical_events.of(calendar).between(start, end):
        if str(item.get("STATUS", "")).upper() == "CANCELLED":
            continue
        begin, finish = item["DTSTART"].dt, item["DTEND"].dt
        if not isinstance(begin, datetime):
            begin = datetime.combine(begin, time(), tzinfo=BERLIN)
            finish = datetime.combine(finish, time(), tzinfo=BERLIN)
        elif begin.tzinfo is None:  # floating: the network's zone, as the bot reads it
            begin, finish = begin.replace(tzinfo=BERLIN), finish.replace(tzinfo=BERLIN)
        if start <= begin < end:
            found.append((begin.astimezone(UTC), finish.astimezone(UTC)))
    return sorted(found)


async def _check(app: Services, data: bytes) -> ImportReport:
    report = await sync_calendar(service(app), data, SOURCE)
    start, end = _window()
    expected = library_dates(data, BERLIN, start, end)
    listed = await _listed(app, start, end)
    assert expected, "the calendar has dates in the window"
    assert sorted(expected - listed) == [], "missing"
    assert sorted(listed - expected) == [], "extra"

    events = await app.store.events.by_source(SOURCE)
    dated = await app.store.dates.of_events([e.id for e in events], utcnow() - PAST)
    occs = [as_occurrence(event, date) for event, date in dated]
    feed = _expanded(feed_ics(occs, "Netz", {}), start, end)
    assert feed == sorted((s, e) for _u, s, e in listed)
    for event in events:
        one = event_ics(event, await app.store.events.overrides(event.id))
        mine = sorted((s, e) for u, s, e in listed if u == _name(event))
        assert _expanded(one, start, end) == mine, event.title
    return report


async def test_outlook(app: Services) -> None:
    report = await _check(app, outlook())
    assert (len(report.created), report.skipped) == (3, [])
    eastern = await app.store.events.by_uid(OUTLOOK_EASTERN)
    assert eastern is not None and eastern.timezone == "America/New_York"
    fair = await app.store.events.by_uid(OUTLOOK_ALL_DAY)
    assert fair is not None and fair.all_day
    rows = await app.store.dates.of_events([fair.id], utcnow())
    moved = [d for _e, d in rows if d.moved]
    assert len(moved) == 2  # the changed dates with a timed RECURRENCE-ID moved
    for _e, d in rows:  # all-day: midnight to midnight in calendar days, clocks changing or not
        first, last = d.start.astimezone(BERLIN), d.end.astimezone(BERLIN)
        assert first.time() == last.time() == time()
        assert (last.date() - first.date()).days == (2 if d.moved else 1)


async def test_google(app: Services) -> None:
    report = await _check(app, google())
    assert len(report.created) == 5 and report.skipped == []
    frist = await app.store.events.by_uid("frist@google.com")
    assert frist is not None and frist.start == frist.end  # zero length is a date too
    gone = await app.store.events.by_uid("geloescht@google.com")
    assert gone is not None and gone.title == "Sonderrunde Wasserstoff"
    series = await app.store.events.by_uid("utc-serie@google.com")
    assert series is not None and series.timezone == "Europe/Berlin"
    rows = await app.store.dates.of_events([series.id], utcnow())
    assert {d.start.astimezone(BERLIN).time() for _e, d in rows} == {time(17)}  # across DST


async def test_nextcloud(app: Services) -> None:
    report = await _check(app, nextcloud())
    assert len(report.created) == 9
    (skip,) = report.skipped  # the older of two entries with one UID, named
    assert skip.subject == "„Beiratssitzung (alt)“ (doppelt@nextcloud)"
    assert report.skipped_lines("de") == [
        "„Beiratssitzung (alt)“ (doppelt@nextcloud): zweiter Eintrag mit derselben UID ohne "
        "RECURRENCE-ID (SEQUENCE 0); übernommen ist der mit SEQUENCE 1 – den doppelten im "
        "Kalender löschen"
    ]
    zones = {e.uid: e.timezone for e in await app.store.events.by_source(SOURCE)}
    assert zones["eigene-zone@nextcloud"] == "Europe/Berlin"
    assert zones["kathmandu@nextcloud"] == "Asia/Kathmandu"


@pytest.mark.parametrize("make", [outlook, google, nextcloud])
async def test_the_same_file_again_changes_nothing(
    app: Services, make: Callable[[], bytes]
) -> None:
    data = make()
    first = await sync_calendar(service(app), data, SOURCE)
    events = {e.uid: e.sequence for e in await app.store.events.by_source(SOURCE)}
    again = await sync_calendar(service(app), make(), SOURCE)  # new DTSTAMPs
    assert sorted(again.unchanged) == sorted(first.created) and again.counts()["updated"] == 0
    assert {e.uid: e.sequence for e in await app.store.events.by_source(SOURCE)} == events


async def test_a_changed_series_is_followed_and_answers_keep_their_date(app: Services) -> None:
    base = base_day()
    berlin = "TZID=Europe/Berlin"

    def series(*extra: str) -> bytes:
        lines = vevent("serie@example.org", "Stammtisch", f"DTSTART;{berlin}:{stamp(base, 18)}",
                       f"DTEND;{berlin}:{stamp(base, 20)}", "RRULE:FREQ=WEEKLY;COUNT=8")  # fmt: skip
        head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE"]
        return crlf([*head, *lines, *extra, "END:VCALENDAR"])

    await _check(app, series())
    event = await app.store.events.by_uid("serie@example.org")
    assert event is not None
    later = datetime.combine(base + timedelta(weeks=3), time(18), tzinfo=BERLIN)
    anna = await app.store.members.create(
        name="Anna", company="A", region="Hagen", competencies=[], language="de"
    )
    await app.store.members.add_identity(anna.id, "console", "anna", "anna")
    await app.store.rsvps.record(event.id, later.astimezone(UTC), anna.id, "yes", False)
    moved = vevent("serie@example.org", "Stammtisch", f"RECURRENCE-ID;{berlin}:{stamp(later.date(), 18)}",
                   f"DTSTART;{berlin}:{stamp(later.date(), 19)}",
                   f"DTEND;{berlin}:{stamp(later.date(), 21)}")  # fmt: skip
    report = await _check(app, series(*moved))
    assert report.updated == ["serie@example.org"]
    dated = await app.store.dates.get(event.id, later.astimezone(UTC))
    assert dated is not None and dated[1].moved
    assert dated[1].start == later.astimezone(UTC) + timedelta(hours=1)
    notices = await app.store.db.fetchall("SELECT payload FROM outbox WHERE chat_id = 'anna'")
    assert len(notices) == 1 and "Geänderter Termin" in notices[0][0]


async def test_a_bot_all_day_series_keeps_calendar_days_when_the_clocks_change(
    app: Services,
) -> None:
    change = next_clock_change(utcnow().astimezone(BERLIN).date() + timedelta(days=3))
    first = change - timedelta(days=3)
    start = datetime.combine(first, time(), tzinfo=BERLIN).astimezone(UTC)
    end = datetime.combine(first + timedelta(days=2), time(), tzinfo=BERLIN).astimezone(UTC)
    fields = EventFields(title="Messe", start=start, end=end, timezone="Europe/Berlin",
                         rrule="FREQ=DAILY;COUNT=7", all_day=True)  # fmt: skip
    event = await service(app).create(fields)
    dated = await app.store.dates.of_events([event.id], utcnow())
    assert len(dated) == 7
    for _e, d in dated:
        begin, finish = d.start.astimezone(BERLIN), d.end.astimezone(BERLIN)
        assert begin.time() == finish.time() == time() and (finish - begin).days in (1, 2)
        assert finish.date() - begin.date() == timedelta(days=2)
    feed = icalendar.Calendar.from_ical(
        feed_ics([as_occurrence(e, d) for e, d in dated], "Netz", {})
    )
    for item in feed.walk("VEVENT"):
        assert item["DTEND"].dt - item["DTSTART"].dt == timedelta(days=2)


async def test_editing_the_words_of_an_imported_series_keeps_its_dates(app: Services) -> None:
    await sync_calendar(service(app), nextcloud(), SOURCE)
    event = await app.store.events.by_uid("rdate@nextcloud")  # a rule with extra dates
    assert event is not None
    before = await app.store.dates.of_events([event.id], utcnow())
    form = EventForm.from_event(event, [])
    form.title = "Innovationsforum Südwestfalen"
    fields = read_form(form, event.timezone, None, set(), set(), keep=event)
    assert fields.ical == event.ical
    updated = await service(app).update(event, fields)
    after = await app.store.dates.of_events([event.id], utcnow())
    assert updated.title == "Innovationsforum Südwestfalen"
    assert [(d.start, d.end) for _e, d in after] == [(d.start, d.end) for _e, d in before]

    form.start = f"{(event.start + timedelta(hours=1)).astimezone(BERLIN):%Y-%m-%dT%H:%M}"
    form.end = f"{(event.end + timedelta(hours=1)).astimezone(BERLIN):%Y-%m-%dT%H:%M}"
    moved = read_form(form, event.timezone, None, set(), set(), keep=updated)
    assert moved.ical is None  # new times: the bot's own series from now on


async def test_an_event_imported_before_is_taken_over_without_a_notice(app: Services) -> None:
    """Upgrading: an event imported by the old code (a rule plus overrides, no components)
    gets its components on the next sync; members who answered hear nothing, since none
    of the dates they see changed."""
    base = base_day()
    berlin = "TZID=Europe/Berlin"
    start = datetime.combine(base, time(18), tzinfo=BERLIN).astimezone(UTC)
    cancelled = start + timedelta(weeks=1)
    lines = vevent("alt@example.org", "Stammtisch", f"DTSTART;{berlin}:{stamp(base, 18)}",
                   f"DTEND;{berlin}:{stamp(base, 20)}", "RRULE:FREQ=WEEKLY;COUNT=6",
                   f"EXDATE;{berlin}:{stamp(base + timedelta(weeks=1), 18)}")  # fmt: skip
    data = crlf(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//DE", *lines, "END:VCALENDAR"])
    fields = EventFields(title="Stammtisch", start=start, end=start + timedelta(hours=2),
                         timezone="Europe/Berlin", rrule="FREQ=WEEKLY;COUNT=6", format="meetup",
                         uid="alt@example.org", source=SOURCE, fingerprint="old")  # fmt: skip
    old = await service(app).create(fields, announce=False)
    await app.store.events.set_override(old.id, cancelled, cancelled=True)  # as it was imported
    await refresh_dates(app.store, app.settings, old.id)
    anna = await app.store.members.create(
        name="Anna", company="A", region="Hagen", competencies=[], language="de"
    )
    await app.store.members.add_identity(anna.id, "console", "anna", "anna")
    await app.store.rsvps.record(old.id, start, anna.id, "yes", False)

    report = await _check(app, data)
    assert report.updated == ["alt@example.org"]
    event = await app.store.events.get(old.id)
    assert event is not None and event.ical is not None
    assert await app.store.events.overrides(old.id) == {}  # the calendar holds them now
    dated = await app.store.dates.get(old.id, cancelled)
    assert dated is not None and dated[1].cancelled
    assert await app.store.db.fetchall("SELECT 1 FROM outbox WHERE chat_id = 'anna'") == []
