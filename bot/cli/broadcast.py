"""``knotenpunkt broadcast send|list|status|cancel``.

The CLI writes to the same SQLite file as the running bot: a broadcast sent here is queued
in the outbox and delivered by the bot's worker; a scheduled one is sent by the bot's
scheduler at its time. ``send`` prints the preview and the exact count and asks before
sending (unless ``--yes``); in a terminal it shows a progress bar until the bot is done.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot import markup
from bot.calendar.parse import BadTime, parse_local
from bot.cli.common import CLI_ACTOR, counted, fail, open_store, refused
from bot.cli.event_io import occurrence_on_day
from bot.delivery.notify import Notifier
from bot.i18n import examples, format_datetime
from bot.settings import Settings
from handlers.broadcast import render
from handlers.broadcast.event_people import PEOPLE, default_date, event_audience
from handlers.broadcast.service import BroadcastService, CountChanged, Preview, Sender
from handlers.validation import Invalid
from storage import Store
from storage.broadcasts import Audience, DeliveryCounts

LANG = "en"  # the CLI speaks English, like its other messages
BAR_WIDTH = 30


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("broadcast", help="send announcements to members")
    bc = parser.add_subparsers(dest="broadcast_command", required=True, metavar="ACTION")
    send = bc.add_parser("send", help="preview, confirm and send or schedule a broadcast")
    who = send.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--audience",
        action="append",
        metavar="all|topic:NAME|region:NAME|group:NAME",
        help="who receives it; give topic: and region: both for members matching both;"
        " group: (a working group's members) stands alone",
    )
    who.add_argument(
        "--event",
        type=int,
        metavar="ID",
        help="the people of this event's date (the number from event list); with --to",
    )
    send.add_argument(
        "--date",
        help=f"with --event: the day of the date, e.g. {examples()['ex_date_iso']}"
        " (default: the next date, else the latest one of the last 30 days)",
    )
    send.add_argument(
        "--to",
        choices=PEOPLE,
        help="with --event: who of the date's people: those who said yes (with a seat),"
        " maybe, those on the waiting list, or all who answered (no included)",
    )
    send.add_argument(
        "--at", help=f'send later, e.g. "{examples()["ex_morning_iso"]}" (network zone)'
    )
    text = send.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the text, with *bold*, _italic_, [link](https://…)")
    text.add_argument("--file", type=Path, help="read the text from this UTF-8 file")
    send.add_argument(
        "--urgent",
        action="store_true",
        help="not held by members' quiet hours: goes at once, at night without sound",
    )
    send.add_argument("--yes", action="store_true", help="do not ask before sending")
    send.set_defaults(func=send_broadcast)
    listing = bc.add_parser("list", help="recent and scheduled broadcasts with their counts")
    listing.set_defaults(func=list_broadcasts)
    show = bc.add_parser("status", help="one broadcast: counts and who was not reached")
    show.add_argument("broadcast_id", type=int, help="the number from broadcast list")
    show.set_defaults(func=show_status)
    cancel = bc.add_parser("cancel", help="withdraw what is not sent yet")
    cancel.add_argument("broadcast_id", type=int, help="the number from broadcast list")
    cancel.set_defaults(func=cancel_broadcast)


def _service(store: Store, settings: Settings) -> BroadcastService:
    return BroadcastService(store, Notifier.from_settings(store, settings), settings)


def _audience_names(items: list[str]) -> dict[str, str]:
    """``all``, ``topic:NAME``, ``region:NAME`` (topic and region may be combined) or
    ``group:NAME`` (alone); returns the names by kind, empty for everyone."""
    found: dict[str, str] = {}
    for item in items:
        kind, _, name = item.partition(":")
        kind = kind.strip().casefold()
        if kind == "all" and not name:
            continue
        if kind not in ("topic", "region", "group") or not name.strip():
            raise ValueError(
                f"unknown audience {item!r}; use all, topic:NAME, region:NAME or group:NAME"
            )
        if kind in found:
            raise ValueError(f"give {kind}: only once")
        found[kind] = name.strip()
    if found and "all" in [i.strip().casefold() for i in items]:
        raise ValueError("'all' cannot be combined with topic:, region: or group:")
    if "group" in found and len(found) > 1:
        raise ValueError("group: cannot be combined with topic: or region:")
    return found


def _read_text(args: argparse.Namespace) -> str:
    if args.file is not None:
        return str(args.file.read_text(encoding="utf-8"))
    return str(args.text)


async def _event_audience(store: Store, args: argparse.Namespace) -> Audience:
    """The audience of ``--event``, ``--date`` and ``--to``; raises Invalid."""
    event = await store.events.get(args.event)
    if event is None:
        raise Invalid("event_message.gone", {"id": args.event})
    if args.date:
        key = (await occurrence_on_day(store, event, args.date)).key
    else:
        occ = await default_date(store, event)
        if occ is None:
            raise Invalid("event_message.no_such_date", {"title": event.title})
        key = occ.key
    return await event_audience(store, event.id, key, args.to)


async def send_broadcast(args: argparse.Namespace, settings: Settings) -> int:
    if args.event is not None and args.to is None:
        return fail("broadcast", "--event needs --to yes|maybe|waitlist|answered")
    if args.event is None and (args.to is not None or args.date is not None):
        return fail("broadcast", "--to and --date go with --event")
    try:
        names = _audience_names(args.audience or [])
        text = _read_text(args)
        when = parse_local(args.at, settings.zone) if args.at else None
    except BadTime:
        return fail(
            "broadcast", f"cannot read the time {args.at!r}; use {examples()['ex_morning_iso']}"
        )
    except ValueError as exc:
        return fail("broadcast", str(exc))
    except OSError as exc:
        return fail("broadcast", f"cannot read {args.file}: {exc.strerror}")
    async with open_store(settings) as store:
        service = _service(store, settings)
        sender = Sender(actor=CLI_ACTOR, language=settings.language)
        try:
            if args.event is not None:
                audience = await _event_audience(store, args)
            else:
                audience = await service.audience(**names)
            text = service.check_text(text)
            found = await service.preview(audience)
            label = await service.describe(LANG, audience)
            await _print_preview(service, audience, text, label, found)
            if args.urgent:
                print("urgent:     goes out at once, also in members' quiet hours (silently)")
            if when is not None:
                return await _schedule(
                    service, audience, text, sender, when, args.yes, urgent=args.urgent
                )
            return await _send_now(
                service, audience, text, sender, found, args.yes, urgent=args.urgent
            )
        except Invalid as problem:
            return refused("broadcast", problem)


async def _print_preview(
    service: BroadcastService, audience: Audience, text: str, label: str, found: Preview
) -> None:
    message = (await service.message(audience, text))(service.settings.language)
    print("--- as members will see it ---")
    print(f"== {message.title} ==")
    print(markup.plain(message.text))
    print("---")
    print(f"audience:   {label}")
    platforms = render.platform_counts(LANG, found.by_platform) or "-"
    print(f"recipients: {render.number(LANG, found.total)} now ({platforms})")


def _confirm(question: str, assume_yes: bool, stdin: TextIO | None = None) -> bool:
    if assume_yes:
        return True
    print(f"{question} [y/N] ", end="", flush=True)
    answer = (stdin or sys.stdin).readline()
    return answer.strip().casefold() in ("y", "yes", "j", "ja")


async def _schedule(
    service: BroadcastService,
    audience: Audience,
    text: str,
    sender: Sender,
    when: datetime,
    assume_yes: bool,
    *,
    urgent: bool = False,
) -> int:
    shown = format_datetime(when, LANG, service.settings.zone)
    if not _confirm(f"Schedule this broadcast for {shown}?", assume_yes):
        print("nothing scheduled")
        return 1
    broadcast, _found = await service.schedule(audience, text, sender, when, urgent=urgent)
    print(f"broadcast {broadcast.id} scheduled for {shown} ({service.settings.timezone})")
    print("the running bot sends it then; `knotenpunkt broadcast cancel ID` withdraws it")
    return 0


async def _send_now(
    service: BroadcastService,
    audience: Audience,
    text: str,
    sender: Sender,
    found: Preview,
    assume_yes: bool,
    *,
    urgent: bool = False,
) -> int:
    expected = found.total
    while True:
        if expected == 0 and audience.kind == "event":
            return fail("broadcast", "nobody of this date answered that way; nothing was sent")
        if expected == 0:
            return fail("broadcast", "nobody would receive it now; nothing was sent")
        if not _confirm(f"Send now to {counted(expected, 'member', 'members')}?", assume_yes):
            print("nothing sent")
            return 1
        try:
            broadcast, queued = await service.send_now(
                audience, text, sender, None if assume_yes else expected, urgent=urgent
            )
            break
        except CountChanged as changed:
            expected = changed.preview.total
            print(f"the audience changed since the preview: now {render.number(LANG, expected)}")
    print(f"broadcast {broadcast.id} queued for {counted(queued, 'recipient', 'recipients')}")
    if sys.stdout.isatty():
        await watch(service.store, broadcast.id, queued, sys.stdout)
    else:
        print(f"the running bot delivers it; `knotenpunkt broadcast status {broadcast.id}`")
    return 0


def progress_bar(counts: DeliveryCounts, total: int, width: int = BAR_WIDTH) -> str:
    """``[#######-----]  512/1,000  sent 500 · unreachable 10 · failed 2`` (and
    ``· withdrawn N`` once a cancel stopped rows, which are final too)."""
    final = counts.final
    filled = width if total == 0 else min(width, width * final // total)
    bar = (
        f"[{'#' * filled}{'-' * (width - filled)}] {render.number(LANG, final)}/"
        f"{render.number(LANG, total)}  sent {render.number(LANG, counts.sent)} · unreachable "
        f"{render.number(LANG, counts.unreachable)} · failed {render.number(LANG, counts.failed)}"
    )
    if counts.withdrawn:
        bar += f" · withdrawn {render.number(LANG, counts.withdrawn)}"
    return bar


async def watch(
    store: Store, broadcast_id: int, total: int, out: TextIO, interval: float = 0.5
) -> DeliveryCounts:
    """Redraw the bar until nothing of the broadcast is pending (Ctrl-C stops watching,
    not the broadcast: the bot goes on delivering)."""
    try:
        while True:
            counts = (await store.broadcasts.counts([broadcast_id]))[broadcast_id]
            out.write("\r" + progress_bar(counts, total))
            out.flush()
            if counts.pending == 0:
                out.write("\n")
                return counts
            await asyncio.sleep(interval)
    except (KeyboardInterrupt, asyncio.CancelledError):
        out.write(f"\nstopped watching; broadcast {broadcast_id} goes on in the bot\n")
        raise


async def list_broadcasts(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        service = _service(store, settings)
        found = await service.recent(20)
        if not found:
            print("no broadcasts yet")
        for item in found:
            label = await service.describe(LANG, item.broadcast.audience)
            print(render.status_entry(LANG, settings.zone, item.broadcast, item.counts, label))
            print()
    return 0


async def show_status(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        service = _service(store, settings)
        try:
            item = await service.progress(args.broadcast_id)
        except Invalid as problem:
            return refused("broadcast", problem)
        b = item.broadcast
        label = await service.describe(LANG, b.audience)
        print(render.status_entry(LANG, settings.zone, b, item.counts, label))
        print(
            f"   queued for {b.recipients if b.recipients is not None else '-'}; by {b.created_by}"
        )
        for person in await store.broadcasts.unreachable(b.id, limit=1000):
            print(f"   unreachable: {person.name} ({person.company}, {person.platform})")
    return 0


async def cancel_broadcast(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        service = _service(store, settings)
        try:
            broadcast, withdrawn = await service.cancel(args.broadcast_id, CLI_ACTOR)
        except Invalid as problem:
            return refused("broadcast", problem)
        counts = (await store.broadcasts.counts([broadcast.id]))[broadcast.id]
    print(f"broadcast {broadcast.id} cancelled: {withdrawn} withdrawn, {counts.sent} already sent")
    return 0
