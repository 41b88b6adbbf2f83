"""The main menu, help and cancel: how people find their way around."""

from __future__ import annotations

from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers.cooperation.lists import MEMBER_SCOPE
from handlers.events import render as event_render
from handlers.groups import render as group_render


async def menu_buttons(ctx: Context) -> list[list[Button]]:
    """What an active member does most: events, topics, working groups (when there are
    any), cooperation requests, the profile and help."""
    first = [
        ctx.button("menu.events", event_render.LIST_ACTION),
        ctx.button("menu.topics", "topics.list"),
    ]
    second = [ctx.button("menu.requests", "coop.list", f"{MEMBER_SCOPE}::0")]
    if await ctx.store.groups.list():
        second.insert(0, ctx.button("menu.groups", group_render.LIST))
    third = [ctx.button("menu.profile", "profile.show"), ctx.button("menu.help", "help.show")]
    return [first, second, third]


async def main_menu(ctx: Context, text: str | None = None) -> Outgoing:
    name = ctx.member.name if ctx.member else ""
    return Outgoing(text=text or ctx.t("menu.greeting", name=name), buttons=await menu_buttons(ctx))


def command_label(lang: str, name: str, aliases: tuple[str, ...], prefix: str = "/") -> str:
    """German readers see the German alias (by convention the first one), in the
    platform's form (``/themen`` on Telegram, ``/knotenpunkt themen`` on Slack)."""
    return prefix + (aliases[0] if lang == "de" and aliases else name)


def help_text(ctx: Context, router: Router) -> Outgoing:
    lines, admin_lines = [], []
    prefix = ctx.incoming.command_prefix
    for command in router.listed_commands():
        if command.help_key is None:
            continue
        line = (
            f"{command_label(ctx.lang, command.name, command.aliases, prefix)}"
            f" – {ctx.t(command.help_key)}"
        )
        if command.access == Access.ADMIN:
            admin_lines.append(line)
        else:
            lines.append(line)
    text = "\n".join(lines)
    if ctx.is_admin and admin_lines:
        text += f"\n\n{ctx.t('help.admin_title')}\n" + "\n".join(admin_lines)
    footer = (
        ctx.t("help.footer")
        if prefix == "/"
        else ctx.t(
            "slash.help_footer", cancel=command_label(ctx.lang, "cancel", ("abbrechen",), prefix)
        )
    )
    return Outgoing(title=ctx.t("help.title"), text=f"{text}\n\n{footer}")


def register(router: Router) -> None:
    @router.command(
        "help",
        "hilfe",
        access=Access.ANYONE,
        help_key="help.help",
        in_groups=True,
        order=90,
        gated=False,
    )
    async def help_command(ctx: Context, args: str) -> Outgoing:
        return help_text(ctx, router)

    @router.action("help.show", access=Access.ANYONE, gated=False)
    async def help_button(ctx: Context, arg: str) -> Outgoing:
        return help_text(ctx, router)

    @router.action("menu.show", access=Access.MEMBER)
    async def menu_button(ctx: Context, arg: str) -> Outgoing:
        return await main_menu(ctx)

    @router.command(
        "cancel", "abbrechen", access=Access.ANYONE, help_key="help.cancel", order=91, gated=False
    )
    async def cancel(ctx: Context, args: str) -> Outgoing:
        if ctx.conversation is None:
            return ctx.reply("cancel.nothing")
        await ctx.end_conversation()
        return ctx.reply("cancel.done")
