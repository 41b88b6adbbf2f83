"""Turning feedback requests off and on: "Keine Feedback-Anfragen mehr" under a request,
and the line with its switch in ``/profil`` beside the other notification settings."""

from __future__ import annotations

from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.feedback import buttons
from handlers.members.profile_view import ProfileSection, profile_section, show_profile


@profile_section("feedback")
async def requests_setting(ctx: MemberContext) -> ProfileSection:
    on = await ctx.store.feedback.asks_enabled(ctx.member.id)
    state = ctx.t("feedback.state_on" if on else "feedback.state_off")
    key = "feedback.profile_off" if on else "feedback.profile_on"
    return ProfileSection(
        [ctx.t("feedback.profile_line", state=state)],
        [ctx.button(key, buttons.Setting("off" if on else "on"))],
    )


async def _set(ctx: MemberContext, on: bool) -> None:
    await ctx.store.feedback.set_asks(ctx.member.id, on)
    await ctx.store.audit.record("feedback.setting", ctx.actor, member_id=ctx.member.id, on=on)


def register(router: Router) -> None:
    @router.action(buttons.Off)
    async def off(ctx: MemberContext, pressed: buttons.Off) -> Outgoing:
        await _set(ctx, False)
        return ctx.reply("feedback.off_done")

    @router.action(buttons.Setting)
    async def toggle(ctx: MemberContext, pressed: buttons.Setting) -> Outgoing:
        await _set(ctx, pressed.on == "on")
        return await show_profile(ctx, ctx.t("profile.saved"))
