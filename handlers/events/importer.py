"""iCalendar import as a sync: run it on a schedule against a website calendar.

Idempotent by UID: new UIDs are created (and announced), changed ones updated (and those
who answered yes or maybe are told), unchanged ones left alone, and events that came from
the same source but are no longer in it are marked cancelled. A new event whose dates have
all passed (a website calendar keeps its archive) is not created but counted as past. Events made in chat, by the
CLI or from another source are never touched.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import aiohttp

from bot.calendar.ics import ImportedEvent, parse_calendar
from bot.calendar.recurrence import next_occurrence
from bot.i18n import t
from handlers.events.dates import refresh as refresh_dates
from handlers.events.service import EventService
from handlers.validation import Invalid
from storage.db import utcnow
from storage.events import Event, EventFields, Override

MAX_BYTES = 10 * 1024 * 1024
_FORMAT_WORDS = {
    "webinar": "webinar",
    "online": "webinar",
    "workshop": "workshop",
    "demo day": "demoday",
    "demoday": "demoday",
    "konferenz": "conference",
    "conference": "conference",
    "tagung": "conference",
    "stammtisch": "meetup",
    "meetup": "meetup",
    "meet-up": "meetup",
    "treffen": "meetup",
}


class FetchError(Exception):
    """The calendar could not be read from the file or URL."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    past: list[str] = field(default_factory=list)  # new, but over: not imported

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.cancelled)} cancelled, "
            f"{len(self.skipped)} skipped, {len(self.past)} in the past (not imported)"
        )


UPLOAD_PREFIX = "upload:"  # a calendar file uploaded in the web dashboard, by its name


def canonical_source(source: str) -> str:
    """The name events remember their origin by: the URL, the absolute file path, or
    ``upload:NAME`` for a file uploaded in the dashboard."""
    if source.startswith(UPLOAD_PREFIX):
        return source
    if source.startswith("webcal://"):
        source = "https://" + source.removeprefix("webcal://")
    if source.startswith(("http://", "https://")):
        return source
    return str(Path(source).expanduser().resolve())


Progress = Callable[[int, int | None], None]  # bytes so far, bytes in all (if known)


async def fetch(source: str, time_limit: float = 30.0, progress: Progress | None = None) -> bytes:
    """Read the calendar from a file or over HTTP(S) with aiohttp.

    A server that stops answering is given up after ``time_limit`` seconds, with a reason
    that names the URL; ``progress`` hears of every chunk (the CLI shows a running count).
    """
    if not source.startswith(("http://", "https://")):
        try:
            return await asyncio.to_thread(Path(source).read_bytes)
        except OSError as exc:
            raise FetchError(f"cannot read {source}: {exc.strerror or exc}") from exc
    try:
        async with asyncio.timeout(time_limit):
            return await _download(source, progress)
    except TimeoutError:
        raise FetchError(f"{source}: no complete answer within {time_limit:g} s") from None
    except aiohttp.ClientResponseError as exc:
        raise FetchError(f"{source}: HTTP {exc.status} {exc.message}".rstrip()) from exc
    except aiohttp.ClientConnectorError as exc:
        error = exc.os_error
        reason = os.strerror(error.errno) if error.errno else str(error) or type(error).__name__
        raise FetchError(f"{source}: cannot connect ({reason})") from exc
    except aiohttp.ClientError as exc:
        raise FetchError(f"{source}: {str(exc) or type(exc).__name__}") from exc


async def _download(source: str, progress: Progress | None) -> bytes:
    async with aiohttp.ClientSession() as session, session.get(source) as response:
        if response.status != 200:
            raise FetchError(f"{source}: HTTP {response.status} {response.reason or ''}".rstrip())
        total = response.content_length
        data = bytearray()
        async for chunk in response.content.iter_chunked(64 * 1024):
            data += chunk
            if len(data) > MAX_BYTES:
                raise FetchError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB")
            if progress is not None:
                progress(len(data), total)
        return bytes(data)


