"""Showing one's own profile (``/profil``).

Other capabilities add their own lines and buttons with :func:`profile_section` (the
directory listing, linked accounts, cooperation requests), so this module needs to know
nothing about them. Editing is :mod:`handlers.members.profile`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.context import MemberContext
from bot.models import Button, Outgoing
from bot.router import Router, Section
from handlers.members.render import profile_body


@dataclass
class ProfileSection:
    """Lines under the profile and buttons below the edit buttons."""

    lines: list[str] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)


SectionBuilder = Callable[[MemberContext], Awaitable[ProfileSection]]
_SECTIONS: dict[str, SectionBuilder] = {}


def profile_section(name: str) -> Callable[[SectionBuilder], SectionBuilder]:
    """Register a capability's part of ``/profil`` (shown in name order)."""

    def add(builder: SectionBuilder) -> SectionBuilder:
        _SECTIONS[name] = builder
        return builder

    return add


async def show_profile(ctx: MemberContext, notice: str | None = None) -> Outgoing:
    member = await ctx.store.members.get(ctx.member.id)
    assert member is not None
    ctx.member = member
    body = profile_body(ctx.lang, ctx.zone, member)
    fields = ("name", "company", "region", "competencies", "language")
    buttons = [ctx.button(f"profile.edit_{f}", "profile.edit", f) for f in fields]
    for name in sorted(_SECTIONS):
        section = await _SECTIONS[name](ctx)
        if section.lines:
            body += "\n" + "\n".join(section.lines)
        buttons += section.buttons
    return Outgoing(
        title=ctx.t("profile.title"),
        text=f"{notice}\n\n{body}" if notice else body,
        buttons=[buttons[i : i + 2] for i in range(0, len(buttons), 2)],
    )


def register(router: Router) -> None:
    @router.command(
        "profile", "profil", help_key="help.profile", order=30, section=Section.SETTINGS
    )
    async def profile(ctx: MemberContext, args: str) -> Outgoing:
        return await show_profile(ctx)

    @router.action("profile.show")
    async def profile_button(ctx: MemberContext, arg: str) -> Outgoing:
        return await show_profile(ctx)
