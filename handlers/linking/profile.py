"""Linked accounts in ``/profil`` and the choice where notifications go.

The choice is only stored here; :meth:`storage.members.MemberRepository.delivery_targets`
is the one place that acts on it.
"""

from __future__ import annotations

from typing import Annotated

from bot.arguments import ButtonArgs, Short
from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.linking.service import account_label, platform_name
from handlers.members.profile_view import ProfileSection, profile_section, show_profile

LAST_USED = "last"


class Prefer(ButtonArgs, action="linking.prefer_set"):
    """Where notifications go: a platform, or ``last`` (the one used last)."""

    platform: Annotated[str, Short(16)]


async def _platforms(ctx: Context, member_id: int) -> list[str]:
    identities = await ctx.store.members.identities(member_id)
    return list(dict.fromkeys(i.platform for i in identities))


@profile_section("linking")
async def accounts(ctx: MemberContext) -> ProfileSection:
    """With several accounts: which they are and where notifications go."""
    identities = await ctx.store.members.identities(ctx.member.id)
    if len(identities) < 2:
        return ProfileSection()
    names = ", ".join(account_label(ctx.lang, i) for i in identities)
    lines = [ctx.t("linking.profile_accounts", accounts=names)]
    if len(await _platforms(ctx, ctx.member.id)) < 2:
        return ProfileSection(lines)
    preferred = await ctx.store.linking.preferred_platform(ctx.member.id)
    target = platform_name(ctx.lang, preferred) if preferred else ctx.t("linking.target_last")
    lines.append(ctx.t("linking.profile_target", target=target))
    return ProfileSection(lines, [ctx.button("linking.prefer_button", "linking.prefer")])


def register(router: Router) -> None:
    @router.action("linking.prefer")
    async def ask(ctx: MemberContext, arg: str) -> Outgoing:
        buttons = [[ctx.button("linking.prefer_last", Prefer(LAST_USED))]]
        buttons += [
            [Prefer(p).button(platform_name(ctx.lang, p))]
            for p in await _platforms(ctx, ctx.member.id)
        ]
        return ctx.reply("linking.prefer_ask", buttons=buttons)

    @router.action(Prefer)
    async def choose(ctx: MemberContext, pressed: Prefer) -> Outgoing:
        arg = pressed.platform
        if arg != LAST_USED and arg not in await _platforms(ctx, ctx.member.id):
            return ctx.reply("error.stale_button")
        chosen = None if arg == LAST_USED else arg
        await ctx.store.linking.set_preferred_platform(ctx.member.id, chosen)
        await ctx.store.audit.record(
            "member.preferred_platform", ctx.actor, member_id=ctx.member.id, platform=chosen
        )
        return await show_profile(ctx, ctx.t("profile.saved"))
