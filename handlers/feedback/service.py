"""The rules of an answer: only to a request that was sent, only while it may change
(a week), one per member and date; every answer goes to the audit log (without its text)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.calendar.recurrence import Occurrence
from bot.context import MemberContext
from handlers.events.dates import as_occurrence
from handlers.validation import Invalid
from storage.db import utcnow
from storage.feedback import Feedback, FeedbackRequest


async def open_request(
    ctx: MemberContext, event_id: int, at: int
) -> tuple[Occurrence, FeedbackRequest, Feedback | None]:
    """The date, the member's request and their answer so far; refused when the date is
    gone, the member was not asked, or the week to change the answer is over."""
    key = datetime.fromtimestamp(at, tz=UTC)
    dated = await ctx.store.dates.get(event_id, key)
    event = dated[0] if dated else await ctx.store.events.get(event_id)
    if event is None:
        raise Invalid("feedback.gone")
    request = await ctx.store.feedback.request(event_id, key, ctx.member.id)
    if request is None:
        raise Invalid("feedback.not_asked")
    if utcnow() > request.changeable_until:
        until = ctx.format_datetime(request.changeable_until)
        raise Invalid("feedback.closed", {"title": event.title, "until": until})
    if dated is None:  # long past: its date is no longer kept
        raise Invalid("feedback.gone")
    occ = as_occurrence(*dated)
    return occ, request, await ctx.store.feedback.get(event_id, key, ctx.member.id)


async def answer(
    ctx: MemberContext, occ: Occurrence, stars: int, comment: str, show_name: bool
) -> bool:
    """Keep the member's answer; True when it changed an earlier one."""
    before = await ctx.store.feedback.get(occ.event.id, occ.key, ctx.member.id)
    await ctx.store.feedback.save(
        occ.event.id,
        occ.key,
        ctx.member.id,
        stars=stars,
        comment=comment,
        show_name=show_name,
        now=utcnow(),
    )
    await ctx.store.audit.record(
        "feedback.changed" if before else "feedback.given",
        ctx.actor,
        member_id=ctx.member.id,
        event_id=occ.event.id,
        occurrence=occ.key.isoformat(),
        stars=stars,
    )
    return before is not None
