"""``knotenpunkt event add|import|list|attendees|cancel``.

The CLI writes to the same SQLite file as a running bot; the bot's reminder scan and
outbox worker read the database, so events added here get announcements and reminders.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.parse import BadTime, parse_day, parse_duration_text, parse_end, parse_local
from bot.calendar.recurrence import find_occurrence, next_occurrence, occurrence_on
from bot.cli.common import CLI_ACTOR, fail, open_store, refused
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.importer import FetchError, fetch, sync_calendar
from handlers.events.service import EventService
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.events import FORMATS, Event, EventFields


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("event", help="manage events")
    ev = parser.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    add = ev.add_parser("add", help="create an event (announced to its topics)")
    add.add_argument("--title", required=True)
    add.add_argument("--start", required=True, help='"2026-12-03 18:00" or "03.12.2026 18:00"')
    length = add.add_mutually_exclusive_group()
    length.add_argument("--end", help='end time ("20:00") or date and time')
    length.add_argument("--duration", help="e.g. 2h, 90m (default 2h)")
    add.add_argument("--topic", action="append", default=[], metavar="NAME")
    add.add_argument("--group", metavar="NAME", help="the working group the event belongs to")
    add.add_argument("--rrule", help="e.g. FREQ=MONTHLY;BYDAY=2TU")
    add.add_argument("--location", default="")
    add.add_argument("--url", help="online link")
    add.add_argument("--capacity", type=int)
    add.add_argument("--format", default="meetup", help=f"one of {', '.join(FORMATS)}")
    add.add_argument("--description", default="")
    add.add_argument("--timezone", help="zone of the start time (default: network zone)")
    add.set_defaults(func=add_event)
    imp = ev.add_parser("import", help="sync events from an .ics file or URL (idempotent)")
    imp.add_argument("source", metavar="FILE-or-URL")
    imp.set_defaults(func=import_events)
    listing = ev.add_parser("list", help="list events and their next date")
    listing.add_argument("--all", action="store_true", help="include cancelled and past events")
    listing.set_defaults(func=list_events)
    att = ev.add_parser("attendees", help="who answered (CSV with --csv)")
    att.add_argument("event_id", type=int)
    att.add_argument("--date", help="one date of a series (default: all dates)")
    att.add_argument("--csv", action="store_true", help="CSV to stdout")
    att.set_defaults(func=attendees)
    cancel = ev.add_parser("cancel", help="cancel an event or one date of a series")
    cancel.add_argument("event_id", type=int)
    cancel.add_argument("--date", help="the date of the occurrence, e.g. 2026-12-08")
    cancel.set_defaults(func=cancel_event)


def _service(store: Store, settings: Settings) -> EventService:
    return EventService(store, Notifier(store, settings.language), settings, CLI_ACTOR)


async def add_event(args: argparse.Namespace, settings: Settings) -> int:
    if args.format not in FORMATS:
        return fail("event", f"unknown format {args.format!r}; use one of {', '.join(FORMATS)}")
    zone_name = args.timezone or settings.timezone
    try:
        zone = ZoneInfo(zone_name)
        start = parse_local(args.start, zone)
        if args.end:
            end = parse_end(args.end, start, zone)
        else:
            end = start + (
                parse_duration_text(args.duration) if args.duration else timedelta(hours=2)
            )
    except BadTime as exc:
        return fail("event", f'cannot read the time {exc}; use e.g. "2026-12-03 18:00" and 2h')
    except (ValueError, KeyError):
        return fail("event", f"unknown time zone {zone_name}")
    async with open_store(settings) as store:
        topic_ids = []
        for name in args.topic:
            topic = await store.topics.find(name)
            if topic is None or topic.archived:
                return fail("event", f"unknown topic {name!r} (see: knotenpunkt topic list)")
            topic_ids.append(topic.id)
        group_id = None
        if args.group:
            group = await store.groups.find(args.group)
            if group is None or not group.active:
                return fail("event", f"unknown group {args.group!r} (see: knotenpunkt group list)")
            group_id = group.id
        fields = EventFields(
            title=args.title,
            description=args.description,
            start=start,
            end=end,
            timezone=zone_name,
            location=args.location,
            url=args.url,
            format=args.format,
            capacity=args.capacity,
            rrule=args.rrule,
            organiser=CLI_ACTOR,
            topic_ids=topic_ids,
            group_id=group_id,
        )
        try:
            event = await _service(store, settings).create(fields)
        except Invalid as problem:
            return refused("event", problem)
    local = event.start.astimezone(ZoneInfo(event.timezone))
    print(f"created event {event.id}: {event.title}, first date {local:%Y-%m-%d %H:%M} {zone_name}")
    return 0


async def import_events(args: argparse.Namespace, settings: Settings) -> int:
    try:
        data = await fetch(args.source)
    except FetchError as exc:
        return fail("event", str(exc))
    async with open_store(settings) as store:
        try:
            report = await sync_calendar(_service(store, settings), data, args.source)
        except ValueError as exc:
            return fail("event", f"not an iCalendar file: {exc}")
    print(f"import from {args.source}: {report.summary()}")
    for line in report.skipped:
        print(f"  skipped {line}", file=sys.stderr)
    return 0


async def list_events(args: argparse.Namespace, settings: Settings) -> int:
    now = utcnow()
    async with open_store(settings) as store:
        events = await store.events.all() if args.all else await store.events.active(now)
        for event in events:
            zone = ZoneInfo(event.timezone)
            occ = next_occurrence(event, await store.events.overrides(event.id), now)
            when = f"{occ.start.astimezone(zone):%Y-%m-%d %H:%M}" if occ else "no upcoming date"
            repeat = f"  [{event.rrule}]" if event.rrule else ""
            seats = f"  capacity {event.capacity}" if event.capacity else ""
            print(f"{event.id:>4}  {when}  {event.title}  ({event.status}){repeat}{seats}")
    return 0


async def _find_occurrence_key(store: Store, event: Event, day: str) -> datetime | None:
    parsed = parse_day(day)
    if parsed is None:
        return None
    occ = occurrence_on(event, await store.events.overrides(event.id), parsed)
    return occ.key if occ else None


async def attendees(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        event = await store.events.get(args.event_id)
        if event is None:
            return fail("event", f"no event {args.event_id}")
        key = None
        if args.date:
            key = await _find_occurrence_key(store, event, args.date)
            if key is None:
                return fail("event", f"{event.title} has no date on {args.date}")
        rows = await store.rsvps.attendees(event.id, key)
    zone = ZoneInfo(event.timezone)
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(
            ["event_id", "title", "date", "name", "company", "answer", "waitlisted", "position"]
        )
        for a in rows:
            writer.writerow(
                [
                    event.id,
                    event.title,
                    f"{a.occurrence.astimezone(zone):%Y-%m-%d %H:%M}",
                    a.name,
                    a.company,
                    a.status,
                    "yes" if a.waitlisted else "no",
                    a.position or "",
                ]
            )
        return 0
    for a in rows:
        wait = f" (waiting list {a.position})" if a.waitlisted else ""
        print(
            f"{a.occurrence.astimezone(zone):%Y-%m-%d %H:%M}  {a.status:<5}  "
            f"{a.name}, {a.company}{wait}"
        )
    return 0


async def cancel_event(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        event = await store.events.get(args.event_id)
        if event is None:
            return fail("event", f"no event {args.event_id}")
        service = _service(store, settings)
        if args.date:
            key = await _find_occurrence_key(store, event, args.date)
            occ = (
                find_occurrence(event, await store.events.overrides(event.id), key) if key else None
            )
            if occ is None:
                return fail("event", f"{event.title} has no date on {args.date}")
            await service.cancel(event, occ.key)
            print(f"cancelled {event.title} on {args.date}")
            return 0
        if event.cancelled:
            print(f"{event.title} was already cancelled")
            return 0
        await service.cancel(event)
    print(f"cancelled event {event.id}: {event.title}")
    return 0


DEMO_EVENTS = [
    # uid, title, topic, weekday (0 = Monday), hour, rule, format, minutes
    ("demo-ki-stammtisch@knotenpunkt", "KI-Stammtisch", "KI in der Industrie", 1, 18,
     "FREQ=MONTHLY;BYDAY=2TU", "meetup", 120),
    ("demo-webinar@knotenpunkt", "Webinar: Kreislaufwirtschaft im Mittelstand",
     "Circular Economy", 3, 16, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "webinar", 60),
]  # fmt: skip


async def add_demo_events(store: Store, settings: Settings) -> int:
    """The demo network's recurring events (idempotent by UID); returns how many were new."""
    zone = settings.zone
    today = utcnow().astimezone(zone).date()
    created = 0
    for uid, title, topic_name, weekday, hour, rule, fmt, minutes in DEMO_EVENTS:
        if await store.events.by_uid(uid) is not None:
            continue
        topic = await store.topics.find(topic_name)
        day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        start = datetime(day.year, day.month, day.day, hour, tzinfo=zone).astimezone(UTC)
        fields = EventFields(
            title=title,
            start=start,
            end=start + timedelta(minutes=minutes),
            timezone=settings.timezone,
            location="Online" if fmt == "webinar" else "Siegen",
            format=fmt,
            rrule=rule,
            uid=uid,
            topic_ids=[topic.id] if topic else [],
        )
        await _service(store, settings).create(fields, announce=False)
        created += 1
    return created
