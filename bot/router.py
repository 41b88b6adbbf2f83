"""Decides which handler gets an incoming message, and checks access in one place.

Commands have an English name and German aliases. Button presses go to actions by name.
Free text goes to the step of the sender's active conversation; outside one, a capability
may claim an active member's text (:meth:`Router.free_text`: a check-in code typed without
a command, a typed "4" answering a feedback request). Handlers register themselves through
:func:`handlers.register_all`.

A "say" button (:data:`SAY_ACTION`) carries a text and counts as if the person had typed
it: the suggestion after a mistyped command and the candidates of an ambiguous name are
such buttons, and what they run is checked like any typed command.

Gates are checks a capability adds for every command, button and conversation step of a
registered person (the privacy notice they must accept first); routes registered with
``gated=False`` pass them (help, cancel, seeing and deleting one's data).

Who may use a route is declared with it (:class:`Access`, ``also``, ``in_groups``, ``gated``)
and checked only here: :meth:`Router.denial` answers both "may this person run it now?"
and, through :meth:`Router.usable_commands`, "what does the help list?", so the help cannot
promise a command that is then refused.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, TypeVar, overload

from bot.arguments import ButtonArgs
from bot.contact import not_active_text
from bot.context import Context, MemberContext
from bot.models import CALLBACK_LIMIT, Button, ChatKind, Outgoing

HandlerResult = Outgoing | list[Outgoing] | None
Handler = Callable[[Context, str], Awaitable[HandlerResult]]
MemberHandler = Callable[[MemberContext, str], Awaitable[HandlerResult]]
"""A handler of a route for members (``Access.MEMBER``): its context has a member."""
Answer = Callable[[], Awaitable[HandlerResult]]
FreeText = Callable[[MemberContext, str], Awaitable[Answer | None]]
"""Reads a member's typed text outside a conversation: None, or the answer to run."""
A = TypeVar("A", bound=ButtonArgs)
ArgsHandler = Callable[[Context, A], Awaitable[HandlerResult]]
MemberArgsHandler = Callable[[MemberContext, A], Awaitable[HandlerResult]]
"""Handlers of typed button actions (:class:`bot.arguments.ButtonArgs`): they receive the
decoded argument, for members with a :class:`MemberContext`."""
Gate = Callable[[Context], Awaitable[HandlerResult]]
"""Returns what to answer instead of running the route, or None to let it run."""

SAY_ACTION = "say"
"""A button that stands for typing its argument (a command or an answer)."""
SIMILAR_ENOUGH = 0.6  # difflib's ratio from which a known command is suggested
_COMMAND = re.compile(r"^/([A-Za-z0-9_äöüÄÖÜß]+)(?:@\S+)?(?:\s+(.*))?$", re.DOTALL)


class Access(StrEnum):
    ANYONE = "anyone"  # also people who have not registered, or wait for approval
    NEW_OR_MEMBER = "new_or_member"  # not registered yet, or an active member
    MEMBER = "member"  # an active member
    ADMIN = "admin"  # network staff (and whoever the route's ``also`` admits)
    # (for MEMBER and NEW_OR_MEMBER, ``also`` admits members who are not active, e.g. a
    # waiting member who brings an invitation)


Permit = Callable[[Context], bool]


class Section(StrEnum):
    """Where the help lists a command; the first screen shows MAIN, the rest are a button
    away (admins see their ADMIN commands under TEAM, or PEOPLE where declared so)."""

    MAIN = ""
    SETTINGS = "settings"
    PRIVACY = "privacy"
    TEAM = "team"  # topics, events, groups and the chats bound to them
    PEOPLE = "people"  # members, invitations, figures, broadcasts


class Refusal(Exception):
    """Input a handler cannot use. Raised out of a handler, the core answers it with
    :meth:`reply` and keeps nothing the handler wrote; handlers that re-ask a question
    catch it themselves. (:class:`Invalid` is the one in use.)"""

    def reply(self, ctx: Context) -> Outgoing:
        raise NotImplementedError


