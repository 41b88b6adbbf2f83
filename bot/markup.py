"""A small markup for texts the network team and members write: ``*bold*``, ``_italic_``,
``__underline__``, ``~strike~``, ```code```, ````` ```pre``` ````` and
``[text](https://example.org)``.

It is parsed here, in the kernel, because every adapter renders it natively (Telegram
HTML, Slack mrkdwn, plain text in the console) for any :class:`~bot.models.Outgoing` that
has ``markup`` set. Parsing never fails: whatever is not exactly this markup stays literal
text, so a typo changes how a message looks, never whether it is sent.

The rules:

- ``*bold*`` and ``_italic_`` work within one line; the text inside starts and ends with a
  non-space character, and the markers stand at word boundaries (``snake_case``,
  ``2*3*4`` and ``*fett*er`` stay as typed). Bold and italic may contain each other and links.
- ``__underline__`` and ``~strike~`` follow the same rules.
- ```code``` within one line and ````` ```pre``` ````` over several lines are literal inside.
- ``[text](https://…)``: the link text on one line, an ``http`` or ``https`` address
  without spaces.
- A backslash before ``*``, ``_``, ``~``, `````, ``[`` or ``\\`` shows that character as
  typed.

The same rule holds on every platform for a member's own stars and underscores; the
formatting a platform's client sets (Telegram's entities) is read into this markup too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

ESCAPABLE = "*_~`[\\"
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>|\"]+)\)")

Kind = Literal["text", "bold", "italic", "underline", "strike", "code", "pre", "link"]
STYLES: dict[str, Kind] = {"*": "bold", "_": "italic", "~": "strike", "__": "underline"}


@dataclass(frozen=True)
class Node:
    """A piece of parsed text: plain text, a link, or bold/italic around more nodes."""

    kind: Kind
    text: str = ""
    url: str | None = None
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Span:
    """A run of text with one style: what an adapter needs to render (and split) it."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    underline: bool = False
    strike: bool = False
    code: bool = False
    pre: bool = False

    @property
    def styled(self) -> bool:
        """Whether the run is formatted or a link (a splitter keeps such runs whole)."""
        return bool(self.url or self.bold or self.italic or self.underline or self.strike) or (
            self.code or self.pre
        )


def parse(text: str) -> list[Node]:
    """The text as nodes; anything that is not markup comes back as text."""
    return _parse(text, inside="")


def spans(text: str) -> list[Span]:
    """The text as styled runs, in order (nesting flattened)."""
    found: list[Span] = []
    _flatten(parse(text), Span(""), found)
    return found


def plain(text: str) -> str:
    """Readable text without markers: bold and italic as their words, links as
    ``text (address)``; for the console and for notification previews."""
    parts = []
    for span in spans(text):
        if span.url and span.text != span.url:
            parts.append(f"{span.text} ({span.url})")
        else:
            parts.append(span.text)
    return "".join(parts)


def escape(text: str) -> str:
    """Plain text as markup that shows exactly this text (for catalog texts in a message)."""
    return "".join(f"\\{c}" if c in ESCAPABLE else c for c in text)


def _parse(text: str, inside: str) -> list[Node]:
    nodes: list[Node] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            nodes.append(Node("text", "".join(buffer)))
            buffer.clear()

    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if char == "[" and (link := _LINK.match(text, i)):
            flush()
            nodes.append(Node("link", _unescape(link.group(1)), link.group(2)))
            i = link.end()
            continue
        if char == "`" and (literal := _literal(text, i)) is not None:
            flush()
            kind, inner, i = literal
            nodes.append(Node(kind, inner))
            continue
        marker = "__" if text.startswith("__", i) else char
        if (
            marker in STYLES
            and marker not in inside.split()
            and ((end := _closing(text, i, marker)) is not None)
        ):
            flush()
            children = _parse(text[i + len(marker) : end], f"{inside} {marker}")
            nodes.append(Node(STYLES[marker], children=tuple(children)))
            i = end + len(marker)
            continue
        buffer.append(char)
        i += 1
    flush()
    return nodes


def _literal(text: str, start: int) -> tuple[Kind, str, int] | None:
    """```code``` on one line or ````` ```pre``` `````: (kind, inner text, end), or None."""
    if text.startswith("```", start):
        end = text.find("```", start + 3)
        if end > start + 3:
            return "pre", text[start + 3 : end].strip("\n"), end + 3
    end = text.find("`", start + 1)
    if end > start + 1 and "\n" not in text[start:end]:
        return "code", text[start + 1 : end], end + 1
    return None


def _closing(text: str, start: int, marker: str) -> int | None:
    """Where the marker opened at ``start`` closes on the same line, or None."""
    width = len(marker)
    if start > 0 and text[start - 1].isalnum():
        return None
    if start + width >= len(text) or text[start + width].isspace():
        return None
    i = start + width
    while i < len(text) and text[i] != "\n":
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if (
            text.startswith(marker, i)
            and i > start + width
            and not text[i - 1].isspace()
            and (i + width == len(text) or not text[i + width].isalnum())
            and (width > 1 or not text.startswith(marker * 2, i))
        ):
            return i
        i += 1
    return None


def _unescape(text: str) -> str:
    return re.sub(r"\\([*_~`\[\\])", r"\1", text)


def _flatten(nodes: list[Node] | tuple[Node, ...], style: Span, out: list[Span]) -> None:
    for node in nodes:
        if node.kind == "text":
            out.append(replace(style, text=node.text))
        elif node.kind == "link":
            out.append(replace(style, text=node.text, url=node.url))
        elif node.kind in ("code", "pre"):
            flag: dict[str, Any] = {node.kind: True}
            out.append(replace(style, text=node.text, **flag))
        else:
            flag = {node.kind: True}
            _flatten(node.children, replace(style, **flag), out)
