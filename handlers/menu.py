"""The main menu, help and cancel: how people find their way around.

The help lists exactly the commands the reader may use now, in this chat: the router
decides that (:meth:`bot.router.Router.usable_commands`), by the same rules it applies
when a command is sent. A long list is split into sections: the first screen holds the
everyday commands, the others are a button away.
"""

from __future__ import annotations

from bot.context import Context
from bot.models import Button, ChatKind, Outgoing
from bot.router import Access, Command, Router, Section
from handlers.cooperation.lists import MEMBER_SCOPE
from handlers.events import render as event_render
from handlers.groups import render as group_render

ONE_SCREEN = 14  # lines that fit a phone's screen together with the title
SECTIONS = (Section.MAIN, Section.SETTINGS, Section.PRIVACY, Section.TEAM, Section.PEOPLE)


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


def _section(ctx: Context, command: Command) -> Section:
    """Admins find their commands under the team's sections; a member who may use one
    (e.g. inviting, where the network allows it) finds it with the everyday ones."""
    if command.access == Access.ADMIN:
        if not ctx.is_admin:
            return Section.MAIN
        return Section.PEOPLE if command.section == Section.PEOPLE else Section.TEAM
    return command.section


def _line(ctx: Context, command: Command) -> str:
    label = command_label(ctx.lang, command.name, command.aliases, ctx.incoming.command_prefix)
    return f"{label} – {ctx.t(command.help_key or '')}"


async def help_text(ctx: Context, router: Router, shown: str | None = None) -> Outgoing:
    """The commands this person may use here: all at once when they fit one screen, else
    the everyday ones (or the section ``shown``) with buttons for the other sections."""
    sections: dict[Section, list[str]] = {}
    for command in await router.usable_commands(ctx):
        sections.setdefault(_section(ctx, command), []).append(_line(ctx, command))
    if ctx.incoming.chat_kind != ChatKind.GROUP:  # and what works only in a group, said so
        for command in await router.usable_commands(ctx, ChatKind.GROUP):
            if not command.in_private:
                line = _line(ctx, command) + ctx.t("help.in_a_group")
                sections.setdefault(_section(ctx, command), []).append(line)
    present = [s for s in SECTIONS if sections.get(s)]
    note = ctx.t("help.pending") + "\n\n" if _pending(ctx) else ""
    if shown is None and sum(len(lines) for lines in sections.values()) <= ONE_SCREEN:
        blocks = [
            ("" if s == Section.MAIN else ctx.t(f"help.section_{s.value}") + "\n")
            + "\n".join(sections[s])
            for s in present
        ]
        if ctx.incoming.chat_kind == ChatKind.GROUP:
            blocks.append(ctx.t("help.in_group"))
        return Outgoing(title=ctx.t("help.title"), text=note + "\n\n".join(blocks))
    current = Section(shown) if shown in {s.value for s in present} else present[0]
    others = [s for s in present if s != current]
    buttons = [
        [ctx.button(f"help.section_{s.value}" if s else "help.back", "help.show", s.value)]
        for s in others
    ]
    title = ctx.t("help.title" if current == Section.MAIN else f"help.section_{current.value}")
    return Outgoing(title=title, text=note + "\n".join(sections[current]), buttons=buttons)


def _pending(ctx: Context) -> bool:
    return ctx.member is not None and ctx.member.status == "pending"


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
        return await help_text(ctx, router)

    @router.action("help.show", access=Access.ANYONE, in_groups=True, gated=False)
    async def help_button(ctx: Context, arg: str) -> Outgoing:
        return await help_text(ctx, router, arg or None)

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
