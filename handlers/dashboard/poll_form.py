"""The date-poll form of the dashboard: every field is read by the field of ``/terminfindung``
(:data:`handlers.polls.form.FORM`), in the chat's order, so the web refuses what the chat
refuses with the same message, and the poll goes out through the same finish
(:func:`handlers.polls.form.start_poll`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from aiohttp import web

from bot.context import MemberContext
from bot.forms import Draft, Field, Kind
from bot.models import Identity, Incoming, Platform
from handlers.dashboard.kit import ADMIN, SERVICES
from handlers.polls.form import FORM, NewDatePoll
from handlers.validation import Invalid

_PICKED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$")  # a datetime-local value


@dataclass
class PollValues:
    """The form's values as typed (shown again after a refusal); named as the chat's fields."""

    title: str = ""
    audience: str = "group"
    group: str = ""
    topic: str = ""
    members: str = ""
    options: str = ""
    deadline: str = ""
    visibility: str = "all"
    remind: str = ""

    @classmethod
    def from_post(cls, data: Any) -> PollValues:
        def text(name: str) -> str:
            value = data.get(name, "")
            return value[:2000] if isinstance(value, str) else ""

        return cls(**{f.name: text(f.name) for f in fields(cls)})


class Refused(Exception):
    """A field's value refused by its parser: the refusal and the field it is about."""

    def __init__(self, field: str, refusal: Invalid) -> None:
        super().__init__(field)
        self.field = field
        self.refusal = refusal


def chat_context(request: web.Request) -> MemberContext:
    """The signed-in admin as the chat form's parsers see them (language, zone, choices);
    nothing is sent through it. Polls need an organiser: an admin without a member row
    (a sign-in from the command line) is refused."""
    admin = request[ADMIN]
    services = request.app[SERVICES]
    if admin.member is None:
        raise Invalid("dashboard.polls.no_member", {})
    platform, _, user_id = admin.identity.partition(":")
    where = Platform(platform) if platform in {p.value for p in Platform} else Platform.CONSOLE
    sender = Identity(platform=where, user_id=user_id or admin.identity)
    return MemberContext(
        incoming=Incoming(platform=where, chat_id=sender.user_id, sender=sender),
        store=services.store,
        settings=services.settings,
        notifier=services.notifier,
        member=admin.member,
        lang=admin.language,
        is_admin=True,
    )


async def _read(ctx: MemberContext, item: Field, given: str, draft: Draft) -> Any:
    """One field as the chat reads it; a choice must be one still offered."""
    if not given.strip():
        if item.optional:
            return None
        raise Invalid("error.empty")
    if item.kind == Kind.CHOICE:
        if given not in {c.value for c in await item.options(ctx, draft)}:
            raise Invalid("form.choice_gone")
        return given
    picked = _PICKED.match(given.strip())
    if item.kind == Kind.DATETIME and picked:  # a browser's picker: as the chat writes it
        year, month, day, hour, minute = picked.groups()
        given = f"{day}.{month}.{year} {hour}:{minute}"
    return await item.read(ctx, given, draft)


async def read_poll(ctx: MemberContext, values: PollValues) -> NewDatePoll:
    """The whole form, field by field in the chat's order (a later field is checked
    against the earlier ones, as in the chat); raises :class:`Refused` at the first."""
    draft = Draft(NewDatePoll, {})
    for item in FORM.fields:
        if not item.applies(draft):
            continue
        try:
            value = await _read(ctx, item, getattr(values, item.name), draft)
        except Invalid as refusal:
            raise Refused(item.name, refusal) from refusal
        draft = draft.with_value(item.name, value)
    return NewDatePoll.model_validate(draft.raw)
