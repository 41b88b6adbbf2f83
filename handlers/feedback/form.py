"""The member's answer: a star button (or a typed "4", "4 Sterne") starts a short form,
a comment (skippable) and whether the organiser may see the name, then a preview to send.
A second answer to the same date changes the first (its comment and choice kept unless
changed) while the request's week lasts; after that it is refused."""

from __future__ import annotations

import re
from datetime import timedelta

from pydantic import BaseModel

from bot.context import Context, MemberContext
from bot.forms import Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Answer, Router
from handlers.events import render as event_render
from handlers.feedback import buttons, service
from handlers.feedback.render import stars_text
from storage.db import utcnow

MAX_COMMENT = 1000
TYPED_GRACE = timedelta(days=7)  # after the week to change, a typed "4" is refused this long
_TYPED_STARS = re.compile(r"^\s*([1-5])\s*(?:sterne?|stars?|⭐+|\*+)?\s*[.!]?\s*$", re.IGNORECASE)


class FeedbackAnswers(BaseModel):
    event_id: int
    at: int
    stars: int
    comment: str | None = None
    show_name: bool | None = None


def _stars(ctx: Context, draft: Draft) -> dict[str, object]:
    return {"stars": stars_text(int(draft.raw["stars"]))}


async def _preview(ctx: Context, draft: Draft, listing: str) -> str:
    assert isinstance(ctx, MemberContext)
    occ, _request, _before = await service.open_request(
        ctx, int(draft.raw["event_id"]), int(draft.raw["at"])
    )
    stars = f"{ctx.t('feedback.label_stars')}: {stars_text(int(draft.raw['stars']))}"
    return ctx.t(
        "feedback.preview",
        title=occ.event.title,
        when=event_render.occurrence_when(ctx.lang, ctx.zone, occ),
        listing=f"{stars}\n{listing}",
    )


async def _finish(ctx: MemberContext, data: FeedbackAnswers) -> Outgoing:
    occ, request, _before = await service.open_request(ctx, data.event_id, data.at)
    changed = await service.answer(
        ctx, occ, data.stars, (data.comment or "").strip(), bool(data.show_name)
    )
    return ctx.reply(
        "feedback.changed" if changed else "feedback.thanks",
        title=occ.event.title,
        until=ctx.format_datetime(request.changeable_until),
    )


FORM: Form[FeedbackAnswers] = Form(
    name="event_feedback",
    action="f.fb",
    model=FeedbackAnswers,
    title="feedback.form_title",
    finish=_finish,
    preview=_preview,
    confirm="feedback.btn_send",
    discard="feedback.btn_discard",
    fields=[
        Field("comment", Kind.LONG_TEXT, "feedback.ask_comment", "feedback.label_comment",
              optional=True, params=_stars, max_length=MAX_COMMENT),
        Field("show_name", Kind.YES_NO, "feedback.ask_show_name", "feedback.label_show_name"),
    ],
)  # fmt: skip


async def start(ctx: MemberContext, event_id: int, at: int, stars: int) -> list[Outgoing]:
    """The form for one date with the stars given; an earlier answer's comment and choice
    are the current values (kept unless changed)."""
    _occ, _request, before = await service.open_request(ctx, event_id, at)
    initial: dict[str, object] = {"event_id": event_id, "at": at, "stars": stars}
    if before is not None:
        initial |= {"comment": before.comment or None, "show_name": before.show_name}
    return await FORM.begin(ctx, initial, edit=before is not None)


async def typed_stars(ctx: MemberContext, text: str) -> Answer | None:
    """A typed "4" or "4 Sterne" answers the request sent last (refused when its week is
    over); other text, or a member never asked, is not feedback."""
    match = _TYPED_STARS.match(text)
    if match is None:
        return None
    request = await ctx.store.feedback.latest_request(ctx.member.id)
    if request is None or utcnow() > request.changeable_until + TYPED_GRACE:
        return None  # never asked, or long ago: a "4" is not an answer to that
    stars, at = int(match.group(1)), int(request.occurrence.timestamp())

    async def begin() -> list[Outgoing]:
        return await start(ctx, request.event_id, at, stars)

    return begin


def register(router: Router) -> None:
    FORM.install(router)
    router.free_text(typed_stars)

    @router.action(buttons.Stars)
    async def pressed(ctx: MemberContext, pressed: buttons.Stars) -> list[Outgoing]:
        return await start(ctx, pressed.event_id, pressed.at, pressed.stars)
