"""A small markup for texts the network team writes: ``*bold*``, ``_italic_`` and
``[text](https://example.org)``.

It is parsed here, in the kernel, because every adapter renders it natively (Telegram
HTML, Slack mrkdwn, plain text in the console) for any :class:`~bot.models.Outgoing` that
has ``markup`` set. Parsing never fails: whatever is not exactly this markup stays literal
text, so a typo changes how a message looks, never whether it is sent.

The rules:

- ``*bold*`` and ``_italic_`` work within one line; the text inside starts and ends with a
  non-space character, and the markers stand at word boundaries (``snake_case``,
  ``2*3*4`` and ``*fett*er`` stay as typed). Bold and italic may contain each other and links.
- ``[text](https://…)``: the link text on one line, an ``http`` or ``https`` address
  without spaces.
- A backslash before ``*``, ``_``, ``[`` or ``\\`` shows that character as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ESCAPABLE = "*_[\\"
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()<>|\"]+)\)")

Kind = Literal["text", "bold", "italic", "link"]


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


def parse(text: str) -> list[Node]:
    """The text as nodes; anything that is not markup comes back as text."""
    return _parse(text, inside="")


def spans(text: str) -> list[Span]:
    """The text as styled runs, in order (nesting flattened)."""
    found: list[Span] = []
    _flatten(parse(text), False, False, found)
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
        if char in "*_" and char not in inside and (end := _closing(text, i)) is not None:
            flush()
            kind: Kind = "bold" if char == "*" else "italic"
            nodes.append(Node(kind, children=tuple(_parse(text[i + 1 : end], inside + char))))
            i = end + 1
            continue
        buffer.append(char)
        i += 1
    flush()
    return nodes


def _closing(text: str, start: int) -> int | None:
    """Where the marker opened at ``start`` closes on the same line, or None."""
    marker = text[start]
    if start > 0 and text[start - 1].isalnum():
        return None
    if start + 1 >= len(text) or text[start + 1].isspace():
        return None
    i = start + 1
    while i < len(text) and text[i] != "\n":
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in ESCAPABLE:
            i += 2
            continue
        if (
            text[i] == marker
            and i > start + 1
            and not text[i - 1].isspace()
            and (i + 1 == len(text) or not text[i + 1].isalnum())
        ):
            return i
        i += 1
    return None


def _unescape(text: str) -> str:
    return re.sub(r"\\([*_\[\\])", r"\1", text)


def _flatten(
    nodes: list[Node] | tuple[Node, ...], bold: bool, italic: bool, out: list[Span]
) -> None:
    for node in nodes:
        if node.kind == "text":
            out.append(Span(node.text, bold, italic))
        elif node.kind == "link":
            out.append(Span(node.text, bold, italic, node.url))
        else:
            _flatten(
                node.children, bold or node.kind == "bold", italic or node.kind == "italic", out
            )
