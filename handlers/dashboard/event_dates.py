"""One date of an event, and events in and out as files: cancelling a date or the whole
series (after a confirmation that shows how many said yes), the attendee list with its CSV
download (the CLI's file), and importing an .ics calendar from a URL or an upload (the
CLI's sync: idempotent by UID)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from aiohttp import web

from bot.arguments import MAX_TIMESTAMP, number
from bot.calendar.recurrence import Occurrence, find_occurrence
from handlers.dashboard.events import event_of, event_service
from handlers.dashboard.kit import SERVICES, form, page_tools, render, see_other
from handlers.dashboard.problems import Problem
from handlers.events.attendee_csv import attendee_csv
from handlers.events.importer import (
    UPLOAD_PREFIX,
    FetchError,
    ImportReport,
    fetch,
    sync_calendar,
)
from handlers.events.subscriptions import (
    read_every,
    read_url,
    skipped_lines,
    subscribe,
    sync_subscription,
    unsubscribe,
)
from handlers.validation import Invalid
from storage.db import utcnow
from storage.events import Event
from storage.subscriptions import Subscription

UPLOAD_LIMIT = 2 * 1024 * 1024
IMPORT_TIMEOUT = 30.0


async def _occurrence(request: web.Request, event: Event, which: str) -> Occurrence | None:
    """The date named by its epoch (``which``), or None for "all"; 404 if there is none."""
    if which == "all":
        return None
    epoch = number(which, 0, MAX_TIMESTAMP)
    store = request.app[SERVICES].store
    occ = None
    if epoch is not None:
        key = datetime.fromtimestamp(epoch, tz=UTC)
        occ = find_occurrence(event, await store.events.overrides(event.id), key)
    if occ is None:
        raise web.HTTPNotFound()
    return occ


async def _yes_count(request: web.Request, event: Event, occ: Occurrence | None) -> int:
    """Who holds a seat: on this date, or for the whole event on any date still to come."""
    store = request.app[SERVICES].store
    if occ is not None:
        return await store.rsvps.confirmed_count(event.id, occ.key)
    now = utcnow()
    return len(
        {
            a.member_id
            for a in await store.rsvps.attendees(event.id)
            if a.status == "yes" and not a.waitlisted and a.occurrence + event.duration > now
        }
    )


async def cancel_question(request: web.Request) -> web.Response:
    event = await event_of(request)
    which = request.query.get("date", "all")
    occ = await _occurrence(request, event, which)
    already = event.cancelled or (occ is not None and occ.cancelled)
    return render(
        request,
        "event_cancel.html",
        event=event,
        occ=occ,
        which=which,
        already=already,
        yes=await _yes_count(request, event, occ),
    )


async def cancel(request: web.Request) -> web.Response:
    event = await event_of(request)
    which = str(form(request).get("date", "all"))
    occ = await _occurrence(request, event, which)
    if event.cancelled or (occ is not None and occ.cancelled):
        return see_other(f"/admin/events/{event.id}")
    await event_service(request).cancel(event, occ.key if occ else None)
    notice = "cancelled_date" if occ else "cancelled"
    return see_other(f"/admin/events/{event.id}?notice={notice}")


async def attendees(request: web.Request) -> web.Response:
    event = await event_of(request)
    which = request.query.get("date", "all")
    occ = await _occurrence(request, event, which)
    rows = await request.app[SERVICES].store.rsvps.attendees(event.id, occ.key if occ else None)
    return render(request, "attendees.html", event=event, occ=occ, which=which, rows=rows)


async def attendees_csv(request: web.Request) -> web.Response:
    event = await event_of(request)
    occ = await _occurrence(request, event, request.query.get("date", "all"))
    rows = await request.app[SERVICES].store.rsvps.attendees(event.id, occ.key if occ else None)
    excel = request.query.get("format", "excel") != "csv"
    name = (
        f"teilnehmende-{event.id}" if page_tools(request).lang == "de" else f"attendees-{event.id}"
    )
    return web.Response(
        body=attendee_csv(event, rows, excel=excel),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


EVERY_CHOICES = ("15m", "1h", "6h", "1d")


async def _import_page(
    request: web.Request,
    *,
    status: int = 200,
    report: ImportReport | None = None,
    problem: str | None = None,
    source: str = "",
    field: str = "url",
) -> web.Response:
    store = request.app[SERVICES].store
    tools = page_tools(request)
    subscriptions = [
        {
            "id": found.id,
            "url": found.url,
            "every": _every_label(tools.t, found.every),
            "result": _result_text(tools.t, tools.when, found),
            "failed": found.last_status == "failed",
            "skipped": skipped_lines(tools.lang, found) if found.last_status == "synced" else [],
        }
        for found in await store.subscriptions.all()
    ]
    return render(
        request,
        "event_import.html",
        status=status,
        report=report,
        problem=Problem(problem, field) if problem else None,
        source=source,
        every_choices=EVERY_CHOICES,
        subscriptions=subscriptions,
    )


def _every_label(t: Callable[..., str], every: timedelta) -> str:
    for choice in EVERY_CHOICES:
        if read_every(choice) == every:
            return t(f"dashboard.import.every.{choice}")
    return f"{int(every.total_seconds()) // 60} min"


def _result_text(t: Callable[..., str], when: Callable[..., str], found: Subscription) -> str:
    report = found.last_report or {}
    if found.last_status is None:
        return t("dashboard.import.sub.never")
    if found.last_status == "failed":
        return t("dashboard.import.sub.failed", when=when(found.last_run_at),
                 failures=found.failures, reason=report.get("reason", ""),
                 next=when(found.next_run_at))  # fmt: skip
    if found.last_status == "unchanged":
        return t("dashboard.import.sub.unchanged", when=when(found.last_run_at))
    counts = {"created": 0, "updated": 0, "unchanged": 0, "cancelled": 0, "skipped": 0}
    counts.update(report.get("counts", {}))
    return t("dashboard.import.sub.synced", when=when(found.last_run_at), **counts)


async def import_form(request: web.Request) -> web.Response:
    return await _import_page(request)


async def run_import(request: web.Request) -> web.Response:
    """A URL is fetched with the CLI's limits; an uploaded file is synced as the source
    ``upload:NAME``, so uploading a newer export of the same calendar updates its events."""
    fields = form(request)
    url = str(fields.get("url", "")).strip()
    every = str(fields.get("every", ""))
    upload = fields.get("file")
    problem: str | None = None
    at = "url"  # the field the problem is about
    report: ImportReport | None = None
    tools = page_tools(request)
    data, source = b"", url
    if isinstance(upload, web.FileField) and upload.filename:
        data = upload.file.read(UPLOAD_LIMIT + 1)
        source = f"{UPLOAD_PREFIX}{upload.filename[:100]}"
        if len(data) > UPLOAD_LIMIT:
            problem = tools.t("dashboard.import.too_large", mb=UPLOAD_LIMIT // (1024 * 1024))
            at = "file"
    elif url.startswith(("http://", "https://", "webcal://")) and every in EVERY_CHOICES:
        return await _subscribe(request, url, every)
    elif url.startswith(("http://", "https://", "webcal://")):
        try:
            data = await fetch(url.replace("webcal://", "https://", 1), IMPORT_TIMEOUT)
        except FetchError as exc:
            problem = tools.t("dashboard.import.fetch_failed", reason=str(exc))
    else:
        problem = tools.t("dashboard.import.nothing")
    if problem is None:
        try:
            report = await sync_calendar(event_service(request), data, source)
        except ValueError as exc:  # the reason never quotes the content
            problem = tools.t("dashboard.import.not_ics", reason=str(exc)[:200])
            at = "file" if source.startswith(UPLOAD_PREFIX) else "url"
    status = 400 if problem else 200
    return await _import_page(
        request, status=status, report=report, problem=problem, source=url, field=at
    )


async def _subscribe(request: web.Request, url: str, every: str) -> web.Response:
    """Subscribe and sync once now: the result shows in the list at once."""
    try:
        address = read_url(url)
    except Invalid as problem:
        message = page_tools(request).t(problem.key, **problem.params)
        return await _import_page(request, status=400, problem=message, source=url)
    service = event_service(request)
    found = await subscribe(service, address, read_every(every))
    await sync_subscription(service, found, time_limit=IMPORT_TIMEOUT)
    return see_other("/admin/events/import#subscriptions")


async def remove_subscription(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    found = await store.subscriptions.get(number(request.match_info["sub_id"], 1) or 0)
    if found is None:
        raise web.HTTPNotFound()
    await unsubscribe(event_service(request), found)
    return see_other("/admin/events/import#subscriptions")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/events/import", import_form)
    router.add_post("/events/import", run_import)
    router.add_post("/events/subscriptions/{sub_id}/remove", remove_subscription)
    router.add_get("/events/{event_id}/cancel", cancel_question)
    router.add_post("/events/{event_id}/cancel", cancel)
    router.add_get("/events/{event_id}/attendees", attendees)
    router.add_get("/events/{event_id}/attendees.csv", attendees_csv)
