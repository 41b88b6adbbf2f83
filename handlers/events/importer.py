"""iCalendar import as a sync: run it on a schedule against a website calendar.

Idempotent by UID: new UIDs are created (and announced), changed ones updated (and those
who answered yes or maybe are told, when something they see changed), unchanged ones left
alone, and events that came from the same source but are no longer in it are marked
cancelled. A new event whose dates have all passed (a website calendar keeps its archive)
is not created but counted as past. Events made in chat, by the CLI or from another source
are never touched; a working group set by staff stays when the event is imported again.
Each entry left out is named with its reason in the report (:class:`ImportReport`).
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

from bot.calendar.reading import ImportedEvent, Skip, read_calendar
from bot.calendar.recurrence import HORIZON, Occurrence, next_occurrence, occurrences
from bot.i18n import quoted, t
from handlers.events.dates import PAST, as_occurrence
from handlers.events.dates import refresh as refresh_dates
from handlers.events.service import EventService, validate
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.events import Event, EventFields

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
    """What a sync did, by UID; ``skipped`` names each entry left out and why."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    past: list[str] = field(default_factory=list)  # new, but over: not imported

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.cancelled)} cancelled, "
            f"{len(self.skipped)} skipped, {len(self.past)} in the past (not imported)"
        )

    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "cancelled": len(self.cancelled),
            "skipped": len(self.skipped),
            "past": len(self.past),
        }

    def skipped_lines(self, lang: str) -> list[str]:
        return [skip_text(lang, skip) for skip in self.skipped]


