"""Showing and editing one's own profile, and the language setting.

Other capabilities add their own lines and buttons to ``/profil`` with
:func:`profile_section` (the directory listing, linked accounts), so this module needs to
know nothing about them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from pydantic import BaseModel

from bot.context import Context, MemberContext
from bot.forms import Form
from bot.models import Button, Outgoing
from bot.router import HandlerResult, Router, Section
from handlers.members.fields import COMPANY, COMPETENCIES, NAME, REGION, region_name, region_value
from handlers.members.render import profile_body


class ProfileEdit(BaseModel):
    name: str
    company: str
    region: str
    competencies: list[str] | None = None


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


async def _saved(ctx: MemberContext, edit: ProfileEdit) -> Outgoing:
    """Store what changed; the profile shown after it is the check."""
    changed = edit.model_dump() | {"region": region_name(ctx, edit.region)}
    changed["competencies"] = edit.competencies or []
    for name, value in changed.items():
        if value != getattr(ctx.member, name):
            await ctx.store.members.update_field(ctx.member.id, name, value)
    return await show_profile(ctx, ctx.t("profile.saved"))


FORM = Form(
    name="profile", action="f.prof", model=ProfileEdit, title="profile.title", finish=_saved,
    fields=[NAME, COMPANY, REGION, COMPETENCIES],
)  # fmt: skip


async def edit_profile(ctx: MemberContext, asked: str) -> list[Outgoing]:
    """One field, its current value shown and kept on skip (a native form shows all)."""
    if asked not in ProfileEdit.model_fields:
        return [ctx.reply("input.stale_button")]
    current = {name: getattr(ctx.member, name) for name in ProfileEdit.model_fields}
    current["region"] = region_value(ctx, ctx.member.region)
    return await FORM.begin(ctx, current, edit=True, only=asked)


def _language_buttons(ctx: Context) -> list[list[Button]]:
    return [[ctx.button(f"lang.{lang}", "language.set", lang) for lang in ("de", "en")]]


async def set_language(ctx: MemberContext, lang: str) -> Outgoing:
    await ctx.store.members.update_field(ctx.member.id, "language", lang)
    ctx.lang = lang
    return ctx.reply("language.set")


def register(router: Router) -> None:
    FORM.install(router)

    @router.command(
        "profile", "profil", help_key="help.profile", order=30, section=Section.SETTINGS
    )
    async def profile(ctx: MemberContext, args: str) -> Outgoing:
        return await show_profile(ctx)

    @router.action("profile.show")
    async def profile_button(ctx: MemberContext, arg: str) -> Outgoing:
        return await show_profile(ctx)

    @router.action("profile.edit")
    async def edit(ctx: MemberContext, asked: str) -> HandlerResult:
        if asked == "language":
            return ctx.reply("language.ask", buttons=_language_buttons(ctx))
        return await edit_profile(ctx, asked)

    @router.command(
        "language", "sprache", help_key="help.language", order=31, section=Section.SETTINGS
    )
    async def language(ctx: MemberContext, args: str) -> Outgoing:
        if not args:
            return ctx.reply("language.ask", buttons=_language_buttons(ctx))
        choice = args.strip().casefold()[:2]
        if choice not in ("de", "en"):
            return ctx.reply("language.unknown")
        return await set_language(ctx, choice)

    @router.action("language.set")
    async def language_button(ctx: MemberContext, arg: str) -> Outgoing:
        if arg not in ("de", "en"):
            return ctx.reply("input.stale_button")
        return await set_language(ctx, arg)
