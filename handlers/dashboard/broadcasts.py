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
from bot.calendar.parse import BadTime, parse_local
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
        )


def service(request: web.Request) -> BroadcastService:
    services = request.app[SERVICES]
    return BroadcastService(services.store, services.notifier, services.settings)


async def audience_of(request: web.Request, draft: Draft) -> Audience:
    """The audience through the service's own checks (archived topic, unknown region)."""
    topic_name = None
    if draft.kind in ("topic", "both"):
        topic = await request.app[SERVICES].store.topics.get(draft.topic_id or 0)
        if topic is None:
            raise Invalid("topics.unknown", {"topic": "?"})
        topic_name = topic.name
    region = draft.region if draft.kind in ("region", "both") else None
    if region is not None and not region.strip():
        raise Invalid("broadcast.unknown_region", {"region": "?", "regions": ""})
    return await service(request).audience(topic_name, region)


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
        problem=tools.t(problem.key, **problem.params) if problem else None,
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


async def compose(request: web.Request) -> web.Response:
    fields = form(request)
    draft = Draft.read(fields)
    step = str(fields.get("step", "preview"))
    brs = service(request)
    try:
        audience = await audience_of(request, draft)
        if step == "count":
            return await _compose(request, draft, preview=await brs.preview(audience))
        if step == "edit":
            return await _compose(request, draft)
        draft.text = brs.check_text(draft.text)
        if step == "send":
            expected = number(str(fields.get("expected", "")), 0, 10_000_000)
            try:
                broadcast, _ = await brs.send_now(audience, draft.text, sender(request), expected)
            except CountChanged as changed:
                return await _preview(request, draft, changed.preview, changed=True)
            await tell(request, "sent")
            return see_other(f"/admin/broadcasts/{broadcast.id}")
        if step == "schedule":
            try:
                when = parse_local(draft.send_at.replace("T", " "), page_tools(request).zone)
            except BadTime:
                raise Invalid("broadcast.bad_time", {"value": draft.send_at[:40]}) from None
            broadcast, _ = await brs.schedule(audience, draft.text, sender(request), when)
            await tell(request, "scheduled")
            return see_other(f"/admin/broadcasts/{broadcast.id}")
        return await _preview(request, draft, await brs.preview(audience))
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
