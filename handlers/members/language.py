"""The language a member reads in (``/sprache``, and the language button of the profile)."""

from __future__ import annotations

from bot.context import Context, MemberContext
from bot.models import Button, Outgoing
from bot.router import Router, Section


def language_buttons(ctx: Context) -> list[list[Button]]:
    return [[ctx.button(f"lang.{lang}", "language.set", lang) for lang in ("de", "en")]]


async def set_language(ctx: MemberContext, lang: str) -> Outgoing:
    await ctx.store.members.update_field(ctx.member.id, "language", lang)
    ctx.lang = lang
    return ctx.reply("language.set")


def register(router: Router) -> None:
    @router.command(
        "language", "sprache", help_key="help.language", order=31, section=Section.SETTINGS
    )
    async def language(ctx: MemberContext, args: str) -> Outgoing:
        if not args:
            return ctx.reply("language.ask", buttons=language_buttons(ctx))
        choice = args.strip().casefold()[:2]
        if choice not in ("de", "en"):
            return ctx.reply("language.unknown")
        return await set_language(ctx, choice)

    @router.action("language.set")
    async def language_button(ctx: MemberContext, arg: str) -> Outgoing:
        if arg not in ("de", "en"):
            return ctx.reply("input.stale_button")
        return await set_language(ctx, arg)
