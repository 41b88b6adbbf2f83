"""Showing and editing one's own profile, and the language setting.

Other capabilities add their own lines and buttons to ``/profil`` with
:func:`profile_section` (the directory listing, linked accounts), so this module needs to
know nothing about them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Router, Section
from handlers import validation
from handlers.members.registration import language_buttons, region_buttons, region_from_button
from handlers.members.render import profile_body
from handlers.validation import Invalid

FLOW = "profile"
TEXT_FIELDS = {"name": validation.MAX_NAME, "company": validation.MAX_COMPANY}
_ASK = {
    "name": "reg.ask_name",
    "company": "reg.ask_company",
    "competencies": "reg.ask_competencies",
}


@dataclass
class ProfileSection:
    """Lines under the profile and buttons below the edit buttons."""

    lines: list[str] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)


SectionBuilder = Callable[[Context], Awaitable[ProfileSection]]
_SECTIONS: dict[str, SectionBuilder] = {}


def profile_section(name: str) -> Callable[[SectionBuilder], SectionBuilder]:
    """Register a capability's part of ``/profil`` (shown in name order)."""

    def add(builder: SectionBuilder) -> SectionBuilder:
        _SECTIONS[name] = builder
        return builder

    return add


async def show_profile(ctx: Context, notice: str | None = None) -> Outgoing:
    member = await ctx.store.members.get(ctx.member.id)  # type: ignore[union-attr]
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


async def set_language(ctx: Context, lang: str) -> Outgoing:
    assert ctx.member is not None
    await ctx.store.members.update_field(ctx.member.id, "language", lang)
    ctx.lang = lang
    return ctx.reply("language.set")


def register(router: Router) -> None:
    @router.command(
        "profile", "profil", help_key="help.profile", order=30, section=Section.SETTINGS
    )
    async def profile(ctx: Context, args: str) -> Outgoing:
        return await show_profile(ctx)

    @router.action("profile.show")
    async def profile_button(ctx: Context, arg: str) -> Outgoing:
        return await show_profile(ctx)

    @router.action("profile.edit")
    async def edit(ctx: Context, field: str) -> Outgoing:
        if field == "region":
            return ctx.reply("reg.ask_region", buttons=region_buttons(ctx, "profile.region"))
        if field == "language":
            return ctx.reply("language.ask", buttons=language_buttons("language.set"))
        if field not in _ASK:
            return ctx.reply("input.stale_button")
        await ctx.set_conversation(FLOW, field, {})
        return ctx.reply(_ASK[field])

    @router.flow(FLOW)
    async def edit_answer(ctx: Context, text: str) -> Outgoing | list[Outgoing]:
        assert ctx.member is not None and ctx.conversation is not None
        field = ctx.conversation.step
        try:
            if field == "name":
                value: object = validation.person_name(text)
            elif field in TEXT_FIELDS:
                value = validation.single_line(text, TEXT_FIELDS[field])
            else:
                value = validation.competencies(text)
        except Invalid as problem:
            return [problem.reply(ctx), ctx.reply(_ASK[field])]
        await ctx.store.members.update_field(ctx.member.id, field, value)
        await ctx.end_conversation()
        return await show_profile(ctx, ctx.t("profile.saved"))

    @router.action("profile.region")
    async def region(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        value = region_from_button(ctx, arg)
        if value is None:
            return ctx.reply("input.stale_button")
        await ctx.store.members.update_field(ctx.member.id, "region", value)
        return await show_profile(ctx, ctx.t("profile.saved"))

    @router.command(
        "language", "sprache", help_key="help.language", order=31, section=Section.SETTINGS
    )
    async def language(ctx: Context, args: str) -> Outgoing:
        if not args:
            return ctx.reply("language.ask", buttons=language_buttons("language.set"))
        choice = args.strip().casefold()[:2]
        if choice not in ("de", "en"):
            return ctx.reply("language.unknown")
        return await set_language(ctx, choice)

    @router.action("language.set")
    async def language_button(ctx: Context, arg: str) -> Outgoing:
        if arg not in ("de", "en"):
            return ctx.reply("input.stale_button")
        return await set_language(ctx, arg)
