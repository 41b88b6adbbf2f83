"""Checking in from a chat: ``/checkin CODE`` (``/einchecken``), a bare code typed without
a command, and the Telegram deep link ``t.me/<bot>?start=ci_<CODE>`` (the ``/start``
payload, passed on by :mod:`handlers.members.start`)."""

from __future__ import annotations

from bot.contact import not_active_text
from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Answer, Invalid, Router
from handlers.checkin import tokens
from handlers.checkin.service import CheckedIn, CheckinService, Refused


def _answer(ctx: Context, done: CheckedIn) -> Outgoing:
    title = done.occurrence.event.title
    if done.already:
        return ctx.reply("checkin.already", title=title, time=ctx.format_datetime(done.at))
    key = "checkin.done_walk_in" if done.walk_in else "checkin.done"
    return ctx.reply(key, title=title, when=ctx.format_datetime(done.occurrence.start))


async def check_in(ctx: Context, text: str, how: str) -> Outgoing:
    """Check the sender in with a code; refusals are raised as :class:`Invalid`."""
    member = ctx.member
    if member is None:
        return ctx.reply("checkin.register_first", network=ctx.settings.network_name)
    if member.status == "pending":
        return ctx.reply("error.pending_approval")
    if member.status != "active":
        return Outgoing(text=not_active_text(ctx.settings, ctx.lang))
    service = CheckinService(ctx.store, ctx.settings, ctx.actor)
    try:
        done = await service.check_in_with_code(member.id, text, how)
    except Refused as refused:
        params: dict[str, object] = (
            {"moment": ctx.format_datetime(refused.moment)} if refused.moment else {}
        )
        raise Invalid(refused.key, params) from None
    return _answer(ctx, done)


def is_link_payload(args: str) -> bool:
    """``/start ci_<CODE>``: the check-in page's QR code, scanned with Telegram."""
    return args.strip().lower().startswith(tokens.LINK_PREFIX)


def register(router: Router) -> None:
    @router.command("checkin", "einchecken", help_key="checkin.help", order=45)
    async def checkin_command(ctx: MemberContext, args: str) -> Outgoing:
        if not args.strip():
            return ctx.reply("checkin.usage")
        if not tokens.looks_like_code(args):
            raise Invalid("checkin.unknown_code")
        return await check_in(ctx, args, "code")

    @router.free_text
    async def bare_code(ctx: MemberContext, text: str) -> Answer | None:
        """A code typed without a command is taken as a check-in when it looks like one;
        a code no date knows gets the usual answer to text outside a question."""
        if not tokens.looks_like_code(text):
            return None

        async def checked_in() -> Outgoing:
            try:
                return await check_in(ctx, text, "code")
            except Invalid as refused:
                if refused.key == "checkin.unknown_code":
                    return ctx.reply("error.free_text")
                raise

        return checked_in
