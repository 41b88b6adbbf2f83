"""iCalendar: export and parse, and the import sync (create, update, unchanged, removed)."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from bot.calendar.expansion import calendar_dates
from bot.calendar.ics import event_ics
from bot.calendar.reading import read_calendar
from bot.calendar.recurrence import occurrences
from bot.cli import event as event_cli
from bot.settings import Settings
from storage import Store
from storage.events import EventFields

BERLIN = ZoneInfo("Europe/Berlin")
YEAR = datetime.now(UTC).year + 1


def _second_tuesday(month: int) -> date:
    first = date(YEAR, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


JAN, FEB, MAR = (_second_tuesday(month) for month in (1, 2, 3))  # dates of the series


def vevent(uid: str, summary: str, start: str, end: str, *extra: str) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20260101T000000Z",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        f"DTEND;TZID=Europe/Berlin:{end}",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def calendar(*events: str) -> bytes:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Website//Kalender//DE\r\n"
    return (head + "\r\n".join(events) + "\r\nEND:VCALENDAR\r\n").encode()


SERIES = vevent(
    "stammtisch@example.org",
    "KI-Stammtisch",
    f"{JAN:%Y%m%d}T180000",
    f"{JAN:%Y%m%d}T200000",
    "RRULE:FREQ=MONTHLY;BYDAY=2TU",
    f"EXDATE;TZID=Europe/Berlin:{FEB:%Y%m%d}T180000",
    "CATEGORIES:KI in der Industrie",
    "LOCATION:Siegen",
)
MOVED = vevent(
    "stammtisch@example.org",
    "KI-Stammtisch",
    f"{MAR + timedelta(days=2):%Y%m%d}T190000",
    f"{MAR + timedelta(days=2):%Y%m%d}T210000",
    f"RECURRENCE-ID;TZID=Europe/Berlin:{MAR:%Y%m%d}T180000",
)


def conference(summary: str = "Konferenz Südwestfalen") -> str:
    return vevent("konf@example.org", summary, f"{YEAR}0505T090000", f"{YEAR}0505T170000")


async def run_cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return await args.func(args, settings)


def local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN).replace(tzinfo=None)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour))


WINDOW = (datetime(YEAR - 1, 1, 1, tzinfo=UTC), datetime(YEAR + 1, 1, 1, tzinfo=UTC))


async def test_a_series_is_read_with_its_changed_dates() -> None:
    read = read_calendar(calendar(SERIES, MOVED, conference()), "UTC", WINDOW)
    assert read.skipped == []
    items = {i.uid: i for i in read.events}
    series = items["stammtisch@example.org"]
    assert series.rrule == "FREQ=MONTHLY;BYDAY=2TU" and series.timezone == "Europe/Berlin"
    assert series.categories == ["KI in der Industrie"] and series.location == "Siegen"
    dates = calendar_dates(series.ical, series.timezone, False, *WINDOW)
    by_key = {local(d.key): d for d in dates}
    assert by_key[at(FEB, 18)].cancelled  # the EXDATE
    moved = by_key[at(MAR, 18)]
    assert moved.moved and local(moved.start) == at(MAR + timedelta(days=2), 19)
    assert local(moved.end) == at(MAR + timedelta(days=2), 21)
    assert not by_key[at(JAN, 18)].moved and local(by_key[at(JAN, 18)].end) == at(JAN, 20)


async def test_import_round_trip(settings: Settings, store: Store, tmp_path: Path) -> None:
    topic = await store.topics.create("KI in der Industrie")
    feed = tmp_path / "website.ics"
    feed.write_bytes(calendar(SERIES, MOVED, conference()))
    assert await run_cli(settings, "import", str(feed)) == 0
    series = await store.events.by_uid("stammtisch@example.org")
    conf = await store.events.by_uid("konf@example.org")
    assert series is not None and conf is not None
    assert await store.events.topic_ids(series.id) == [topic.id]
    window = (series.start, series.start + timedelta(days=90))
    changed = [
        o
        for o in occurrences(series, {}, *window, include_cancelled=True)
        if o.cancelled or o.moved
    ]
    assert [(local(o.key), o.cancelled) for o in changed] == [
        (at(FEB, 18), True),
        (at(MAR, 18), False),
    ]
    # someone answers the conference; an unrelated event was made by hand
    anna = await store.members.create(
        name="Anna", company="A", region="Hagen", competencies=[], language="de"
    )
    await store.members.add_identity(anna.id, "console", "anna", "anna")
    await store.rsvps.record(conf.id, conf.start, anna.id, "yes", False)
    start = datetime(YEAR, 6, 1, 16, tzinfo=UTC)
    manual = await store.events.create(
        EventFields(title="Handmade", start=start, end=start + timedelta(hours=1)), "m@x", None
    )

    assert await run_cli(settings, "import", str(feed)) == 0  # again: nothing changes
    assert len(await store.events.all()) == 3
    again = await store.events.by_uid("konf@example.org")
    assert again is not None and again.sequence == conf.sequence

    feed.write_bytes(calendar(SERIES, MOVED, conference("Konferenz Südwestfalen 2.0")))
    assert await run_cli(settings, "import", str(feed)) == 0
    changed = await store.events.by_uid("konf@example.org")
    assert changed is not None and changed.title == "Konferenz Südwestfalen 2.0"
    assert changed.status == "changed" and changed.id == conf.id
    notices = await store.db.fetchall("SELECT payload FROM outbox WHERE chat_id = 'anna'")
    assert len(notices) == 1 and "Geänderter Termin" in notices[0][0]

    feed.write_bytes(calendar(SERIES, MOVED))  # the conference was removed from the website
    assert await run_cli(settings, "import", str(feed)) == 0
    removed = await store.events.by_uid("konf@example.org")
    assert removed is not None and removed.status == "cancelled"
    assert (await store.events.get(manual.id)).status == "scheduled"  # type: ignore[union-attr]
    series = await store.events.by_uid("stammtisch@example.org")
    assert series is not None and series.status == "scheduled"
    notices = await store.db.fetchall("SELECT payload FROM outbox WHERE chat_id = 'anna'")
    assert len(notices) == 2 and "Abgesagt" in notices[1][0]


@pytest.fixture
async def calendar_server() -> AsyncIterator[tuple[str, dict[str, bytes]]]:
    content = {"body": calendar(conference())}

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=content["body"], content_type="text/calendar")

    app = web.Application()
    app.router.add_get("/events.ics", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/events.ics", content
    await runner.cleanup()


async def test_import_from_url(
    settings: Settings, store: Store, calendar_server: tuple[str, dict[str, bytes]]
) -> None:
    url, content = calendar_server
    assert await run_cli(settings, "import", url) == 0
    event = await store.events.by_uid("konf@example.org")
    assert event is not None and event.source == url
    content["body"] = calendar()
    assert await run_cli(settings, "import", url) == 0
    gone = await store.events.by_uid("konf@example.org")
    assert gone is not None and gone.status == "cancelled"
    assert await run_cli(settings, "import", url.replace("events", "missing")) == 1


async def test_export_parses_back_to_the_same_series(store: Store) -> None:
    start = at(JAN, 18).replace(tzinfo=BERLIN).astimezone(UTC)
    event = await store.events.create(
        EventFields(
            title="KI-Stammtisch",
            start=start,
            end=start + timedelta(hours=2),
            rrule="FREQ=MONTHLY;BYDAY=2TU",
        ),
        "series@knotenpunkt",
        None,
    )
    feb = at(FEB, 18).replace(tzinfo=BERLIN).astimezone(UTC)
    await store.events.set_override(event.id, feb, cancelled=True)
    mar = at(MAR, 18).replace(tzinfo=BERLIN).astimezone(UTC)
    await store.events.set_override(event.id, mar, start=mar + timedelta(days=2))
    overrides = await store.events.overrides(event.id)
    (parsed,) = read_calendar(event_ics(event, overrides), "UTC", WINDOW).events
    assert (parsed.uid, parsed.start, parsed.end, parsed.rrule) == (
        event.uid,
        event.start,
        event.end,
        event.rrule,
    )
    ours = occurrences(event, overrides, *WINDOW, include_cancelled=True)
    again = calendar_dates(parsed.ical, parsed.timezone, False, *WINDOW)
    assert [(o.key, o.start, o.end, o.cancelled) for o in ours] == [
        (d.key, d.start, d.end, d.cancelled) for d in again
    ]
    assert [(d.key, d.cancelled) for d in again if d.cancelled or d.moved] == [
        (feb, True),
        (mar, False),
    ]


async def test_not_a_calendar(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text("hello")
    assert await run_cli(settings, "import", str(bad)) == 1
    assert await run_cli(settings, "import", str(tmp_path / "none.ics")) == 1
