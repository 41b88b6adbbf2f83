"""The events pages: the list, one event with its coming dates and their answers, and
creating and editing through :class:`~handlers.events.service.EventService` (validation,
audit log and announcements as in chat and on the command line)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.arguments import record_id
from bot.calendar.recurrence import (
    HORIZON,
    Occurrence,
    find_occurrence,
    next_occurrence,
    occurrences,
)
from handlers.dashboard.auth import Admin
from handlers.dashboard.event_form import REPEATS, EventForm, read_form, repeat_labels
from handlers.dashboard.kit import (
    ADMIN,
    RESUBMITTED,
    SERVICES,
    form,
    notice_of,
    once,
    page_tools,
    render,
    see_other,
    tell,
)
from handlers.dashboard.problems import EVENT_FIELDS, Problem, problem_of
from handlers.events.service import EventService
from handlers.feedback import render as feedback_render
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.events import FORMATS, Event, Override
from storage.feedback import Figures
from storage.groups import Group

DATES_SHOWN = 12
NOTICES = {"created", "changed", "unchanged", "cancelled", "cancelled_date", RESUBMITTED}


def event_service(request: web.Request) -> EventService:
    services = request.app[SERVICES]
    return EventService(
        services.store, services.notifier, services.settings, request[ADMIN].identity
    )


async def event_of(request: web.Request) -> Event:
    event_id = record_id(request.match_info["event_id"])
    event = await request.app[SERVICES].store.events.get(event_id) if event_id else None
    if event is None:
        raise web.HTTPNotFound()
    return event


async def event_list(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    now = utcnow()
    show_all = request.query.get("all") == "1"
    events = await store.events.all() if show_all else await store.events.active(now)
    rows = []
    for event in events:
        occ = next_occurrence(event, await store.events.overrides(event.id), now)
        if occ is None and not show_all:
            continue
        counts = await store.dashboard.answer_counts(event.id, occ.key) if occ else None
        rows.append((event, occ, counts))
    rows.sort(key=lambda row: (row[1] is None, row[1].start if row[1] else row[0].start))
    return render(request, "events.html", rows=rows, show_all=show_all)


async def event_page(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    event = await event_of(request)
    now = utcnow()
    overrides = await store.events.overrides(event.id)
    window = occurrences(
        event, overrides, now - event.duration, now + HORIZON, include_cancelled=True
    )
    dates = []
    for occ in [o for o in window if o.end > now][:DATES_SHOWN]:
        dates.append((occ, await store.dashboard.answer_counts(event.id, occ.key)))
    topics = [
        topic.name
        for topic_id in await store.events.topic_ids(event.id)
        if (topic := await store.topics.get(topic_id)) is not None
    ]
    group = await store.groups.get(event.group_id) if event.group_id else None
    feedback = await _feedback(request, event, overrides)
    notice, _name = await notice_of(request, NOTICES)
    return render(
        request,
        "event.html",
        event=event,
        dates=dates,
        topics=topics,
        group=group,
        notice=notice,
        feedback=feedback,
    )


async def _feedback(
    request: web.Request, event: Event, overrides: dict[datetime, Override]
) -> list[tuple[Occurrence, Figures, str]]:
    """The feedback of the dates whose people were asked: figures and the average shown."""
    store, lang = request.app[SERVICES].store, page_tools(request).lang
    found = []
    for key in await store.feedback.asked_dates(event.id):
        occ = find_occurrence(event, overrides, key)
        if occ is not None:
            figures = await store.feedback.figures(event.id, key)
            found.append((occ, figures, feedback_render.average(lang, figures)))
    return found


async def _form_page(
    request: web.Request,
    values: EventForm,
    event: Event | None = None,
    problem: Problem | None = None,
) -> web.Response:
    store = request.app[SERVICES].store
    tools = page_tools(request)
    zone = ZoneInfo(event.timezone) if event else request.app[SERVICES].settings.zone
    return render(
        request,
        "event_form.html",
        status=400 if problem else 200,
        values=values,
        event=event,
        problem=problem,
        topics=await store.topics.list(),
        groups=await _groups(store, event),
        formats=FORMATS,
        repeats=REPEATS,
        repeat_labels=repeat_labels(tools.lang, values, zone),
        zone=zone.key,
    )


async def new_event_form(request: web.Request) -> web.Response:
    start = (utcnow() + timedelta(days=14)).astimezone(request.app[SERVICES].settings.zone)
    end = f"{start:%Y-%m-%d}T20:00"
    values = EventForm(start=f"{start:%Y-%m-%d}T18:00", end=end, suggested_end=end)
    return await _form_page(request, values)


def _organiser(admin: Admin) -> str:
    return admin.member.name if admin.member is not None else admin.identity


async def _groups(store: Store, event: Event | None) -> list[Group]:
    """The groups an event may belong to: the active ones, and its own even if archived
    (so editing something else does not take it out of its group)."""
    groups = await store.groups.list()
    if event is not None and event.group_id not in (None, *(g.id for g in groups)):
        own = await store.groups.get(event.group_id)  # type: ignore[arg-type]
        groups += [own] if own is not None else []
    return groups


async def _known(request: web.Request, event: Event | None = None) -> tuple[set[int], set[int]]:
    store = request.app[SERVICES].store
    topics = {topic.id for topic in await store.topics.list()}
    groups = {group.id for group in await _groups(store, event)}
    return topics, groups


async def create_event(request: web.Request) -> web.Response:
    values = EventForm.from_post(form(request))
    settings = request.app[SERVICES].settings
    try:
        fields = read_form(
            values, settings.timezone, _organiser(request[ADMIN]), *await _known(request)
        )
        event = await event_service(request).create(fields)
    except Invalid as refused:
        problem = problem_of(page_tools(request), refused, EVENT_FIELDS, "title")
        return await _form_page(request, values, problem=problem)
    await tell(request, "created")
    return see_other(f"/admin/events/{event.id}")


async def edit_event_form(request: web.Request) -> web.Response:
    event = await event_of(request)
    topic_ids = await request.app[SERVICES].store.events.topic_ids(event.id)
    return await _form_page(request, EventForm.from_event(event, topic_ids), event)


async def change_event(request: web.Request) -> web.Response:
    event = await event_of(request)
    values = EventForm.from_post(form(request))
    try:
        fields = read_form(
            values, event.timezone, event.organiser, *await _known(request, event), keep=event
        )
        service = event_service(request)
        changing = await service.would_change(event, fields)
        if changing:
            await service.update(event, fields)
    except Invalid as refused:
        problem = problem_of(page_tools(request), refused, EVENT_FIELDS, "title")
        return await _form_page(request, values, event, problem=problem)
    await tell(request, "changed" if changing else "unchanged")
    return see_other(f"/admin/events/{event.id}")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/events", event_list)
    router.add_get("/events/new", new_event_form)
    router.add_post("/events/new", once(create_event))
    router.add_get("/events/{event_id}", event_page)
    router.add_get("/events/{event_id}/edit", edit_event_form)
    router.add_post("/events/{event_id}/edit", once(change_event))
