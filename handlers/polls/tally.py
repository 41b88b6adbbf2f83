"""The organiser's tally: refreshed on request (the pressed message becomes the one the
job edits from then on) and ended early by the organiser."""

from __future__ import annotations

from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.polls import buttons
from handlers.polls.service import PollService
from storage.db import utcnow


def _service(ctx: MemberContext) -> PollService:
    return PollService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


def register(router: Router) -> None:
    @router.action(buttons.Refresh)
    async def refresh(ctx: MemberContext, pressed: buttons.Refresh) -> Outgoing:
        svc = _service(ctx)
        poll = await svc.check_organiser(pressed.poll_id, ctx.member, ctx.is_admin)
        if ctx.incoming.reply_target:
            await ctx.store.polls.set_tally_target(
                poll.id, ctx.platform, ctx.incoming.chat_id, ctx.incoming.reply_target
            )
        tally = await svc.tally_for(poll, ctx.lang, ctx.zone)
        return tally.model_copy(update={"replace": True})

    @router.action(buttons.End)
    async def end(ctx: MemberContext, pressed: buttons.End) -> Outgoing:
        """Ended by the organiser: the tally with the dates to pick from, here."""
        svc = _service(ctx)
        poll = await svc.check_organiser(pressed.poll_id, ctx.member, ctx.is_admin)
        if poll.is_open:
            await ctx.store.polls.end(poll.id, utcnow())
            await ctx.store.polls.claim_tally(poll.id, utcnow())
            await ctx.store.audit.record("poll.ended", ctx.actor, poll_id=poll.id)
        ended = await ctx.store.polls.get(poll.id)
        assert ended is not None
        tally = await svc.tally_for(ended, ctx.lang, ctx.zone)
        return tally.model_copy(update={"replace": True})
