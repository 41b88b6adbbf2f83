"""How typed answers are read where buttons are offered: one set of yes/no/skip words and
one way to match a typed text against the labels of choices.

Labels are matched like every name the bot is told (:mod:`bot.parsing.names`): case,
accents, emoji, symbols and punctuation aside, ä/ae/a, ö/oe/o, ü/ue/u and ß/ss alike, so
"Olpe" finds "Kreis Olpe 🌲" and "muenchen" finds "München".
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.arguments import number
from bot.parsing.names import fold, rank

__all__ = ["DONE", "NO", "SKIP", "YES", "exact", "fold", "match", "word"]

YES = frozenset({"ja", "j", "yes", "y", "ok", "einverstanden", "jawohl", "gerne", "sure"})
NO = frozenset({"nein", "n", "no", "nö", "nope"})
SKIP = frozenset({"-", "–", "—", "skip", "überspringen", "ueberspringen", "keine", "kein", "none"})
DONE = frozenset({"weiter", "fertig", "done", "next", "ok"})


def word(text: str) -> str:
    """A typed answer as one lower-case word list, for the word sets above."""
    return " ".join(text.casefold().split()).rstrip(".!")


def match(text: str, labels: Sequence[str]) -> list[int]:
    """The indexes of the labels ``text`` names: its 1-based number, else what the kernel's
    name matcher (:func:`bot.parsing.names.rank`) finds. One index is an answer; several
    are ambiguous; none is no match."""
    index = number(text.strip().rstrip("."), 1, len(labels))
    if index is not None:
        return [index - 1]
    return rank(text, labels)


def exact(text: str, labels: Sequence[str]) -> int | None:
    """The index of the label ``text`` names exactly (folded) or by its 1-based number."""
    index = number(text.strip().rstrip("."), 1, len(labels))
    if index is not None:
        return index - 1
    wanted = fold(text)
    hits = [i for i, label in enumerate(labels) if wanted and fold(label) == wanted]
    return hits[0] if len(hits) == 1 else None
