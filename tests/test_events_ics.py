"""iCalendar: export and parse, and the import sync (create, update, unchanged, removed)."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from bot.calendar.ics import event_ics, parse_calendar
from bot.cli import event as event_cli
from bot.settings import Settings
from storage import Store
from storage.events import EventFields

BERLIN = ZoneInfo("Europe/Berlin")
YEAR = datetime.now(UTC).year + 1


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
    f"{YEAR}0113T180000",
    f"{YEAR}0113T200000",
    "RRULE:FREQ=MONTHLY;BYDAY=2TU",
    f"EXDATE;TZID=Europe/Berlin:{YEAR}0210T180000",
    "CATEGORIES:KI in der Industrie",
    "LOCATION:Siegen",
)
MOVED = vevent(
    "stammtisch@example.org",
    "KI-Stammtisch",
    f"{YEAR}0312T190000",
    f"{YEAR}0312T210000",
    f"RECURRENCE-ID;TZID=Europe/Berlin:{YEAR}0310T180000",
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


async def test_parse_folds_exceptions_into_the_series() -> None:
    items = {i.uid: i for i in parse_calendar(calendar(SERIES, MOVED, conference()), "UTC")}
    series = items["stammtisch@example.org"]
    assert series.rrule == "FREQ=MONTHLY;BYDAY=2TU" and series.timezone == "Europe/Berlin"
    assert series.categories == ["KI in der Industrie"] and series.location == "Siegen"
    cancelled, moved = series.overrides
    assert cancelled.cancelled and local(cancelled.occurrence) == datetime(YEAR, 2, 10, 18)
    assert local(moved.occurrence) == datetime(YEAR, 3, 10, 18)
    assert moved.start is not None and local(moved.start) == datetime(YEAR, 3, 12, 19)


async def test_import_round_trip(settings: Settings, store: Store, tmp_path: Path) -> None:
    topic = await store.topics.create("KI in der Industrie")
    feed = tmp_path / "website.ics"
    feed.write_bytes(calendar(SERIES, MOVED, conference()))
    assert await run_cli(settings, "import", str(feed)) == 0
    series = await store.events.by_uid("stammtisch@example.org")
    conf = await store.events.by_uid("konf@example.org")
    assert series is not None and conf is not None
    assert await store.events.topic_ids(series.id) == [topic.id]
    assert len(await store.events.overrides(series.id)) == 2
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
    start = datetime(YEAR, 1, 13, 18, tzinfo=BERLIN).astimezone(UTC)
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
    feb = datetime(YEAR, 2, 10, 18, tzinfo=BERLIN).astimezone(UTC)
    await store.events.set_override(event.id, feb, cancelled=True)
    mar = datetime(YEAR, 3, 10, 18, tzinfo=BERLIN).astimezone(UTC)
    await store.events.set_override(event.id, mar, start=mar + timedelta(days=2))
    data = event_ics(event, await store.events.overrides(event.id))
    (parsed,) = parse_calendar(data, "UTC")
    assert (parsed.uid, parsed.start, parsed.end, parsed.rrule) == (
        event.uid,
        event.start,
        event.end,
        event.rrule,
    )
    assert [(o.occurrence, o.cancelled) for o in parsed.overrides] == [(feb, True), (mar, False)]
    assert parsed.overrides[1].start == mar + timedelta(days=2)


async def test_not_a_calendar(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text("hello")
    assert await run_cli(settings, "import", str(bad)) == 1
    assert await run_cli(settings, "import", str(tmp_path / "none.ics")) == 1
