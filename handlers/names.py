"""Finding a topic, a working group or a member by what people type, the same way in every
command.

People type "KI" for "KI in der Industrie", "Schweissen" for "Facharbeitskreis
Schweißen" and "H2" for "Facharbeitskreis Wasserstoff (H₂)". The exact name wins, else the
kernel's name matcher (:mod:`bot.parsing.names`) decides: one candidate is the answer,
several are offered as buttons (:class:`AmbiguousName`), none is the caller's "unknown"
(or, with :func:`require_topic` and :func:`require_group`, an answer that lists the
names there are).

A button for one of several candidates sends the person's own text again with the name
replaced by ``#ID``, which names exactly that candidate (the router's "say" button).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from bot.arguments import member_number, record_id
from bot.context import Context
from bot.models import CALLBACK_LIMIT, Button, Outgoing
from bot.parsing.names import fold, rank, words_match
from bot.router import SAY_ACTION
from handlers.validation import Invalid
from storage import Store
from storage.groups import Group
from storage.members import Member
from storage.topics import Topic

MAX_OFFERED = 8  # buttons for an ambiguous name; more and the person should type more
MAX_LISTED = 30  # names listed when nothing matched
_REFERENCE = re.compile(r"#([0-9]{1,19})")


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def matches(query: str, candidates: Sequence[N]) -> list[N]:
    """The candidates the kernel's name matcher finds for ``query`` (see
    :mod:`bot.parsing.names`)."""
    return [candidates[i] for i in rank(query, [c.name for c in candidates])]


def reference(text: str) -> int | None:
    """The id in ``#ID`` (what a candidate's button sends), else None."""
    match = _REFERENCE.fullmatch(text.strip())
    return record_id(match.group(1)) if match else None


@dataclass
class AmbiguousName(Invalid):
    """``query`` fits several names; answered with one button per candidate."""

    query: str = ""
    candidates: list[tuple[int, str]] = field(default_factory=list)

    def reply(self, ctx: Context) -> Outgoing:
        message = super().reply(ctx)
        buttons = [
            [Button(label=name, action=SAY_ACTION, arg=said)]
            for candidate_id, name in self.candidates
            if (said := _said_again(ctx, self.query, candidate_id)) is not None
        ]
        return message.model_copy(update={"buttons": buttons})


def _said_again(ctx: Context, query: str, candidate_id: int) -> str | None:
    """The person's text with ``query`` replaced by ``#ID``, if it fits into a button."""
    text = (ctx.incoming.text or "").strip()
    query = query.strip()
    found = list(re.finditer(rf"(?<!\w){re.escape(query)}(?!\w)", text)) if query else []
    if not found:
        return None
    where = found[-1]  # names come after the command and its words ("/themen abonnieren KI")
    said = f"{text[: where.start()]}#{candidate_id}{text[where.end() :]}"
    if ctx.route.startswith("/") and not said.startswith("/"):
        said = "/" + said  # a Slack DM's bare command: sent back as a command
    fits = len(f"{SAY_ACTION}|{said}".encode()) <= CALLBACK_LIMIT
    return said if fits else None


def pick(query: str, candidates: Sequence[N], kind: str) -> N | None:
    """The one candidate ``query`` names, None for none; several raise
    :class:`AmbiguousName` (``kind`` is "topic", "group" or "member", for the question)."""
    wanted = reference(query)
    if wanted is not None:
        return next((c for c in candidates if c.id == wanted), None)
    found = matches(query, candidates)
    if len(found) <= 1:
        return found[0] if found else None
    shown = sorted(found, key=lambda c: c.name.casefold())[:MAX_OFFERED]
    raise AmbiguousName(
        f"names.ambiguous_{kind}",
        {"name": query.strip()[:60], "names": ", ".join(c.name for c in shown)},
        query=query,
        candidates=[(c.id, c.name) for c in shown],
    )


async def find_topic(store: Store, text: str) -> Topic | None:
    """A topic by what was typed: the exact name (archived ones too, so that callers can
    say "archived"), else by the rules above among the active topics."""
    name = text.strip()
    wanted = reference(name)
    if wanted is not None:
        return await store.topics.get(wanted)
    exact = await store.topics.find(name)
    if exact is not None:
        return exact
    return pick(name, await store.topics.list(), "topic")


async def find_group(store: Store, text: str) -> Group | None:
    """A working group by what was typed, like :func:`find_topic`."""
    name = text.strip()
    wanted = reference(name)
    if wanted is not None:
        return await store.groups.get(wanted)
    exact = await store.groups.find(name)
    if exact is not None:
        return exact
    return pick(name, await store.groups.list(), "group")


def unknown(query: str, candidates: Sequence[Named], kind: str) -> Invalid:
    """The answer to a name that names nothing: say so, with the names there are
    (``kind`` is "topic" or "group")."""
    names = sorted((c.name for c in candidates), key=str.casefold)
    shown = ", ".join(names[:MAX_LISTED]) + (", …" if len(names) > MAX_LISTED else "")
    key = f"names.unknown_{kind}" if names else f"names.unknown_{kind}_none"
    return Invalid(key, {"name": query.strip()[:60], "names": shown})


async def require_topic(store: Store, text: str) -> Topic:
    """An active topic by what was typed; none raises :class:`Invalid` with the list."""
    topic = await find_topic(store, text)
    if topic is None or topic.archived:
        raise unknown(text, await store.topics.list(), "topic")
    return topic


async def require_group(store: Store, text: str) -> Group:
    """An active working group by what was typed; none raises :class:`Invalid` with the
    list."""
    group = await find_group(store, text)
    if group is None or not group.active:
        raise unknown(text, await store.groups.list(), "group")
    return group


async def find_members(store: Store, text: str, limit: int) -> list[Member]:
    """Members (any status) by what staff typed, as forgivingly as ``/suche``: ``#12`` or
    ``12``, an account (``telegram:12345``), else every member each of whose typed words
    begins a word of the name or the company, folded (``gross`` finds "Jürgen Groß",
    ``yilmaz`` "Özlem Yılmaz"), or whose folded name or company contains what was typed."""
    query = text.strip()
    number = member_number(query)
    if number is not None or (":" in query and " " not in query):
        return await store.privacy.find_members(query, limit, number)
    wanted = fold(query)
    if not wanted:
        return []
    found = [
        m
        for m in await store.members.everyone()
        if words_match(query, m.name, m.company)
        or wanted in fold(m.name)
        or wanted in fold(m.company)
    ]
    return found[:limit]


def pick_member(text: str, members: Sequence[Member]) -> Member | None:
    """The one member ``text`` names by the name matcher, None for none; several raise
    :class:`AmbiguousName` with the candidates as buttons."""
    return pick(text, members, "member")