@dataclass
class Invalid(Refusal):
    """Input was refused; ``key`` and ``params`` make the message. Not caught by the
    handler, it is answered by the core (and nothing written stays); a form asks its
    question again with it. It lives in the kernel so that kernel parsers
    (:mod:`bot.parsing`, :mod:`bot.forms`) refuse the way handlers do."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def reply(self, ctx: Context) -> Outgoing:
        return Outgoing(text=ctx.t(self.key, **self.params))


@dataclass
class Route:
    handler: Callable[[Any, str], Awaitable[HandlerResult]]  # MemberHandler for MEMBER
    access: Access
    in_groups: bool = False
    gated: bool = True
    in_private: bool = True  # False: only in a group (binding the group to a topic)
    also: Permit | None = None  # for ADMIN routes: who else may use it (e.g. by a setting)


@dataclass
class Command(Route):
    name: str = ""
    aliases: tuple[str, ...] = ()
    help_key: str | None = None
    visible: bool = True
    order: int = 50  # position in help and menus; lower comes first
    section: Section = Section.MAIN  # the part of the help that lists it

    def label(self, lang: str) -> str:
        """The name a reader of ``lang`` sees: German readers the German alias (by
        convention the first one)."""
        return self.aliases[0] if lang == "de" and self.aliases else self.name


@dataclass
class Router:
    commands: dict[str, Command] = field(default_factory=dict)
    actions: dict[str, Route] = field(default_factory=dict)
    flows: dict[str, Handler] = field(default_factory=dict)
    gates: list[Gate] = field(default_factory=list)
    ungated_flows: set[str] = field(default_factory=set)
    free_texts: list[FreeText] = field(default_factory=list)
    _ordered: list[Command] = field(default_factory=list)

    @overload
    def command(  # type: ignore[overload-overlap]  # MEMBER first: the narrower handler
        self,
        name: str,
        *aliases: str,
        access: Literal[Access.MEMBER] = ...,
        help_key: str | None = ...,
        in_groups: bool = ...,
        visible: bool = ...,
        order: int = ...,
        gated: bool = ...,
        also: Permit | None = ...,
        section: Section = ...,
        in_private: bool = ...,
    ) -> Callable[[MemberHandler], MemberHandler]: ...

    @overload
    def command(
        self,
        name: str,
        *aliases: str,
        access: Access,
        help_key: str | None = ...,
        in_groups: bool = ...,
        visible: bool = ...,
        order: int = ...,
        gated: bool = ...,
        also: Permit | None = ...,
        section: Section = ...,
        in_private: bool = ...,
    ) -> Callable[[Handler], Handler]: ...

    def command(
        self,
        name: str,
        *aliases: str,
        access: Access = Access.MEMBER,
        help_key: str | None = None,
        in_groups: bool = False,
        visible: bool = True,
        order: int = 50,
        gated: bool = True,
        also: Permit | None = None,
        section: Section = Section.MAIN,
        in_private: bool = True,
    ) -> Callable[[Any], Any]:
        """Register a command; a handler for members (the default access) is typed with a
        :class:`MemberContext`."""

        def register(handler: Any) -> Any:
            cmd = Command(
                order=order,
                handler=handler,
                access=access,
                in_groups=in_groups,
                in_private=in_private,
                gated=gated,
                also=also,
                name=name,
                aliases=aliases,
                help_key=help_key,
                visible=visible,
                section=section,
            )
            for key in (name, *aliases):
                if key.lower() in self.commands:
                    raise ValueError(f"command /{key} registered twice")
                self.commands[key.lower()] = cmd
            self._ordered.append(cmd)
            return handler

        return register

    @overload
    def action(  # type: ignore[overload-overlap]  # MEMBER first: the narrower handler
        self,
        name: str,
        access: Literal[Access.MEMBER] = ...,
        in_groups: bool = ...,
        gated: bool = ...,
        also: Permit | None = ...,
    ) -> Callable[[MemberHandler], MemberHandler]: ...

    @overload
    def action(
        self,
        name: str,
        access: Access,
        in_groups: bool = ...,
        gated: bool = ...,
        also: Permit | None = ...,
    ) -> Callable[[Handler], Handler]: ...

    @overload
    def action(  # type: ignore[overload-overlap]
        self,
        name: type[A],
        access: Literal[Access.MEMBER] = ...,
        in_groups: bool = ...,
        gated: bool = ...,
        also: Permit | None = ...,
    ) -> Callable[[MemberArgsHandler[A]], MemberArgsHandler[A]]: ...

    @overload
    def action(
        self,
        name: type[A],
        access: Access,
        in_groups: bool = ...,
        gated: bool = ...,
        also: Permit | None = ...,
    ) -> Callable[[ArgsHandler[A]], ArgsHandler[A]]: ...

    def action(
        self,
        name: str | type[ButtonArgs],
        access: Access = Access.MEMBER,
        in_groups: bool = False,
        gated: bool = True,
        also: Permit | None = None,
    ) -> Callable[[Any], Any]:
        """Register a button action: by its name (the handler gets the raw argument) or by
        its :class:`ButtonArgs` class (the handler gets the decoded argument; one that does
        not decode is answered as a stale button). A handler for members (the default
        access) is typed with a :class:`MemberContext`."""
        spec = None if isinstance(name, str) else name
        action = name if isinstance(name, str) else name.action

        def register(handler: Any) -> Any:
            if action in self.actions:
                raise ValueError(f"action {action} registered twice")
            run = handler
            if spec is not None:

                async def run(ctx: Context, arg: str) -> HandlerResult:
                    return await handler(ctx, spec.decode(arg))

            self.actions[action] = Route(
                handler=run, access=access, in_groups=in_groups, gated=gated, also=also
            )
            return handler

        return register

    def flow(self, name: str, gated: bool = True) -> Callable[[Handler], Handler]:
        """Register the handler for free text while a conversation of this flow is active."""

        def register(handler: Handler) -> Handler:
            if name in self.flows:
                raise ValueError(f"flow {name} registered twice")
            self.flows[name] = handler
            if not gated:
                self.ungated_flows.add(name)
            return handler

        return register

    def free_text(self, handler: FreeText) -> FreeText:
        """Register a reader of a member's typed text outside any conversation (a typed
        "4" answering the feedback request just sent); it returns None when the text is not
        its business, else the answer to run once the gates (consent) let the member in."""
        self.free_texts.append(handler)
        return handler

    def gate(self, check: Gate) -> Gate:
        """Add a check that runs before every gated command, button and flow step."""
        self.gates.append(check)
        return check

    def listed_commands(self) -> list[Command]:
        """Commands in their intended order, for help texts and platform menus."""
        return sorted((c for c in self._ordered if c.visible), key=lambda c: c.order)

    async def usable_commands(self, ctx: Context, kind: ChatKind | None = None) -> list[Command]:
        """The listed commands this person may use now, in this chat (or in a chat of
        ``kind``): what help shows. The same rules as running them (:meth:`denial`, then
        the gates for gated ones)."""
        allowed = [
            c for c in self.listed_commands() if c.help_key and self.denial(ctx, c, kind) is None
        ]
        if any(c.gated for c in allowed) and await self._gates(ctx) is not None:
            allowed = [c for c in allowed if not c.gated]
        return allowed

    @staticmethod
    def denial(ctx: Context, route: Route, kind: ChatKind | None = None) -> Outgoing | None:
        """Why this person may not use ``route`` here (or in a chat of ``kind``), or None:
        the chat and the access rules (the gates come on top for gated routes)."""
        return _chat_denied(ctx, route, kind) or _access_denied(ctx, route)

    @staticmethod
    def parse_command(text: str) -> tuple[str, str] | None:
        match = _COMMAND.match(text.strip())
        if not match:
            return None
        return match.group(1).lower(), (match.group(2) or "").strip()

    def parse_bare_command(self, text: str) -> tuple[str, str] | None:
        """Slack DMs: ``themen`` means ``/themen`` when the first word is a command."""
        word, _, rest = text.strip().partition(" ")
        if word.lower() in self.commands:
            return word.lower(), rest.strip()
        return None

    def closest(self, ctx: Context, typed: str) -> Command | None:
        """The known command most like ``typed`` (``termin`` -> ``termine``) among those the
        sender may use, or None when none is close enough."""
        usable = {
            key: command
            for key, command in self.commands.items()
            if command.visible and self.denial(ctx, command) is None
        }
        close = difflib.get_close_matches(typed.lower(), list(usable), n=1, cutoff=SIMILAR_ENOUGH)
        return usable[close[0]] if close else None

    def _unknown_command(self, ctx: Context, typed: str, args: str) -> Outgoing:
        """The answer to ``/termin``: "… Meinten Sie /termine?", with a button that runs
        the suggestion with the same arguments."""
        suggestion = self.closest(ctx, typed)
        if suggestion is None:
            return ctx.reply("error.unknown_command", command=typed)
        label = suggestion.label(ctx.lang)
        prefix = ctx.incoming.command_prefix
        said = f"/{label} {args}".strip()
        buttons = []
        if len(f"{SAY_ACTION}|{said}".encode()) <= CALLBACK_LIMIT:
            shown = f"▶ {prefix}{label}"
            buttons = [[Button(label=shown, action=SAY_ACTION, arg=said)]]
        return ctx.reply(
            "error.unknown_command_suggest",
            command=typed,
            suggestion=f"{prefix}{label}",
            buttons=buttons,
        )

    async def dispatch(self, ctx: Context) -> list[Outgoing]:
        incoming = ctx.incoming
        if incoming.action == SAY_ACTION:  # as if typed: checked like typed text below
            said = incoming.action_arg.strip()
            if not said:
                return [ctx.reply("input.stale_button")]
            update = {"text": said, "action": None, "action_arg": "", "bare_commands": False}
            incoming = ctx.incoming = incoming.model_copy(update=update)
        if incoming.action is not None:
            route = self.actions.get(incoming.action)
            if route is None:
                ctx.route = "button:unknown"
                return [ctx.reply("input.stale_button")]
            ctx.route = f"button:{incoming.action}"
            return await self._run(ctx, route, incoming.action_arg)

        text = (incoming.text or "").strip()
        parsed = self.parse_command(text) if text.startswith("/") else None
        if parsed is None and incoming.bare_commands and ctx.conversation is None:
            parsed = self.parse_bare_command(text)
        if parsed is not None:
            name, args = parsed
            command = self.commands.get(name)
            if command is None:
                ctx.route = "unknown_command"
                if incoming.chat_kind == ChatKind.GROUP and not incoming.direct:
                    return []  # other bots' commands in a shared group are not ours
                return [self._unknown_command(ctx, name, args)]
            ctx.route = f"/{command.name}"
            return await self._run(ctx, command, args)

        if incoming.chat_kind == ChatKind.GROUP:
            return []  # group chatter is not addressed to the bot
        if ctx.conversation is not None:
            flow = self.flows.get(ctx.conversation.flow)
            if flow is not None:
                ctx.route = f"flow:{ctx.conversation.flow}"
                if ctx.conversation.flow not in self.ungated_flows:
                    stopped = await self._gates(ctx)
                    if stopped is not None:
                        return stopped
                return as_list(await flow(ctx, text))
            await ctx.end_conversation()
        if not text:
            return []
        if ctx.member is None:
            return [ctx.reply("error.not_registered")]
        if ctx.member.status == "active" and isinstance(ctx, MemberContext):
            for reader in self.free_texts:
                answer = await reader(ctx, text)
                if answer is not None:
                    ctx.route = "free_text"
                    stopped = await self._gates(ctx)
                    return stopped if stopped is not None else as_list(await answer())
        return [ctx.reply("error.free_text")]

    async def _run(self, ctx: Context, route: Route, args: str) -> list[Outgoing]:
        wrong_chat = _chat_denied(ctx, route)
        if wrong_chat is not None:
            return [wrong_chat]
        if route.gated:
            stopped = await self._gates(ctx)
            if stopped is not None:
                return stopped
        denied = _access_denied(ctx, route)
        if denied is not None:
            return [denied]
        if route.access == Access.MEMBER and not isinstance(ctx, MemberContext):
            raise TypeError("a member route needs the MemberContext the core builds")
        return as_list(await route.handler(ctx, args))

    async def _gates(self, ctx: Context) -> list[Outgoing] | None:
        for check in self.gates:
            answer = await check(ctx)
            if answer is not None:
                return as_list(answer)
        return None


def _chat_denied(ctx: Context, route: Route, kind: ChatKind | None = None) -> Outgoing | None:
    if (kind or ctx.incoming.chat_kind) == ChatKind.GROUP:
        return None if route.in_groups else ctx.reply("error.private_only")
    return None if route.in_private else ctx.reply("error.group_only")


def _access_denied(ctx: Context, route: Route) -> Outgoing | None:
    access = route.access
    if access == Access.ADMIN:
        if ctx.is_admin or (route.also is not None and route.also(ctx)):
            return None
        return ctx.reply("error.admin_only")
    if access == Access.MEMBER and ctx.member is None:
        return ctx.reply("error.not_registered")
    if access in (Access.MEMBER, Access.NEW_OR_MEMBER) and ctx.member is not None:
        if ctx.member.status != "active" and route.also is not None and route.also(ctx):
            return None  # e.g. /start with an invitation lets a waiting member in
        if ctx.member.status == "pending":
            return ctx.reply("error.pending_approval")
        if ctx.member.status != "active":
            return Outgoing(text=not_active_text(ctx.settings, ctx.lang))
    return None


def as_list(result: HandlerResult) -> list[Outgoing]:
    if result is None:
        return []
    if isinstance(result, Outgoing):
        return [result]
    return list(result)
