"""What the broadcast forms share once confirmed: the service and sender of the update, and
sending now or scheduling, with a changed count answered by the form again (the /rundschreiben
form and the form that writes to an event's people)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from bot.context import Context
from bot.forms import Form
from bot.models import Button
from bot.router import HandlerResult
from handlers.broadcast import render
from handlers.broadcast.service import BroadcastService, CountChanged, Sender
from storage.broadcasts import Audience


class Confirmed(Protocol):
    """The answers every broadcast form has."""

    text: str
    when: str
    send_at: datetime | None
    shown: int | None  # the count the preview showed

    def model_dump(self) -> dict[str, Any]: ...


def service(ctx: Context) -> BroadcastService:
    return BroadcastService(ctx.store, ctx.notifier, ctx.settings)


def sender(ctx: Context) -> Sender:
    member_id = ctx.member.id if ctx.member else None
    return Sender(ctx.actor, ctx.lang, member_id, (ctx.platform, ctx.incoming.chat_id))


async def send_or_schedule(
    ctx: Context,
    form: Form[Any],
    audience: Audience,
    data: Confirmed,
    status: list[list[Button]],
    urgent: bool = False,
) -> HandlerResult:
    """Schedule the message for ``send_at`` or queue it now for the count the preview
    showed; when the audience changed since, nothing is queued and the form asks again."""
    svc = service(ctx)
    if data.when == "later" and data.send_at is not None:
        made, found = await svc.schedule(audience, data.text, sender(ctx), data.send_at)
        when = ctx.format_datetime(made.send_at)
        return ctx.reply(
            "broadcast.scheduled", id=made.id, when=when, count=found.total, buttons=status
        )
    try:
        made, queued = await svc.send_now(
            audience, data.text, sender(ctx), expected=data.shown, urgent=urgent
        )
    except CountChanged as changed:  # nothing queued: the new number, to confirm again
        notice = ctx.reply(
            "broadcast.count_changed", count=render.number(ctx.lang, changed.preview.total)
        )
        return [notice, *await form.begin(ctx, data.model_dump(), edit=True)]
    count = render.number(ctx.lang, queued)
    return ctx.reply("broadcast.sending", id=made.id, count=count, buttons=status)
