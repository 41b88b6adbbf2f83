"""``knotenpunkt event import`` and ``event attendees``: what goes into and out of the
store as files (iCalendar in; a text list or CSV for Excel out)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import Occurrence, occurrence_on
from bot.cli.common import CLI_ACTOR, fail, open_store, record_number, refused
from bot.delivery.notify import Notifier
from bot.i18n import examples
from bot.settings import Settings
from handlers.events.attendee_csv import attendee_csv
from handlers.events.importer import FetchError, fetch, sync_calendar
from handlers.events.inputs import read_day
from handlers.events.service import EventService
from handlers.events.subscriptions import (
    read_every,
    read_url,
    skipped_lines,
    subscribe,
    sync_subscription,
    unsubscribe,
)
from handlers.validation import Invalid
from storage import Store
from storage.events import Event
from storage.rsvps import Attendee
from storage.subscriptions import Subscription


def add_import_parser(ev: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = ev.add_parser("import", help="sync events from an .ics file or URL (idempotent)")
    imp.add_argument(
        "source", metavar="FILE-or-URL", help="an .ics file, or an http(s):// or webcal:// URL"
    )
    imp.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="give up on a URL that has not answered completely by then (default 30)",
    )
    imp.add_argument(
        "--every",
        metavar="INTERVAL",
        help="keep the URL in sync: fetch it again this often (e.g. 15m, 1h, 1d) while the "
        "bot runs; a failing fetch changes nothing and is retried with growing pauses",
    )
    imp.set_defaults(func=import_events)
    subs = ev.add_parser("subscriptions", help="calendar URLs kept in sync, and their last result")
    subs.add_argument("--remove", type=int, metavar="ID", help="stop syncing this one")
    subs.set_defaults(func=list_subscriptions)


def add_attendees_parser(ev: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    att = ev.add_parser("attendees", help="who answered, as a list or CSV")
    att.add_argument("event_id", type=record_number, help="the event's number (see: event list)")
    day = examples()["ex_date_iso"]
    att.add_argument("--date", help=f"one date of a series, e.g. {day} (default: all)")
    att.add_argument("--csv", action="store_true", help="CSV for Excel (same as --format excel)")
    att.add_argument(
        "--format",
        choices=("text", "excel", "csv"),
        help="text (default); excel: CSV that German Excel opens (semicolons, UTF-8 with "
        "BOM); csv: plain RFC 4180 (commas, UTF-8)",
    )
    att.set_defaults(func=attendees)


# import ------------------------------------------------------------------------------


def _progress_printer(source: str) -> Callable[[int, int | None], None] | None:
    """A running count on stderr, only when a person watches (not in cron)."""
    if not sys.stderr.isatty():
        return None

    def show(received: int, total: int | None) -> None:
        done = f"{received // 1024} kB" + (f" of {total // 1024} kB" if total else "")
        print(f"\rreading {source}: {done}", end="", file=sys.stderr, flush=True)

    return show


async def import_events(args: argparse.Namespace, settings: Settings) -> int:
    if args.every:
        return await _subscribe(args, settings)
    progress = _progress_printer(args.source)
    try:
        data = await fetch(args.source, time_limit=args.timeout, progress=progress)
    except FetchError as exc:
        return fail("event", str(exc))
    finally:
        if progress is not None:
            print(file=sys.stderr)
    async with open_store(settings) as store:
        service = EventService(store, Notifier.from_settings(store, settings), settings, CLI_ACTOR)
        try:
            report = await sync_calendar(service, data, args.source)
        except ValueError as exc:  # the reason never quotes the content
            return fail("event", f"{args.source} is not an iCalendar file: {exc}")
    print(f"import from {args.source}: {report.summary()}")
    for line in report.skipped_lines("en"):
        print(f"  skipped {line}", file=sys.stderr)
    return 0


async def _subscribe(args: argparse.Namespace, settings: Settings) -> int:
    """Subscribe, and sync once now, so a wrong address shows at once."""
    try:
        every = read_every(args.every)
        url = read_url(args.source)
    except Invalid as problem:
        return refused("event", problem)
    async with open_store(settings) as store:
        service = EventService(store, Notifier.from_settings(store, settings), settings, CLI_ACTOR)
        found = await subscribe(service, url, every)
        found = await sync_subscription(service, found, time_limit=args.timeout)
    print(f"subscribed to {url}, every {_interval(every)} (number {found.id})")
    print(result_line(found))
    for line in skipped_lines("en", found):
        print(f"  skipped {line}", file=sys.stderr)
    return 1 if found.last_status == "failed" else 0


def _interval(every: timedelta) -> str:
    minutes = int(every.total_seconds()) // 60
    if minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)}d"
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


def result_line(found: Subscription) -> str:
    """The last result in one line (for the CLI and doctor)."""
    report = found.last_report or {}
    if found.last_status is None:
        return "not fetched yet"
    when = f"{found.last_run_at:%Y-%m-%d %H:%M} UTC" if found.last_run_at else "?"
    if found.last_status == "failed":
        ok = f"; last good fetch {found.last_ok_at:%Y-%m-%d %H:%M} UTC" if found.last_ok_at else ""
        return (
            f"failed at {when} ({found.failures} time(s) in a row): {report.get('reason')}; "
            f"nothing was changed, next try {found.next_run_at:%Y-%m-%d %H:%M} UTC{ok}"
        )
    counts = report.get("counts", {})
    done = ", ".join(f"{counts[k]} {k}" for k in counts) if counts else "no changes"
    unchanged = " (not modified since: 304)" if found.last_status == "unchanged" else ""
    return f"synced at {when}{unchanged}: {done}"


async def list_subscriptions(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        if args.remove is not None:
            found = await store.subscriptions.get(args.remove)
            if found is None:
                return fail("event", f"no subscription {args.remove} (see: event subscriptions)")
            service = EventService(
                store, Notifier.from_settings(store, settings), settings, CLI_ACTOR
            )
            await unsubscribe(service, found)
            print(f"no longer syncing {found.url}; its events stay as they are")
            return 0
        subscriptions = await store.subscriptions.all()
    if not subscriptions:
        print("no calendar subscriptions (add one: event import URL --every 1h)")
    for found in subscriptions:
        print(f"{found.id:>4}  {found.url}  every {_interval(found.every)}")
        print(f"      {result_line(found)}")
    return 0


# attendees ---------------------------------------------------------------------------


async def occurrence_on_day(store: Store, event: Event, text: str) -> Occurrence:
    """The date of ``event`` on the day ``text``; Invalid with the chat's messages."""
    day: date = read_day(text)
    occ = occurrence_on(event, await store.events.overrides(event.id), day)
    if occ is None:
        raise Invalid("events.no_date", {"title": event.title, "day": text.strip()[:20]})
    return occ


async def attendees(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        event = await store.events.get(args.event_id)
        if event is None:
            return fail("event", f"no event {args.event_id} (see: knotenpunkt event list)")
        key = None
        if args.date:
            try:
                key = (await occurrence_on_day(store, event, args.date)).key
            except Invalid as problem:
                return refused("event", problem)
        rows = await store.rsvps.attendees(event.id, key)
    output = args.format or ("excel" if args.csv else "text")
    if output != "text":
        _write_csv(event, rows, excel=output == "excel")
        return 0
    if not rows:
        when = f" on {args.date}" if args.date else ""
        print(f"nobody has answered event {event.id} ({event.title}){when} yet")
        return 0
    zone = ZoneInfo(event.timezone)
    for a in rows:
        wait = f" (waiting list {a.position})" if a.waitlisted else ""
        print(
            f"{a.occurrence.astimezone(zone):%Y-%m-%d %H:%M}  {a.status:<5}  "
            f"{a.name}, {a.company}{wait}"
        )
    return 0


def _write_csv(event: Event, rows: list[Attendee], *, excel: bool) -> None:
    data = attendee_csv(event, rows, excel=excel)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
