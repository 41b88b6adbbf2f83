"""The broadcast pages: compose (audience, text in the chat's small markup, the recipient
count), preview exactly as members get it, send now or schedule, status and report, cancel.

Everything goes through :class:`~handlers.broadcast.service.BroadcastService`: sending
confirms the previewed count and shows the new one if the audience changed meanwhile.
The count is live with the small script ``count.js`` (GET ``/admin/broadcasts/count``)
and works without it through the "Count" button.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.arguments import number, record_id
from handlers.broadcast import markup as draft_markup
from handlers.broadcast import render as broadcast_render
from handlers.broadcast.service import BroadcastService, CountChanged, Preview, Sender
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
from handlers.dashboard.problems import BROADCAST_FIELDS, problem_of
from handlers.validation import Invalid
from storage.broadcasts import OPEN_STATUSES, Audience

KINDS = ("all", "topic", "region", "both")
NOTICES = {"sent", "scheduled", "cancelled", RESUBMITTED}


@dataclass
class Draft:
    kind: str = "all"
    topic_id: int | None = None
    region: str = ""
    text: str = ""
    send_at: str = ""
    urgent: bool = False  # not held by members' quiet hours; at night without sound

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> Draft:
        """From the form or, for the count, the query string."""

        def text(name: str, limit: int) -> str:
            value = data.get(name, "")
            return value[:limit] if isinstance(value, str) else ""

        kind = text("kind", 10)
        return cls(
            kind=kind if kind in KINDS else "all",
            topic_id=record_id(text("topic_id", 20)),
            region=text("region", 200),
            text=text("text", 20_000),
            send_at=text("send_at", 40),
            urgent=text("urgent", 5) in ("1", "on"),
        )


def service(request: web.Request) -> BroadcastService:
    services = request.app[SERVICES]
    return BroadcastService(services.store, services.notifier, services.settings)


async def audience_of(request: web.Request, draft: Draft) -> Audience:
    """The audience through the reader the chat form and a Slack modal use (archived
    topic, unknown region), after the web's own words for a field left empty."""
    if draft.kind in ("topic", "both"):
        if draft.topic_id is None:
            raise Invalid("dashboard.required.topic", {})
        if await request.app[SERVICES].store.topics.get(draft.topic_id) is None:
            raise Invalid("topics.gone", {})
    if draft.kind in ("region", "both") and not (draft.region or "").strip():
        raise Invalid("dashboard.required.region", {})
    return await service(request).chosen_audience(draft.kind, draft.topic_id, draft.region)


def sender(request: web.Request) -> Sender:
    admin = request[ADMIN]
    member_id = admin.member.id if admin.member is not None else None
    return Sender(actor=admin.identity, language=admin.language, member_id=member_id)


async def _compose(
    request: web.Request,
    draft: Draft,
    problem: Invalid | None = None,
    preview: Preview | None = None,
) -> web.Response:
    store = request.app[SERVICES].store
    tools = page_tools(request)
    return render(
        request,
        "broadcast_compose.html",
        status=400 if problem else 200,
        draft=draft,
        kinds=KINDS,
        topics=await store.topics.list(),
        regions=await service(request).regions(),
        problem=problem_of(tools, problem, BROADCAST_FIELDS) if problem else None,
        preview=preview,
    )


async def _preview(
    request: web.Request, draft: Draft, preview: Preview, changed: bool = False
) -> web.Response:
    tools = page_tools(request)
    audience = await audience_of(request, draft)
    message = broadcast_render.member_message(
        tools.lang, draft.text, request.app[SERVICES].settings.network_name
    )
    return render(
        request,
        "broadcast_preview.html",
        draft=draft,
        message=message,
        preview=preview,
        audience=await service(request).describe(tools.lang, audience),
        platforms=broadcast_render.platform_counts(tools.lang, preview.by_platform),
        literal=draft_markup.literal_markers(draft.text),
        changed=changed,
    )


async def compose_page(request: web.Request) -> web.Response:
    return await _compose(request, Draft.read(request.query))


# what the compose form's buttons do; the values are read by the service's readers, the
# same the chat form uses: the text, the audience and the send time ------------------------


