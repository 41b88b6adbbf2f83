"""The dashboard's check-in page of one event date (``/admin/events/{id}/checkin?date=``):
the QR code (segno, inline SVG) holding the Telegram deep link, the short code in large
type, a Slack link, and the attendee list where staff tick names on a phone.

The code rotates; ``checkin.js`` asks ``…/checkin/code`` for the new one when it changes
(no reload, so a list being ticked is not disturbed). Without the script the page still
shows a valid code until its window ends. Each tick is a POST with a one-time token
(:func:`handlers.dashboard.kit.once`): the same form sent twice checks in once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import segno
from aiohttp import web
from markupsafe import Markup

from bot.arguments import MAX_TIMESTAMP, number, record_id
from bot.calendar.recurrence import Occurrence, find_occurrence
from handlers.checkin.service import CheckinService, Refused, ShownCode
from handlers.dashboard.events import event_of
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
from handlers.dashboard.tools import PageTools
from storage.db import utcnow
from storage.events import Event

NOTICES = {"checked", "already", "refused", RESUBMITTED}


def qr_svg(link: str, label: str) -> Markup:
    """The QR code of ``link`` as inline SVG: dark modules on white with a quiet zone, a
    ``viewBox`` so CSS sizes it, and a title that names it for screen readers."""
    qr = segno.make(link, error="m")
    svg = qr.svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, title=label, svgclass="qr"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def service_of(request: web.Request) -> CheckinService:
    services = request.app[SERVICES]
    return CheckinService(services.store, services.settings, request[ADMIN].identity)


async def _date(request: web.Request, event: Event, which: str) -> Occurrence:
    epoch = number(which, 0, MAX_TIMESTAMP)
    occ = None
    if epoch is not None:
        key = datetime.fromtimestamp(epoch, tz=UTC)
        overrides = await request.app[SERVICES].store.events.overrides(event.id)
        occ = find_occurrence(event, overrides, key)
    if occ is None:
        raise web.HTTPNotFound()
    return occ


def _live(tools: PageTools, shown: ShownCode, now: datetime) -> dict[str, object]:
    """What the page shows of the current code, and what the script swaps in."""
    return {
        "code": shown.code,
        "link": shown.telegram_link or "",
        "svg": qr_svg(shown.telegram_link, tools.t("dashboard.checkin.qr_label"))
        if shown.telegram_link
        else "",
        "changes": tools.t("dashboard.checkin.changes", time=_clock(tools, shown.valid_until)),
        "hint": tools.t("dashboard.checkin.code_hint", code=shown.code),
        "next_ms": max(1000, int((shown.valid_until - now).total_seconds() * 1000) + 500),
    }


def _clock(tools: PageTools, moment: datetime) -> str:
    return f"{moment.astimezone(tools.zone):%H:%M:%S}"


async def checkin_page(request: web.Request) -> web.Response:
    event = await event_of(request)
    occ = await _date(request, event, request.query.get("date", ""))
    service = service_of(request)
    tools = page_tools(request)
    now = utcnow()
    shown = await service.shown_code(event.id, occ.key, now)
    people = await request.app[SERVICES].store.checkins.attendee_list(event.id, occ.key)
    notice, name = await notice_of(request, NOTICES)
    notice_text = None
    if notice == RESUBMITTED:
        notice_text = tools.t("dashboard.events.notice.resubmitted")
    elif notice:
        notice_text = tools.t(f"dashboard.checkin.notice.{notice}", name=name)
    expected = [p for p in people if p.answer is not None]
    return render(
        request,
        "checkin.html",
        event=event,
        occ=occ,
        live=_live(tools, shown, now),
        slack_link=shown.slack_link,
        window=tools.t(
            "dashboard.checkin.window",
            opens=tools.when(service.opens_at(occ)),
            closes=tools.when(service.closes_at(occ)),
        ),
        people=people,
        counts=tools.t(
            "dashboard.checkin.counts",
            checked=sum(1 for p in expected if p.checked_in_at),
            expected=len(expected),
            walk_ins=sum(1 for p in people if p.answer is None),
        ),
        notice=notice_text,
    )


async def current_code(request: web.Request) -> web.Response:
    """The code of now, for ``checkin.js`` (same session and admin checks as the page)."""
    event = await event_of(request)
    occ = await _date(request, event, request.query.get("date", ""))
    now = utcnow()
    shown = await service_of(request).shown_code(event.id, occ.key, now)
    live = _live(page_tools(request), shown, now)
    return web.json_response({k: str(v) if k != "next_ms" else v for k, v in live.items()})


async def tick(request: web.Request) -> web.Response:
    """Staff check a member in from the list (how='staff', checked_in_by the admin)."""
    event = await event_of(request)
    fields = form(request)
    occ = await _date(request, event, str(fields.get("date", "")))
    member_id = record_id(str(fields.get("member", "")))
    store = request.app[SERVICES].store
    member = await store.members.get(member_id) if member_id else None
    if member is None:
        raise web.HTTPNotFound()
    admin = request[ADMIN]
    by = admin.member.id if admin.member is not None else None
    try:
        done = await service_of(request).check_in_by_staff(event.id, occ.key, member.id, by)
        await tell(request, "already" if done.already else "checked", member.name)
    except Refused:
        await tell(request, "refused", member.name)
    return see_other(f"/admin/events/{event.id}/checkin?date={occ.epoch}#list")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/events/{event_id}/checkin", checkin_page)
    router.add_get("/events/{event_id}/checkin/code", current_code)
    router.add_post("/events/{event_id}/checkin/tick", once(tick))