def fingerprint(item: ImportedEvent) -> str:
    # a timed event hashes as before all-day events existed, so it is not "changed" by it
    exclude = None if item.all_day else {"all_day"}
    return hashlib.sha256(item.model_dump_json(exclude=exclude).encode()).hexdigest()


def guess_format(item: ImportedEvent) -> str:
    words = " ".join([*item.categories, item.title]).casefold()
    for word, fmt in _FORMAT_WORDS.items():
        if word in words:
            return fmt
    return "other"


async def _fields(service: EventService, item: ImportedEvent, source: str) -> EventFields:
    topic_ids = []
    for name in item.categories:
        topic = await service.store.topics.find(name)
        if topic is not None and not topic.archived:
            topic_ids.append(topic.id)
    return EventFields(
        title=item.title[:120],
        description=item.description[:2000],
        start=item.start,
        end=item.end,
        timezone=item.timezone,
        location=" ".join(item.location.split())[:200],
        url=item.url if item.url and item.url.startswith(("http://", "https://")) else None,
        format=guess_format(item),
        rrule=item.rrule,
        uid=item.uid,
        source=source,
        fingerprint=fingerprint(item),
        all_day=item.all_day,
        topic_ids=topic_ids,
    )


def is_over(fields: EventFields, overrides: list[Override], now: datetime) -> bool:
    """Whether every date of an event not yet stored has ended by ``now``."""
    if fields.start > now:
        return False
    probe = Event.model_construct(
        id=0,
        start=fields.start,
        end=fields.end,
        timezone=fields.timezone,
        rrule=fields.rrule,
        status="scheduled",
        all_day=fields.all_day,
    )
    moved = {o.occurrence: o for o in overrides}
    return next_occurrence(probe, moved, now) is None


async def sync_calendar(service: EventService, data: bytes, source: str) -> ImportReport:
    """Bring the events from ``source`` in line with the calendar ``data``."""
    store = service.store
    source = canonical_source(source)
    report = ImportReport()
    problems: dict[str, str] = {}
    items = parse_calendar(data, service.settings.timezone, problems)
    seen: set[str] = set(problems)  # unreadable, but still in the calendar: not removed
    report.skipped += [f"{uid}: {reason}" for uid, reason in problems.items()]
    for item in items:
        seen.add(item.uid)
        try:
            fields = await _fields(service, item, source)
            existing = await store.events.by_uid(item.uid)
            if existing is None and is_over(fields, item.overrides, utcnow()):
                report.past.append(item.uid)
            elif existing is None:
                async with store.transaction():
                    event = await service.create(fields, announce=not item.cancelled)
                    await store.events.replace_overrides(event.id, item.overrides)
                    if item.cancelled:
                        await store.events.update(event.id, status="cancelled")
                    await refresh_dates(store, service.settings, event.id)
                report.created.append(item.uid)
            elif existing.source != source:
                report.skipped.append(f"{item.uid}: belongs to another source")
            elif existing.fingerprint == fields.fingerprint and (
                item.cancelled or not existing.cancelled
            ):
                report.unchanged.append(item.uid)
            else:
                async with store.transaction():
                    await store.events.replace_overrides(existing.id, item.overrides)
                    reopen = existing.cancelled and not item.cancelled
                    kept = fields.model_copy(update={"group_id": existing.group_id})  # ours
                    event = await service.update(existing, kept, reopen=reopen)
                    if item.cancelled and not event.cancelled:
                        await service.cancel(event)
                    await refresh_dates(store, service.settings, event.id)
                report.updated.append(item.uid)
        except Invalid as problem:
            report.skipped.append(f"{item.uid}: {t('en', problem.key, **problem.params)}")
    for event in await store.events.by_source(source):
        if event.uid not in seen and not event.cancelled:
            await service.cancel(event)
            report.cancelled.append(event.uid)
    await store.audit.record("event.imported", service.actor, source=source, **_counts(report))
    return report


def _counts(report: ImportReport) -> dict[str, int]:
    return {
        "created": len(report.created),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "cancelled": len(report.cancelled),
        "skipped": len(report.skipped),
        "past": len(report.past),
    }
