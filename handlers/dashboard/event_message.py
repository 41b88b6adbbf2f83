"""An event's page: write to the people of one of its dates (yes, maybe, the waiting list,
or everyone who answered), with the count of each choice, the preview exactly as they
get it, then send now or schedule.

The same rules as the event card's form and the CLI (:mod:`handlers.broadcast.event_people`)
and the same broadcast service: the count confirmed is the count queued, the status page
and the report are every broadcast's. The form's one-time token makes a second send of
the same form (back, resubmit) lead to the first outcome instead of sending again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot.arguments import number
from bot.calendar.recurrence import Occurrence
from handlers.broadcast import markup as draft_markup
from handlers.broadcast import render as broadcast_render
from handlers.broadcast.event_people import PEOPLE, event_audience, writable_dates
from handlers.broadcast.service import BroadcastService, CountChanged, Preview
from handlers.dashboard.broadcasts import sender, service
from handlers.dashboard.events import event_of
from handlers.dashboard.kit import SERVICES, form, page_tools, render, see_other, tell
from handlers.dashboard.kit import once as once_only
from handlers.dashboard.problems import problem_of
from handlers.validation import Invalid
from storage.broadcasts import Audience
from storage.events import Event

FIELDS: Mapping[str, str] = {
    "broadcast.empty_text": "text",
    "broadcast.text_too_long": "text",
    "event_message.bad_people": "people",
    "event_message.no_such_date": "date",
    "event_message.cancelled": "date",
    "broadcast.time_past": "send_at",
    "broadcast.time_far": "send_at",
    "broadcast.bad_time": "send_at",
}


@dataclass
class Draft:
    date: int | None = None  # the date's key, seconds since the epoch
    people: str = "yes"
    text: str = ""
    send_at: str = ""

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> Draft:
        def text(name: str, limit: int) -> str:
            value = data.get(name, "")
            return value[:limit] if isinstance(value, str) else ""

        people = text("people", 10)
        return cls(
            date=number(text("date", 20), 0, 2**40),
            people=people if people in PEOPLE else "yes",
            text=text("text", 20_000),
            send_at=text("send_at", 40),
        )

    @property
    def key(self) -> datetime | None:
        return None if self.date is None else datetime.fromtimestamp(self.date, tz=UTC)


async def _audience(request: web.Request, event: Event, draft: Draft) -> Audience:
    if draft.key is None:
        raise Invalid("event_message.no_such_date", {"title": event.title})
    return await event_audience(request.app[SERVICES].store, event.id, draft.key, draft.people)


async def _counts(request: web.Request, event: Event, occ: Occurrence | None) -> dict[str, int]:
    """Each choice's count for the chosen date (all zero without one)."""
    if occ is None:
        return dict.fromkeys(PEOPLE, 0)
    brs = service(request)
    return {
        people: (
            await brs.preview(Audience(event_id=event.id, occurrence=occ.key, people=people))
        ).total
        for people in PEOPLE
    }


async def _compose(
    request: web.Request, event: Event, draft: Draft, problem: Invalid | None = None
) -> web.Response:
    dates = [] if event.cancelled else await writable_dates(request.app[SERVICES].store, event)
    chosen = next((o for o in dates if o.epoch == draft.date), None)
    if chosen is None and dates:
        coming = [o for o in dates if o.end > datetime.now(UTC)]
        chosen = coming[0] if coming else dates[-1]
        draft.date = chosen.epoch
    tools = page_tools(request)
    return render(
        request,
        "event_message.html",
        status=400 if problem else 200,
        event=event,
        dates=dates,
        draft=draft,
        people=PEOPLE,
        counts=await _counts(request, event, chosen),
        problem=problem_of(tools, problem, FIELDS) if problem else None,
    )


async def _preview(
    request: web.Request, event: Event, draft: Draft, preview: Preview, changed: bool = False
) -> web.Response:
    tools = page_tools(request)
    audience = await _audience(request, event, draft)
    brs = service(request)
    message = (await brs.message(audience, draft.text))(tools.lang)
    return render(
        request,
        "event_message_preview.html",
        event=event,
        draft=draft,
        message=message,
        preview=preview,
        audience=await brs.describe(tools.lang, audience),
        platforms=broadcast_render.platform_counts(tools.lang, preview.by_platform),
        literal=draft_markup.literal_markers(draft.text),
        changed=changed,
    )


async def compose_page(request: web.Request) -> web.Response:
    event = await event_of(request)
    return await _compose(request, event, Draft.read(request.query))


async def _count(request: web.Request, event: Event, draft: Draft) -> web.Response:
    return await _compose(request, event, draft)


async def _show_preview(request: web.Request, event: Event, draft: Draft) -> web.Response:
    audience = await _audience(request, event, draft)
    draft.text = BroadcastService.check_text(draft.text)
    return await _preview(request, event, draft, await service(request).preview(audience))


async def _send(request: web.Request, event: Event, draft: Draft) -> web.Response:
    audience = await _audience(request, event, draft)
    draft.text = BroadcastService.check_text(draft.text)
    expected = number(str(form(request).get("expected", "")), 0, 10_000_000)
    try:
        made, _ = await service(request).send_now(audience, draft.text, sender(request), expected)
    except CountChanged as changed:
        return await _preview(request, event, draft, changed.preview, changed=True)
    await tell(request, "sent")
    return see_other(f"/admin/broadcasts/{made.id}")


async def _schedule(request: web.Request, event: Event, draft: Draft) -> web.Response:
    brs = service(request)
    audience = await _audience(request, event, draft)
    text = brs.check_text(draft.text)
    when = brs.read_send_at(draft.send_at.replace("T", " "), page_tools(request).zone)
    made, _ = await brs.schedule(audience, text, sender(request), when)
    await tell(request, "scheduled")
    return see_other(f"/admin/broadcasts/{made.id}")


STEPS = {
    "count": _count,
    "edit": _count,
    "preview": _show_preview,
    "send": _send,
    "schedule": _schedule,
}


async def compose(request: web.Request) -> web.Response:
    """The form's buttons; a refusal shows the form again with its message."""
    event = await event_of(request)
    fields = form(request)
    draft = Draft.read(fields)
    step = STEPS.get(str(fields.get("step", "preview")), _show_preview)
    try:
        return await step(request, event, draft)
    except Invalid as problem:
        return await _compose(request, event, draft, problem)


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/events/{event_id}/message", compose_page)
    router.add_post("/events/{event_id}/message", once_only(compose))
