"""Finding a topic or a working group by what people type, the same way in every command.

People type "KI" for "KI in der Industrie" and "Schweissen" for "Facharbeitskreis
Schweißen". A name is found by, in this order: the exact name, the name folded (case,
``ß``/``ss``, umlauts spelt out or not, as the directory folds), a unique start of the name
(whole words first: "KI" is "KI in der Industrie" before "Kinematik"), a unique whole word
of it. The first rule that finds anything decides: one candidate is the answer, several
are offered as buttons (:class:`AmbiguousName`), none is the caller's "unknown".

A button for one of several candidates sends the person's own text again with the name
replaced by ``#ID``, which names exactly that candidate (the router's "say" button).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from bot.arguments import record_id
from bot.context import Context
from bot.models import CALLBACK_LIMIT, Button, Outgoing
from bot.router import SAY_ACTION
from handlers.validation import Invalid
from storage import Store
from storage.groups import Group
from storage.topics import Topic

MAX_OFFERED = 8  # buttons for an ambiguous name; more and the person should type more
_REFERENCE = re.compile(r"#([0-9]{1,19})")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def folded(text: str) -> tuple[str, str]:
    """Two foldings of a name: umlauts spelt out (``mueller``) and without diacritics
    (``muller``); both casefolded (``ß`` -> ``ss``), punctuation as spaces."""
    base = " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
    spelt = base.translate(_UMLAUTS)
    plain = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    return spelt, plain


def _exact(query: str, name: str) -> bool:
    return query == name


def _leading_words(query: str, name: str) -> bool:
    return name.startswith(query + " ")


def _prefix(query: str, name: str) -> bool:
    return name.startswith(query)


def _whole_words(query: str, name: str) -> bool:
    return f" {query} " in f" {name} "


_RULES: tuple[Callable[[str, str], bool], ...] = (_exact, _leading_words, _prefix, _whole_words)


def matches(query: str, candidates: Sequence[N]) -> list[N]:
    """The candidates the first rule that finds any names (see the module's doc)."""
    wanted = folded(query)
    if not wanted[0]:
        return []
    names = [(candidate, folded(candidate.name)) for candidate in candidates]
    for rule in _RULES:
        found = [c for c, forms in names if any(map(rule, wanted, forms))]
        if found:
            return found
    return []


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
    :class:`AmbiguousName` (``kind`` is "topic" or "group", for the question)."""
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
