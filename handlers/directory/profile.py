"""The directory line and its switch in ``/profil``."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Router
from handlers.directory.service import DirectoryService
from handlers.members.profile import ProfileSection, profile_section, show_profile


@profile_section("directory")
async def listing(ctx: Context) -> ProfileSection:
    assert ctx.member is not None
    listed = await DirectoryService(ctx.store).is_listed(ctx.member.id)
    state = ctx.t("directory.yes" if listed else "directory.no")
    key = "directory.profile_unlist" if listed else "directory.profile_list"
    return ProfileSection(
        [ctx.t("directory.profile_line", state=state)],
        [ctx.button(key, "directory.toggle", "off" if listed else "on")],
    )


def register(router: Router) -> None:
    @router.action("directory.toggle")
    async def toggle(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        if arg not in ("on", "off"):
            return ctx.reply("error.stale_button")
        await DirectoryService(ctx.store).set_listed(ctx.member.id, arg == "on", ctx.actor)
        return await show_profile(ctx, ctx.t("profile.saved"))
