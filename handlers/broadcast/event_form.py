"""The form behind the event card's "An Teilnehmende" button: which people of the date
(with their count), the text, now or later, then the preview with the exact count.

For admins and the moderators of the event's working group; who may is checked when the
form starts and again when it is sent (a moderator may have stepped down meanwhile).
Sending is the broadcast service's, with an event audience: outbox, report, scheduling
and cancelling as for every broadcast. A date without such people sends nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel

from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Access, HandlerResult, Router
from handlers.broadcast import render
from handlers.broadcast.event_people import PEOPLE, allowed_audience, event_date
from handlers.broadcast.sending import send_or_schedule, service
from handlers.broadcast.service import MAX_TEXT, BroadcastService
from handlers.events import buttons
from storage.broadcasts import Audience


class EventMessage(BaseModel):
    event_id: int
    at: int  # the date's key, seconds since the epoch
    people: str
    text: str
    when: str = "now"
    send_at: datetime | None = None
    shown: int | None = None  # the count the preview showed


def _key(draft: Draft) -> datetime:
    return datetime.fromtimestamp(int(draft.raw["at"]), tz=UTC)


async def _audience(ctx: Context, draft: Draft, people: str | None = None) -> Audience:
    """The audience of the answers so far (who may write was checked at the start)."""
    occ = await event_date(ctx.store, int(draft.raw["event_id"]), _key(draft))
    return Audience(event_id=occ.event.id, occurrence=occ.key, people=people or "answered")


async def _people(ctx: Context, draft: Draft) -> list[Choice]:
    """Each choice with its count now, so an empty one is seen before writing."""
    svc = service(ctx)
    found = []
    for people in PEOPLE:
        count = (await svc.preview(await _audience(ctx, draft, people))).total
        label = ctx.t(
            "event_message.people_count",
            people=ctx.t(f"event_message.people.{people}"),
            count=render.number(ctx.lang, count),
        )
        found.append(Choice(people, label))
    return found


async def _people_params(ctx: Context, draft: Draft) -> dict[str, object]:
    names = await service(ctx).names(await _audience(ctx, draft))
    return {"event": render.event_date_label(ctx.lang, names)}


def _text(ctx: Context, text: str, draft: Draft) -> str:
    return BroadcastService.check_text(text)


def _send_at(ctx: Context, text: str, draft: Draft) -> datetime:
    return service(ctx).read_send_at(text, ctx.zone)


async def _text_params(ctx: Context, draft: Draft) -> dict[str, object]:
    if "people" not in draft:
        label = ctx.t("broadcast.audience.above")
    else:
        audience = await _audience(ctx, draft, draft["people"])
        label = await service(ctx).describe(ctx.lang, audience)
    return {"audience": label, "max": render.number(ctx.lang, MAX_TEXT)}


async def _sample(ctx: Context, draft: Draft) -> list[Outgoing]:
    """The message as its readers will see it."""
    audience = await _audience(ctx, draft, draft["people"])
    return [(await service(ctx).message(audience, draft["text"]))(ctx.lang)]


async def _preview(ctx: Context, draft: Draft, listing: str) -> str:
    """The exact count per platform (remembered: sending confirms it)."""
    svc = service(ctx)
    audience = await _audience(ctx, draft, draft["people"])
    found = await svc.preview(audience)
    await FORM.remember(ctx, "shown", found.total)
    label = await svc.describe(ctx.lang, audience)
    if found.total:
        count = render.number(ctx.lang, found.total)
        platforms = render.platform_counts(ctx.lang, found.by_platform)
        lines = [
            ctx.t("event_message.preview_count", count=count, audience=label, platforms=platforms)
        ]
    else:
        lines = [ctx.t("event_message.preview_nobody", audience=label)]
    if draft.raw.get("when") == "later" and draft.raw.get("send_at"):
        lines.append(ctx.t("broadcast.preview_at", when=ctx.format_datetime(draft["send_at"])))
    return "\n\n".join(lines)


async def _finish(ctx: Context, data: EventMessage) -> HandlerResult:
    key = datetime.fromtimestamp(data.at, tz=UTC)
    member_id = ctx.member.id if ctx.member else None
    audience = await allowed_audience(
        ctx.store, data.event_id, key, data.people, member_id, ctx.is_admin
    )
    status = [[ctx.button("broadcast.btn_status", "bc.status")]] if ctx.is_admin else []
    return await send_or_schedule(ctx, FORM, audience, data, status)


def _confirm(draft: Draft) -> str:
    return "broadcast.btn_schedule" if draft.raw.get("when") == "later" else "broadcast.btn_send"


FIELDS = [
    Field("people", Kind.CHOICE, "event_message.ask_people", "event_message.label.people",
          choices=_people, params=_people_params),
    Field("text", Kind.LONG_TEXT, "event_message.ask_text", "broadcast.label.text",
          parse=_text, params=_text_params, max_length=MAX_TEXT, hint="broadcast.hint_text"),
    Field("when", Kind.CHOICE, "broadcast.ask_send", "broadcast.label.when",
          choices=[Choice("now", key="broadcast.when.now"),
                   Choice("later", key="broadcast.when.later")], columns=2),
    Field("send_at", Kind.DATETIME, "broadcast.ask_when", "broadcast.label.send_at",
          parse=_send_at, params=lambda ctx, d: {"zone": str(ctx.zone)},
          when=lambda d: d.raw.get("when") == "later"),
]  # fmt: skip
FORM: Form[EventMessage] = Form(
    name="event_message",
    action="f.em",
    model=EventMessage,
    title="event_message.form_title",
    finish=_finish,
    access=Access.ANYONE,  # admins and group moderators: checked at the start and the end
    fields=FIELDS,
    sample=_sample,
    preview=_preview,
    confirm=_confirm,
    discard="broadcast.btn_cancel",
    stale="event_message.stale",
)


def register(router: Router) -> None:
    @router.action(buttons.WriteToPeople, access=Access.ANYONE)
    async def write_to_people(ctx: Context, pressed: buttons.WriteToPeople) -> list[Outgoing]:
        """The card's button: the form, for whoever may write to the date's people."""
        key = datetime.fromtimestamp(pressed.at, tz=UTC)
        member_id = ctx.member.id if ctx.member else None
        await allowed_audience(
            ctx.store, pressed.event_id, key, "answered", member_id, ctx.is_admin
        )
        return await FORM.begin(ctx, {"event_id": pressed.event_id, "at": pressed.at})

    FORM.install(router)
