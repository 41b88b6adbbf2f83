"""The directory line and its switch in ``/profil``."""

from __future__ import annotations

from typing import Literal

from bot.arguments import ButtonArgs
from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.directory.service import DirectoryService
from handlers.members.profile_view import ProfileSection, profile_section, show_profile


class Listed(ButtonArgs, action="directory.toggle"):
    on: Literal["on", "off"]  # whether the member is listed in the directory


@profile_section("directory")
async def listing(ctx: MemberContext) -> ProfileSection:
    listed = await DirectoryService(ctx.store).is_listed(ctx.member.id)
    state = ctx.t("directory.yes" if listed else "directory.no")
    key = "directory.profile_unlist" if listed else "directory.profile_list"
    return ProfileSection(
        [ctx.t("directory.profile_line", state=state)],
        [ctx.button(key, Listed("off" if listed else "on"))],
    )


def register(router: Router) -> None:
    @router.action(Listed)
    async def toggle(ctx: MemberContext, pressed: Listed) -> Outgoing:
        await DirectoryService(ctx.store).set_listed(ctx.member.id, pressed.on == "on", ctx.actor)
        return await show_profile(ctx, ctx.t("profile.saved"))
