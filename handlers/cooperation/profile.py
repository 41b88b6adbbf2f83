"""The "Kooperationsgesuche erhalten" line and its switch in ``/profil``. Without a choice
of their own, members listed in the directory get matching requests and others do not."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Router
from handlers.members.profile import ProfileSection, profile_section, show_profile


@profile_section("cooperation")
async def requests_setting(ctx: Context) -> ProfileSection:
    assert ctx.member is not None
    on = await ctx.store.cooperation.takes_requests(ctx.member.id)
    state = ctx.t("cooperation.yes" if on else "cooperation.no")
    key = "cooperation.profile_off" if on else "cooperation.profile_on"
    return ProfileSection(
        [ctx.t("cooperation.profile_line", state=state)],
        [ctx.button(key, "coop.setting", "off" if on else "on")],
    )


def register(router: Router) -> None:
    @router.action("coop.setting")
    async def toggle(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        if arg not in ("on", "off"):
            return ctx.reply("error.stale_button")
        await ctx.store.cooperation.set_takes_requests(ctx.member.id, arg == "on")
        await ctx.store.audit.record(
            "cooperation.setting", ctx.actor, member_id=ctx.member.id, on=arg == "on"
        )
        return await show_profile(ctx, ctx.t("profile.saved"))
