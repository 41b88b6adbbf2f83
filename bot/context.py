"""What a handler sees: the incoming message, who sent it, and the tools to answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.arguments import ButtonArgs
from bot.delivery.notify import Notifier
from bot.i18n import format_date, format_datetime, t
from bot.models import Button, Incoming, Outgoing
from bot.settings import Settings
from storage import Store
from storage.conversations import ConversationState
from storage.members import Member


@dataclass
class Context:
    incoming: Incoming
    store: Store
    settings: Settings
    notifier: Notifier
    member: Member | None
    lang: str
    is_admin: bool
    conversation: ConversationState | None = None
    route: str = "text"  # what the router chose, for metrics and logs: "/events", "button:…"
    public_base: str | None = None  # the bot's public HTTP address, when it serves one
    # the privacy notice version the member accepted last, read with the context (one trip
    # fewer for the consent gate); without privacy_loaded the gate asks the store
    accepted_privacy: str | None = None
    privacy_loaded: bool = False

    # language and time ---------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        return t(self.lang, key, **params)

    @property
    def zone(self) -> ZoneInfo:
        if self.member is not None and self.member.timezone:
            return ZoneInfo(self.member.timezone)
        return self.settings.zone

    def format_datetime(self, moment: datetime) -> str:
        return format_datetime(moment, self.lang, self.zone)

    def format_date(self, moment: datetime) -> str:
        return format_date(moment, self.lang, self.zone)

    # answers --------------------------------------------------------------------------

    def reply(
        self,
        key: str,
        *,
        buttons: list[list[Button]] | None = None,
        replace: bool = False,
        **params: object,
    ) -> Outgoing:
        """A message from one catalog key."""
        return Outgoing(text=self.t(key, **params), buttons=buttons or [], replace=replace)

    def button(self, key: str, action: str | ButtonArgs, arg: str = "", **params: object) -> Button:
        """A button labelled from one catalog key: for a typed action (``action`` a
        :class:`ButtonArgs`) its arguments are encoded and checked against the limit."""
        if isinstance(action, ButtonArgs):
            return action.button(self.t(key, **params))
        return Button(label=self.t(key, **params), action=action, arg=arg)

    # who ------------------------------------------------------------------------------

    @property
    def platform(self) -> str:
        return self.incoming.platform.value

    @property
    def user_id(self) -> str:
        return self.incoming.sender.user_id

    @property
    def actor(self) -> str:
        """Who did it, for the audit log."""
        return self.incoming.sender.key

    # conversation state ---------------------------------------------------------------

    async def set_conversation(self, flow: str, step: str, data: dict[str, Any]) -> None:
        self.conversation = ConversationState(flow=flow, step=step, data=data)
        await self.store.conversations.save(self.platform, self.user_id, self.conversation)

    async def end_conversation(self) -> None:
        self.conversation = None
        await self.store.conversations.clear(self.platform, self.user_id)


@dataclass
class MemberContext(Context):
    """The context of a route for members: the router runs such a route only for someone
    with a member row, so ``member`` is never None there. The core builds one whenever the
    sender is a member; handlers of member routes declare ``ctx: MemberContext``."""

    member: Member
