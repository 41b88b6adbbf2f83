"""The "Kooperationsgesuche erhalten" line and its switch in ``/profil``. Without a choice
of their own, members listed in the directory get matching requests and others do not."""

from __future__ import annotations

from typing import Literal

from bot.arguments import ButtonArgs
from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.members.profile_view import ProfileSection, profile_section, show_profile


class Setting(ButtonArgs, action="coop.setting"):
    on: Literal["on", "off"]  # whether matching requests reach the member


@profile_section("cooperation")
async def requests_setting(ctx: MemberContext) -> ProfileSection:
    on = await ctx.store.cooperation.takes_requests(ctx.member.id)
    state = ctx.t("cooperation.yes" if on else "cooperation.no")
    key = "cooperation.profile_off" if on else "cooperation.profile_on"
    return ProfileSection(
        [ctx.t("cooperation.profile_line", state=state)],
        [ctx.button(key, Setting("off" if on else "on"))],
    )


def register(router: Router) -> None:
    @router.action(Setting)
    async def toggle(ctx: MemberContext, pressed: Setting) -> Outgoing:
        await ctx.store.cooperation.set_takes_requests(ctx.member.id, pressed.on == "on")
        await ctx.store.audit.record(
            "cooperation.setting", ctx.actor, member_id=ctx.member.id, on=pressed.on == "on"
        )
        return await show_profile(ctx, ctx.t("profile.saved"))
