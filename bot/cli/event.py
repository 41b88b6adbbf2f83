"""``knotenpunkt event add|import|list|attendees|cancel``.

The CLI writes to the same SQLite file as a running bot; the bot's reminder scan and
outbox worker read the database, so events added here get announcements and reminders.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import next_occurrence
from bot.cli import event_io
from bot.cli.common import CLI_ACTOR, fail, open_store, record_number, refused
from bot.delivery.notify import Notifier
from bot.i18n import examples
from bot.settings import Settings
from handlers.events.inputs import (
    check_capacity,
    read_duration,
    read_end,
    read_format,
    read_rule,
    read_start,
    read_zone,
)
from handlers.events.rule_text import describe_rule
from handlers.events.service import EventService
from handlers.names import require_group, require_topic
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.events import FORMATS, EventFields


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("event", help="manage events")
    ev = parser.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    add = ev.add_parser("add", help="create an event (announced to its topics)")
    add.add_argument("--title", required=True)
    ex = examples()
    add.add_argument(
        "--start", required=True, help=f'"{ex["ex_datetime_iso"]}" or "{ex["ex_datetime"]}"'
    )
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
    event_io.add_import_parser(ev)
    listing = ev.add_parser("list", help="list events with an upcoming date and that date")
    listing.add_argument("--all", action="store_true", help="include cancelled and past events")
    listing.set_defaults(func=list_events)
    event_io.add_attendees_parser(ev)
    cancel = ev.add_parser("cancel", help="cancel an event or one date of a series")
    cancel.add_argument("event_id", type=record_number, help="the event's number (see: event list)")
    cancel.add_argument("--date", help=f"the date of the occurrence, e.g. {ex['ex_date_iso']}")
    cancel.set_defaults(func=cancel_event)


def _service(store: Store, settings: Settings) -> EventService:
    return EventService(store, Notifier.from_settings(store, settings), settings, CLI_ACTOR)


def _times(args: argparse.Namespace, settings: Settings) -> tuple[str, datetime, datetime]:
    """Zone, start and end, checked exactly as the chat wizard checks them."""
    zone_name = args.timezone or settings.timezone
    zone = read_zone(zone_name)
    start = read_start(args.start, zone, utcnow())
    if args.end:
        end = read_end(args.end, start, zone)
    else:
        end = read_duration(args.duration or "2h", start)
    return zone_name, start, end


async def add_event(args: argparse.Namespace, settings: Settings) -> int:
    try:
        zone_name, start, end = _times(args, settings)
        event_format = read_format(args.format, {})
        check_capacity(args.capacity)
        rule = read_rule(args.rrule)
    except Invalid as problem:
        return refused("event", problem)
    async with open_store(settings) as store:
        topic_ids = []
        group_id = None
        try:
            for name in args.topic:
                topic_ids.append((await require_topic(store, name)).id)
            if args.group:
                group_id = (await require_group(store, args.group)).id
        except Invalid as problem:  # a name that fits several or none
            return refused("event", problem)
        fields = EventFields(
            title=args.title,
            description=args.description,
            start=start,
            end=end,
            timezone=zone_name,
            location=args.location,
            url=args.url,
            format=event_format,
            capacity=args.capacity,
            rrule=rule,
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


async def list_events(args: argparse.Namespace, settings: Settings) -> int:
    """Events with a coming date, that date and the rule in words; ``--all`` adds the
    cancelled and finished ones."""
    now = utcnow()
    async with open_store(settings) as store:
        events = await store.events.all() if args.all else await store.events.active(now)
        for event in events:
            zone = ZoneInfo(event.timezone)
            occ = next_occurrence(event, await store.events.overrides(event.id), now)
            if occ is None and not args.all:
                continue  # a finished series
            shown = "%Y-%m-%d (all day)" if event.all_day else "%Y-%m-%d %H:%M"
            when = occ.start.astimezone(zone).strftime(shown) if occ else "no upcoming date"
            first = event.start.astimezone(zone)
            repeat = f"  [{describe_rule('en', event.rrule, first)}]" if event.rrule else ""
            seats = f"  capacity {event.capacity}" if event.capacity else ""
            print(f"{event.id:>4}  {when}  {event.title}  ({event.status}){repeat}{seats}")
    return 0


async def cancel_event(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        event = await store.events.get(args.event_id)
        if event is None:
            return fail("event", f"no event {args.event_id} (see: knotenpunkt event list)")
        service = _service(store, settings)
        if args.date:
            try:
                occ = await event_io.occurrence_on_day(store, event, args.date)
            except Invalid as problem:
                return refused("event", problem)
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
