"""``/link`` (``/verknuepfen``) shows a code or takes one, ``/unlink`` separates an account.

``/start CODE`` in a chat where the person has not signed up lands here too (through
:func:`redeem_reply`), so a Telegram deep link or a typed ``/start`` both work.
"""

from __future__ import annotations

from typing import Annotated

from bot.arguments import ButtonArgs, Short
from bot.contact import not_active_text
from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Access, Router, Section
from handlers.linking.service import (
    CODE_VALIDITY,
    LinkProblem,
    LinkService,
    Redeemer,
    account_label,
    platform_name,
)
from handlers.menu import main_menu


class Unlink(ButtonArgs, action="linking.unlink"):
    """One of the member's accounts, to split off."""

    platform: Annotated[str, Short(8)]
    user_id: Annotated[str, Short(40)]


def service(ctx: Context) -> LinkService:
    return LinkService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


def _inactive(ctx: Context) -> Outgoing | None:
    if ctx.member is None or ctx.member.status == "active":
        return None
    if ctx.member.status == "pending":
        return ctx.reply("error.pending_approval")
    return Outgoing(text=not_active_text(ctx.settings, ctx.lang))


async def redeem_reply(ctx: Context, text: str) -> Outgoing:
    """Take a code typed in this chat: join this account with the code's member."""
    refused = _inactive(ctx)
    if refused is not None:
        return refused
    who = Redeemer(
        platform=ctx.platform,
        user_id=ctx.user_id,
        chat_id=ctx.incoming.chat_id,
        display_name=ctx.incoming.sender.display_name,
        member=ctx.member,
    )
    links = service(ctx)
    try:
        linked = await links.redeem(text, who)
    except LinkProblem as problem:
        return Outgoing(text=ctx.t(problem.key, **problem.params))
    if who.member is None and ctx.conversation is not None:
        await ctx.end_conversation()  # a sign-up begun here is not needed any more
    ctx.member, ctx.lang = linked.member, linked.member.language
    names = [platform_name(ctx.lang, p) for p in await links.platforms(linked.member.id)]
    text = ctx.t(
        "linking.done",
        name=linked.member.name,
        platforms=", ".join(names),
        target=await links.target_text(linked.member.id, ctx.lang),
    )
    return await main_menu(ctx, text)


def register(router: Router) -> None:
    @router.command(
        "link",
        "verknuepfen",
        access=Access.NEW_OR_MEMBER,
        help_key="linking.help_link",
        order=35,
        section=Section.SETTINGS,
    )
    async def link(ctx: Context, args: str) -> Outgoing:
        if args.strip():
            return await redeem_reply(ctx, args)
        if ctx.member is None:
            return ctx.reply("linking.not_registered")
        code = await service(ctx).new_code(ctx.member.id, ctx.platform, ctx.incoming.chat_id)
        minutes = int(CODE_VALIDITY.total_seconds() // 60)
        return ctx.reply("linking.code", code=code, minutes=minutes)

    @router.command(
        "unlink", "trennen", help_key="linking.help_unlink", order=36, section=Section.SETTINGS
    )
    async def unlink(ctx: MemberContext, args: str) -> Outgoing:
        identities = await ctx.store.members.identities(ctx.member.id)
        if len(identities) < 2:
            return ctx.reply("linking.unlink_nothing")
        buttons = [
            [
                ctx.button(
                    "linking.unlink_button",
                    Unlink(identity.platform, identity.user_id),
                    account=account_label(ctx.lang, identity),
                )
            ]
            for identity in identities
        ]
        return ctx.reply("linking.unlink_choose", buttons=buttons)

    @router.action(Unlink)
    async def unlink_one(ctx: MemberContext, pressed: Unlink) -> Outgoing:
        identities = await ctx.store.members.identities(ctx.member.id)
        key = f"{pressed.platform}:{pressed.user_id}"
        identity = next((i for i in identities if i.key == key), None)
        if identity is None:
            return ctx.reply("error.stale_button")
        try:
            new_id = await service(ctx).unlink(ctx.member, identity, ctx.actor)
        except LinkProblem as problem:
            return Outgoing(text=ctx.t(problem.key, **problem.params))
        if identity.key == ctx.actor:  # the sender is the new member now
            ctx.member = await ctx.store.members.get(new_id) or ctx.member
        return ctx.reply("linking.unlinked", account=account_label(ctx.lang, identity))
