"""How typed answers are read where buttons are offered: one set of yes/no/skip words and
one way to match a typed text against the labels of choices.

Folding ignores case, accents, emoji, symbols and punctuation, and reads ä/ae/a, ö/oe/o,
ü/ue/u and ß/ss alike, so "Olpe" finds "Kreis Olpe 🌲" and "muenchen" finds "München".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.arguments import number

YES = frozenset({"ja", "j", "yes", "y", "ok", "einverstanden", "jawohl", "gerne", "sure"})
NO = frozenset({"nein", "n", "no", "nö", "nope"})
SKIP = frozenset({"-", "–", "—", "skip", "überspringen", "ueberspringen", "keine", "kein", "none"})
DONE = frozenset({"weiter", "fertig", "done", "next", "ok"})

_TWO_LETTER = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def word(text: str) -> str:
    """A typed answer as one lower-case word list, for the word sets above."""
    return " ".join(text.casefold().split()).rstrip(".!")


def fold(text: str) -> str:
    """``text`` reduced to what a reader means: lower-case ASCII letters and digits, words
    separated by one space (``"Oberflächen & Beschichtung 🎨"`` → ``"oberflachen beschichtung"``)."""
    value = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss").replace("ı", "i"))
    value = "".join(c for c in value if not unicodedata.combining(c))
    for pair, single in _TWO_LETTER:
        value = value.replace(pair, single)
    return " ".join(_NOT_WORD.sub(" ", value).split())


def match(text: str, labels: Sequence[str]) -> list[int]:
    """The indexes of the labels ``text`` names: its 1-based number, the label itself, a
    word of it or a beginning, folded. One index is an answer; several are ambiguous;
    none is no match."""
    index = number(text.strip().rstrip("."), 1, len(labels))
    if index is not None:
        return [index - 1]
    wanted = fold(text)
    if not wanted:
        return []
    folded = [fold(label) for label in labels]
    exact = [i for i, label in enumerate(folded) if label == wanted]
    if exact:
        return exact
    starts = [i for i, label in enumerate(folded) if label.startswith(wanted)]
    if starts:
        return starts
    words = [
        i
        for i, label in enumerate(folded)
        if any(part.startswith(wanted) for part in label.split()) or f" {wanted}" in f" {label}"
    ]
    return words
