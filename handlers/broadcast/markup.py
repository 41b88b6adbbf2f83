"""The admin's side of the small text markup (parsed and rendered in :mod:`bot.markup`):
which markers in a draft were not recognised, so the preview can say they will be shown
as typed instead of leaving the admin to wonder why a word is not bold."""

from __future__ import annotations

from bot import markup

MARKERS = "*_["
SHOWN = 5


def literal_markers(text: str) -> list[str]:
    """Words of the draft whose ``*``, ``_`` or ``[`` stay literal, e.g. ``*fett`` (at most
    a few, for a hint). ``snake_case`` and ``2*3`` are not meant as markup: not listed."""
    found: list[str] = []
    for span in markup.spans(text):
        if span.url:
            continue
        for word in span.text.split():
            if _looks_meant(word) and word not in found:
                found.append(word)
    return found[:SHOWN]


def _looks_meant(word: str) -> bool:
    """A marker at the edge of a word, or a ``[`` that opens a link that did not work."""
    if "](" in word:
        return True
    stripped = word.strip(".,;:!?()\"'„“”")
    return bool(stripped) and (stripped[0] in MARKERS or stripped[-1] in "*_")
