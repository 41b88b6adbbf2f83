"""``/mitteilungen an|aus`` (``/announcements on|off``): whether a member gets broadcasts.

On by default; the choice is stored with its time by
:meth:`storage.members.MemberRepository.set_announcements`, the one place that records it.
"""

from __future__ import annotations

from typing import Literal

from bot.arguments import ButtonArgs
from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router, Section

_ON = {"on", "an", "ein", "ja", "yes"}
_OFF = {"off", "aus", "nein", "no"}


class Announcements(ButtonArgs, action="bc.optout"):
    on: Literal["on", "off"]  # whether the member gets broadcasts


async def _status(ctx: MemberContext, notice: str | None = None, replace: bool = False) -> Outgoing:
    enabled = await ctx.store.members.announcements_enabled(ctx.member.id)
    text = ctx.t("broadcast.announcements_on" if enabled else "broadcast.announcements_off")
    if notice:
        text = f"{notice}\n\n{text}"
    key = "broadcast.btn_announcements_off" if enabled else "broadcast.btn_announcements_on"
    button = ctx.button(key, Announcements("off" if enabled else "on"))
    return Outgoing(text=text, buttons=[[button]], replace=replace)


async def _set(ctx: MemberContext, enabled: bool) -> str:
    await ctx.store.members.set_announcements(ctx.member.id, enabled)
    return ctx.t("broadcast.announcements_saved")


def register(router: Router) -> None:
    @router.command(
        "announcements",
        "mitteilungen",
        help_key="broadcast.help_announcements",
        order=42,
        section=Section.SETTINGS,
    )
    async def announcements(ctx: MemberContext, args: str) -> Outgoing:
        word = args.strip().casefold()
        if not word:
            return await _status(ctx)
        if word not in _ON | _OFF:
            return ctx.reply("broadcast.announcements_usage")
        return await _status(ctx, await _set(ctx, word in _ON))

    @router.action(Announcements)
    async def toggle(ctx: MemberContext, pressed: Announcements) -> Outgoing:
        return await _status(ctx, await _set(ctx, pressed.on == "on"), replace=True)
