"""Calendar subscriptions: a calendar URL kept in sync on a schedule.

``knotenpunkt event import URL --every 1h`` or the dashboard's import page subscribe; a
job looks every minute for subscriptions that are due and syncs them with the import
(:func:`handlers.events.importer.sync_calendar`): new, changed, moved and deleted dates
follow the calendar. Each request is conditional (If-None-Match / If-Modified-Since with
the last good answer's ETag and Last-Modified), so an unchanged calendar costs a 304.

A fetch that fails (no answer, HTTP 500, something that is not a calendar) changes
nothing at all, and is tried again after a pause that doubles each time, up to the
interval. The last result is kept for the dashboard and ``knotenpunkt doctor``.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.calendar.reading import BadCalendar, Skip
from bot.delivery.notify import Notifier
from bot.settings import Settings, parse_duration
from handlers.events.importer import (
    FetchError,
    ImportReport,
    canonical_source,
    fetch_url,
    skip_text,
    sync_calendar,
)
from handlers.events.service import EventService
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.subscriptions import Subscription

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

MIN_EVERY = timedelta(minutes=5)
MAX_EVERY = timedelta(days=7)
FIRST_RETRY = timedelta(minutes=5)  # after the first failure; doubled after each further one
FETCH_TIMEOUT = 30.0
JOB_ID = "calendar-subscriptions"
ACTOR = "subscription"


def read_every(text: str) -> timedelta:
    """How often, like ``15m``, ``1h``, ``1d``; :class:`Invalid` outside 5 min … 7 days."""
    try:
        every = parse_duration(text)
    except ValueError:
        every = timedelta()
    if not MIN_EVERY <= every <= MAX_EVERY:
        raise Invalid("import.every_bad", {"value": text.strip()[:20]})
    return every


def read_url(text: str) -> str:
    """A calendar address to subscribe to (``webcal://`` is read as ``https://``)."""
    url = canonical_source(text.strip())
    if not url.startswith(("http://", "https://")) or len(url) > 2000:
        raise Invalid("import.url_bad", {})
    return url


def retry_after(failures: int, every: timedelta) -> timedelta:
    """The pause after ``failures`` failed fetches in a row: 5 min, 10, 20, … up to
    the interval itself."""
    return min(every, FIRST_RETRY * 2 ** max(0, min(failures, 20) - 1))


def report_record(report: ImportReport) -> dict[str, Any]:
    """What the dashboard shows of a sync: the counts and each entry left out."""
    skipped = [
        {"subject": s.subject, "reason": s.reason, "params": s.params} for s in report.skipped
    ]
    return {"counts": report.counts(), "skipped": skipped}


def skipped_lines(lang: str, subscription: Subscription) -> list[str]:
    found = (subscription.last_report or {}).get("skipped", [])
    return [skip_text(lang, Skip(s["subject"], s["reason"], s["params"])) for s in found]


async def subscribe(service: EventService, url: str, every: timedelta) -> Subscription:
    found = await service.store.subscriptions.save(url, every, utcnow())
    await service.store.audit.record(
        "calendar.subscribed", service.actor, url=url, every=int(every.total_seconds())
    )
    return found


async def unsubscribe(service: EventService, subscription: Subscription) -> None:
    """Stop syncing; the events that came from it stay as they are."""
    await service.store.subscriptions.remove(subscription.id)
    await service.store.audit.record("calendar.unsubscribed", service.actor, url=subscription.url)


async def sync_subscription(
    service: EventService, subscription: Subscription, time_limit: float = FETCH_TIMEOUT
) -> Subscription:
    """Fetch the calendar (conditionally) and sync it; on failure change nothing but
    the record of it and when to try again."""
    store = service.store
    now = utcnow()
    try:
        fetched = await fetch_url(
            subscription.url,
            etag=subscription.etag,
            last_modified=subscription.last_modified,
            time_limit=time_limit,
        )
        if fetched.data is None:
            status, record = "unchanged", None
        else:
            report = await sync_calendar(service, fetched.data, subscription.url)
            status, record = "synced", report_record(report)
    except (FetchError, BadCalendar) as exc:
        reason = str(exc) if isinstance(exc, FetchError) else f"not an iCalendar file: {exc}"
        await _failed(store, subscription, reason)
    except Exception as exc:  # the calendar's data broke something: tell, try again later
        log.exception("calendar subscription %s failed", subscription.url)
        await _failed(store, subscription, f"{type(exc).__name__}: {exc}"[:300])
    else:
        await store.subscriptions.record_success(
            subscription.id,
            status=status,
            report=record,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            now=now,
            next_run_at=now + subscription.every,
        )
    found = await store.subscriptions.get(subscription.id)
    return found or subscription


async def _failed(store: Store, subscription: Subscription, reason: str) -> None:
    now = utcnow()
    pause = retry_after(subscription.failures + 1, subscription.every)
    await store.subscriptions.record_failure(
        subscription.id, reason=reason, now=now, next_run_at=now + pause
    )
    log.warning("calendar %s: %s; next try in %s", subscription.url, reason, pause)


async def run_due(store: Store, notifier: Notifier, settings: Settings) -> int:
    """Sync every subscription that is due; returns how many were looked at."""
    service = EventService(store, notifier, settings, ACTOR)
    due = await store.subscriptions.due(utcnow())
    for subscription in due:
        await sync_subscription(service, subscription)
    return len(due)


def install(services: Services) -> None:
    services.scheduler.add_job(
        run_due,
        "interval",
        minutes=1,
        args=[services.store, services.notifier, services.settings],
        id=JOB_ID,
        next_run_time=utcnow() + timedelta(seconds=30),
        replace_existing=True,
        max_instances=1,
        coalesce=True,
    )
