"""Text as it is pasted from phones and web pages, made into the text the person sees.

What people paste carries characters nobody can see: soft hyphens from web pages, zero-width
spaces and joiners from messengers, byte-order marks from files, direction marks from
phone keyboards; and the same letter may come composed (``ü``) or as ``u`` with a combining
mark. Left in, they make ``Pulver\u00adbeschichtung`` unfindable by ``Pulverbeschichtung``
and ``Jürgen Weiß\u200b`` a second Jürgen Weiß. The core cleans every incoming text once
(:func:`readable`), before anything reads it, so no handler has to remember.

Only characters that are invisible and carry no meaning go; everything visible stays as
typed (case, dashes, spaces are the readers' business). A zero-width joiner inside an emoji
sequence (👩‍🔧) is part of the emoji and stays.
"""

from __future__ import annotations

import unicodedata

ZERO_WIDTH_JOINER = "\u200d"
INVISIBLE = frozenset(
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark (a direction mark)
    "\u200b\u200c"  # zero-width space, zero-width non-joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # direction embeddings and overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # direction isolates
    "\ufeff"  # byte-order mark, zero-width no-break space
)
_EMOJI_PARTS = frozenset("\ufe0f\u20e3")  # emoji presentation selector, keycap


def _is_emoji_part(character: str) -> bool:
    """Whether ``character`` can stand next to a joiner inside an emoji sequence: a
    pictograph (a symbol), a skin tone, or the emoji presentation selector."""
    return (
        unicodedata.category(character) == "So"
        or character in _EMOJI_PARTS
        or "\U0001f3fb" <= character <= "\U0001f3ff"
    )


def readable(text: str) -> str:
    """``text`` in NFC without the invisible characters above; a zero-width joiner stays
    only between two parts of an emoji."""
    if text.isascii():  # nearly every message: nothing to do
        return text
    value = "".join(c for c in unicodedata.normalize("NFC", text) if c not in INVISIBLE)
    if ZERO_WIDTH_JOINER not in value:
        return value
    kept = []
    for index, character in enumerate(value):
        if character == ZERO_WIDTH_JOINER and not (
            0 < index < len(value) - 1
            and _is_emoji_part(value[index - 1])
            and _is_emoji_part(value[index + 1])
        ):
            continue
        kept.append(character)
    return "".join(kept)
