"""Linked accounts in ``/profil`` and the choice where notifications go.

The choice is only stored here; :meth:`storage.members.MemberRepository.delivery_targets`
is the one place that acts on it.
"""

from __future__ import annotations

from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Router
from handlers.linking.service import account_label, platform_name
from handlers.members.profile import ProfileSection, profile_section, show_profile

LAST_USED = "last"


async def _platforms(ctx: Context) -> list[str]:
    assert ctx.member is not None
    identities = await ctx.store.members.identities(ctx.member.id)
    return list(dict.fromkeys(i.platform for i in identities))


@profile_section("linking")
async def accounts(ctx: Context) -> ProfileSection:
    """With several accounts: which they are and where notifications go."""
    assert ctx.member is not None
    identities = await ctx.store.members.identities(ctx.member.id)
    if len(identities) < 2:
        return ProfileSection()
    names = ", ".join(account_label(ctx.lang, i) for i in identities)
    lines = [ctx.t("linking.profile_accounts", accounts=names)]
    if len(await _platforms(ctx)) < 2:
        return ProfileSection(lines)
    preferred = await ctx.store.linking.preferred_platform(ctx.member.id)
    target = platform_name(ctx.lang, preferred) if preferred else ctx.t("linking.target_last")
    lines.append(ctx.t("linking.profile_target", target=target))
    return ProfileSection(lines, [ctx.button("linking.prefer_button", "linking.prefer")])


def register(router: Router) -> None:
    @router.action("linking.prefer")
    async def ask(ctx: Context, arg: str) -> Outgoing:
        buttons = [[ctx.button("linking.prefer_last", "linking.prefer_set", LAST_USED)]]
        buttons += [
            [Button(label=platform_name(ctx.lang, p), action="linking.prefer_set", arg=p)]
            for p in await _platforms(ctx)
        ]
        return ctx.reply("linking.prefer_ask", buttons=buttons)

    @router.action("linking.prefer_set")
    async def choose(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        if arg != LAST_USED and arg not in await _platforms(ctx):
            return ctx.reply("error.stale_button")
        chosen = None if arg == LAST_USED else arg
        await ctx.store.linking.set_preferred_platform(ctx.member.id, chosen)
        await ctx.store.audit.record(
            "member.preferred_platform", ctx.actor, member_id=ctx.member.id, platform=chosen
        )
        return await show_profile(ctx, ctx.t("profile.saved"))
