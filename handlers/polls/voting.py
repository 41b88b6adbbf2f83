"""A member's answer on their ballot: the same message is edited with it. A vote on a
poll that has ended, or from someone who was not asked, is refused and writes nothing."""

from __future__ import annotations

from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.polls import buttons
from handlers.polls.service import PollService


def register(router: Router) -> None:
    @router.action(buttons.Vote)
    async def vote(ctx: MemberContext, pressed: buttons.Vote) -> Outgoing:
        svc = PollService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)
        poll = await svc.vote(pressed.poll_id, ctx.member.id, pressed.option, pressed.answer)
        ballot = await svc.ballot_for(poll, ctx.member, ctx.lang, ctx.zone)
        return ballot.model_copy(update={"replace": True})

    @router.action(buttons.Ballot)
    async def ballot(ctx: MemberContext, pressed: buttons.Ballot) -> Outgoing:
        svc = PollService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)
        poll = await svc.open_poll(pressed.poll_id, ctx.member.id)
        return await svc.ballot_for(poll, ctx.member, ctx.lang, ctx.zone)
