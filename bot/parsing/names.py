"""Names as people type them: one matcher for topics, groups, regions, members and the
labels of choices, used by chat commands, form steps, the CLI and the dashboard.

Folding (:func:`fold`) ignores case, emoji, symbols and punctuation, and reads ä/ae/a,
ö/oe/o, ü/ue/u, ß/ss, ı/i and compatibility forms (``H₂`` is ``H2``, NFKD) alike, so
"Olpe" finds "Kreis Olpe 🌲" and "muenchen" finds "München". Both sides are folded the
same way, so a fold that merges two spellings ("Michael" and "Michal") only ever adds a
candidate, never loses one.

A name is found by the first of these rules that finds anything (:func:`rank`): the whole
name; its first whole words ("KI" is "KI in der Industrie" before "Kinematik"); its
beginning; whole words of it ("Industrie"); the beginning of a word of it ("Wasser" in
"Facharbeitskreis Wasserstoff"); every typed word the beginning of some word of it, in any
order ("Beschichtung Oberfl"). One index is the answer, several are ambiguous, none is no
match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

_LETTERS = str.maketrans({"ß": "ss", "ẞ": "ss", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe"})
_TWO_LETTER = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_NOT_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` reduced to what a reader means: lower-case letters without accents and
    digits, words separated by one space (``"Oberflächen & Beschichtung 🎨"`` →
    ``"oberflachen beschichtung"``, ``"Wasserstoff (H₂)"`` → ``"wasserstoff h2"``)."""
    return " ".join(_NOT_WORD.sub(" ", _letters(text)).split())


def _letters(text: str) -> str:
    """Case, accents, compatibility forms and the two-letter umlauts folded away (NFKD:
    ``H₂`` is ``H2``, ``ﬁ`` is ``fi``)."""
    value = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    value = _COMBINING.sub("", value)
    for pair, single in _TWO_LETTER:
        value = value.replace(pair, single)
    return value


_DASHES = re.compile(r"[\s\-‐‑‒–—_/]+")


def spelling(text: str) -> str:
    """One key for the spellings of a tag that mean the same: case, ä/ae/a, ß/ss, ı/i and
    dashes aside, but symbols kept (``"FRÄSEN"``, ``"fraesen"`` → ``"frasen"``;
    ``"C++"`` and ``"C#"`` stay two)."""
    return " ".join(_DASHES.sub(" ", _letters(text)).split())


def _whole(query: str, name: str) -> bool:
    return query == name


def _leading_words(query: str, name: str) -> bool:
    return name.startswith(query + " ")


def _beginning(query: str, name: str) -> bool:
    return name.startswith(query)


def _whole_words(query: str, name: str) -> bool:
    return f" {query} " in f" {name} "


def _word_beginning(query: str, name: str) -> bool:
    return f" {query}" in f" {name}"


def _every_word(query: str, name: str) -> bool:
    words = name.split()
    return all(any(w.startswith(part) for w in words) for part in query.split())


RULES: tuple[Callable[[str, str], bool], ...] = (
    _whole,
    _leading_words,
    _beginning,
    _whole_words,
    _word_beginning,
    _every_word,
)


def rank(text: str, names: Sequence[str]) -> list[int]:
    """The indexes of the ``names`` that ``text`` names, by the first rule that finds any
    (see the module's doc); empty for no match or nothing to match."""
    wanted = fold(text)
    if not wanted:
        return []
    folded = [fold(name) for name in names]
    for rule in RULES:
        found = [i for i, name in enumerate(folded) if rule(wanted, name)]
        if found:
            return found
    return []


def words_match(text: str, *fields: str) -> bool:
    """Whether every word of ``text`` begins a word of one of ``fields`` (a person found by
    "gross" in "Jürgen Groß", "oezlem yilmaz" in "Özlem Yılmaz", or by the company)."""
    wanted = fold(text).split()
    if not wanted:
        return False
    words = fold(" ".join(fields)).split()
    return all(any(w.startswith(part) for w in words) for part in wanted)