def skip_text(lang: str, skip: Skip) -> str:
    """One skipped entry in words: which one, and why."""
    return t(
        lang, "import.skipped", subject=skip.subject, reason=t(lang, skip.reason, **skip.params)
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


@dataclass(frozen=True)
class Fetched:
    """A calendar as the server sent it; ``data`` is None when it answered 304 (not
    modified since the ETag or Last-Modified we sent)."""

    data: bytes | None
    etag: str | None = None
    last_modified: str | None = None


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
    fetched = await fetch_url(source, time_limit=time_limit, progress=progress)
    assert fetched.data is not None  # nothing was sent to make it answer 304
    return fetched.data


async def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    time_limit: float = 30.0,
    progress: Progress | None = None,
) -> Fetched:
    """GET ``url``, conditionally when ``etag`` or ``last_modified`` of an earlier answer
    are given (If-None-Match, If-Modified-Since)."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(time_limit):
            return await _download(url, headers, progress)
    except TimeoutError:
        raise FetchError(f"{url}: no complete answer within {time_limit:g} s") from None
    except aiohttp.ClientResponseError as exc:
        raise FetchError(f"{url}: HTTP {exc.status} {exc.message}".rstrip()) from exc
    except aiohttp.ClientConnectorError as exc:
        error = exc.os_error
        reason = os.strerror(error.errno) if error.errno else str(error) or type(error).__name__
        raise FetchError(f"{url}: cannot connect ({reason})") from exc
    except aiohttp.ClientError as exc:
        raise FetchError(f"{url}: {str(exc) or type(exc).__name__}") from exc


async def _download(url: str, headers: dict[str, str], progress: Progress | None) -> Fetched:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        if response.status == 304 and headers:
            return Fetched(None, headers.get("If-None-Match"), headers.get("If-Modified-Since"))
        if response.status != 200:
            raise FetchError(f"{url}: HTTP {response.status} {response.reason or ''}".rstrip())
        total = response.content_length
        data = bytearray()
        async for chunk in response.content.iter_chunked(64 * 1024):
            data += chunk
            if len(data) > MAX_BYTES:
                raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
            if progress is not None:
                progress(len(data), total)
        return Fetched(
            bytes(data), response.headers.get("ETag"), response.headers.get("Last-Modified")
        )


def fingerprint(item: ImportedEvent) -> str:
    return hashlib.sha256(item.model_dump_json().encode()).hexdigest()


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
        ical=item.ical,
        topic_ids=topic_ids,
    )


def is_over(fields: EventFields, now: datetime) -> bool:
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
        ical=fields.ical,
    )
    return next_occurrence(probe, {}, now) is None


def _subject(item: ImportedEvent) -> str:
    return f"{quoted(item.title[:60])} ({item.uid})"


DateSketch = list[tuple[datetime, datetime, datetime, bool]]


def _sketch(occs: list[Occurrence], now: datetime) -> DateSketch:
    return [(o.key, o.start, o.end, o.cancelled) for o in occs if o.end > now]


async def _members_see_a_change(store: Store, existing: Event, fields: EventFields) -> bool:
    """Whether what members see of the event changes: its words, or a date still to come
    (a new stamp or a new order of lines in the calendar is no news to them)."""
    for name in ("title", "description", "location", "url"):
        if getattr(existing, name) != getattr(fields, name):
            return True
    now = utcnow()
    listed = [as_occurrence(e, d) for e, d in await store.dates.of_events([existing.id], now)]
    changes = {name: getattr(fields, name) for name in _DATE_FIELDS}
    probe = existing.model_copy(update=changes)
    overrides = await store.events.overrides(existing.id) if existing.ical else {}
    coming = occurrences(probe, overrides, now - PAST, now + HORIZON, include_cancelled=True)
    return _sketch(listed, now) != _sketch(coming, now)


_DATE_FIELDS = ("start", "end", "timezone", "rrule", "all_day", "ical")


async def sync_calendar(service: EventService, data: bytes, source: str) -> ImportReport:
    """Bring the events from ``source`` in line with the calendar ``data``."""
    store = service.store
    source = canonical_source(source)
    report = ImportReport()
    now = utcnow()
    read = read_calendar(data, service.settings.timezone, (now - PAST, now + HORIZON))
    report.skipped += read.skipped
    seen = set(read.unreadable)  # unreadable, but still in the calendar: not removed
    for item in read.events:
        seen.add(item.uid)
        try:
            await _sync_one(service, item, source, report)
        except Invalid as problem:
            report.skipped.append(Skip(_subject(item), problem.key, problem.params))
    for event in await store.events.by_source(source):
        if event.uid not in seen and not event.cancelled:
            await service.cancel(event)
            report.cancelled.append(event.uid)
    await store.audit.record("event.imported", service.actor, source=source, **report.counts())
    return report


async def _sync_one(
    service: EventService, item: ImportedEvent, source: str, report: ImportReport
) -> None:
    store = service.store
    fields = validate(await _fields(service, item, source))
    existing = await store.events.by_uid(item.uid)
    if existing is None and is_over(fields, utcnow()):
        report.past.append(item.uid)
    elif existing is None:
        async with store.transaction():
            event = await service.create(fields, announce=not item.cancelled)
            if item.cancelled:
                await store.events.update(event.id, status="cancelled")
                await refresh_dates(store, service.settings, event.id)
        report.created.append(item.uid)
    elif existing.source != source:
        params = {"source": existing.source or "-"}
        report.skipped.append(Skip(_subject(item), "import.skip.other_source", params))
    elif existing.fingerprint == fields.fingerprint and (item.cancelled or not existing.cancelled):
        report.unchanged.append(item.uid)
    else:
        notify = await _members_see_a_change(store, existing, fields)
        async with store.transaction():
            if existing.ical is None:
                # imported before the components were kept: its calendar's changed dates
                # came in as overrides, which the components hold now
                await store.events.replace_overrides(existing.id, [])
            reopen = existing.cancelled and not item.cancelled
            kept = fields.model_copy(update={"group_id": existing.group_id})  # staff's choice
            event = await service.update(existing, kept, reopen=reopen, notify=notify)
            if item.cancelled and not event.cancelled:
                await service.cancel(event)
        report.updated.append(item.uid)