async def _count(request: web.Request, draft: Draft) -> web.Response:
    preview = await service(request).preview(await audience_of(request, draft))
    return await _compose(request, draft, preview=preview)


async def _edit(request: web.Request, draft: Draft) -> web.Response:
    return await _compose(request, draft)


async def _show_preview(request: web.Request, draft: Draft) -> web.Response:
    audience = await audience_of(request, draft)
    draft.text = BroadcastService.check_text(draft.text)
    return await _preview(request, draft, await service(request).preview(audience))


async def _send(request: web.Request, draft: Draft) -> web.Response:
    audience = await audience_of(request, draft)
    draft.text = BroadcastService.check_text(draft.text)
    expected = number(str(form(request).get("expected", "")), 0, 10_000_000)
    try:
        made, _ = await service(request).send_now(
            audience, draft.text, sender(request), expected, urgent=draft.urgent
        )
    except CountChanged as changed:
        return await _preview(request, draft, changed.preview, changed=True)
    await tell(request, "sent")
    return see_other(f"/admin/broadcasts/{made.id}")


async def _schedule(request: web.Request, draft: Draft) -> web.Response:
    brs = service(request)
    audience = await audience_of(request, draft)
    text = brs.check_text(draft.text)
    when = brs.read_send_at(draft.send_at.replace("T", " "), page_tools(request).zone)
    made, _ = await brs.schedule(audience, text, sender(request), when, urgent=draft.urgent)
    await tell(request, "scheduled")
    return see_other(f"/admin/broadcasts/{made.id}")


STEPS = {
    "count": _count,
    "edit": _edit,
    "preview": _show_preview,
    "send": _send,
    "schedule": _schedule,
}


async def compose(request: web.Request) -> web.Response:
    """The compose form's buttons; a refusal shows the form again with its message."""
    fields = form(request)
    draft = Draft.read(fields)
    step = STEPS.get(str(fields.get("step", "preview")), _show_preview)
    try:
        return await step(request, draft)
    except Invalid as problem:
        return await _compose(request, draft, problem)


async def count(request: web.Request) -> web.Response:
    """The live count for the compose form's script: JSON ``{total, text}``."""
    tools = page_tools(request)
    try:
        audience = await audience_of(request, Draft.read(request.query))
    except Invalid as problem:
        return web.json_response({"total": None, "text": tools.t(problem.key, **problem.params)})
    preview = await service(request).preview(audience)
    text = tools.tn("dashboard.broadcasts.recipients", preview.total)
    return web.json_response({"total": preview.total, "text": text})


async def broadcast_list(request: web.Request) -> web.Response:
    found = await service(request).recent(limit=30)
    return render(request, "broadcasts.html", items=found)


async def broadcast_page(request: web.Request) -> web.Response:
    broadcast_id = record_id(request.match_info["broadcast_id"]) or 0
    try:
        progress = await service(request).progress(broadcast_id)
    except Invalid:
        raise web.HTTPNotFound() from None
    store = request.app[SERVICES].store
    tools = page_tools(request)
    audience = await service(request).describe(tools.lang, progress.broadcast.audience)
    notice, _name = await notice_of(request, NOTICES)
    return render(
        request,
        "broadcast.html",
        item=progress,
        audience=audience,
        unreachable=await store.broadcasts.unreachable(broadcast_id),
        cancellable=progress.broadcast.status in OPEN_STATUSES,
        notice=notice,
    )


async def cancel(request: web.Request) -> web.Response:
    broadcast_id = record_id(request.match_info["broadcast_id"]) or 0
    try:
        await service(request).cancel(broadcast_id, request[ADMIN].identity)
    except Invalid:
        return see_other(f"/admin/broadcasts/{broadcast_id}")
    await tell(request, "cancelled")
    return see_other(f"/admin/broadcasts/{broadcast_id}")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/broadcasts", broadcast_list)
    router.add_get("/broadcasts/new", compose_page)
    router.add_post("/broadcasts/new", once(compose))
    router.add_get("/broadcasts/count", count)
    router.add_get("/broadcasts/{broadcast_id}", broadcast_page)
    router.add_post("/broadcasts/{broadcast_id}/cancel", once(cancel))
