"""Outgoing as Slack Block Kit, and Slack's text escaping in both directions.

``Outgoing.text`` and ``title`` are plain text written by members and staff. Slack reads
``<...>`` as links and mentions (``<!channel>`` pings everyone), so ``&``, ``<`` and ``>``
are always escaped before text goes into mrkdwn; only URLs we find ourselves become links,
and a contact (:class:`bot.models.Contact`) of a Slack account becomes a ``<@U…>`` mention.
A message with ``markup`` set has its small markup (:mod:`bot.markup`) turned into mrkdwn:
``*bold*``, ``_italic_`` and ``<https://…|text>``; everything else is escaped as above.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot import markup, textsplit
from bot.models import Button, Contact, Outgoing, Platform

Block = dict[str, Any]
Payload = dict[str, Any]

SECTION_LIMIT = 3000  # characters in one section's text
FALLBACK_LIMIT = 3000  # the top-level ``text`` field, shown in notifications
BUTTONS_PER_BLOCK = 5
BLOCKS_PER_MESSAGE = 50
BUTTON_LABEL_LIMIT = 75

_URL = re.compile(r"https?://(?:(?!&lt;|&gt;)[^\s|])+")
_TRAILING = ".,;:!?)]}\"'"


def escape(text: str) -> str:
    """Escape the three characters Slack treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack sends ``&``, ``<`` and ``>`` in message text as entities; undo that."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>")


def _plain_link(match: re.Match[str]) -> str:
    url, label = match.group(1), match.group(2)
    shown = url.removeprefix("mailto:")
    if not label or label in (url, shown) or url.endswith(f"//{label}"):
        return shown
    return f"{label} ({shown})"


_REFERENCE = re.compile(r"<([@#!])([^|>\s]+)(?:\|([^>]*))?>")
USER_REFERENCE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
MASS_MENTIONS = ("here", "channel", "everyone")
_DROPPED = "\x00"


def _reference(match: re.Match[str], names: Mapping[str, str]) -> str:
    """A person by their name, a channel as ``#name``; mass mentions never pass on."""
    kind, target, label = match.group(1), match.group(2), match.group(3)
    if kind == "@":
        return names.get(target) or (label or "").lstrip("@") or target
    if kind == "#":
        return "#" + (label or names.get(target) or target)
    if target in MASS_MENTIONS or target.startswith("subteam^"):
        return _DROPPED
    return label or _DROPPED  # a date and the like: its fallback text


def incoming_text(text: str, names: Mapping[str, str] | None = None) -> str:
    """A message's text as the person typed it: Slack wraps web addresses they typed as
    ``<https://…>`` (or ``<https://…|label>``) and escapes ``&``, ``<`` and ``>``.

    Slack's own references are read too: ``<@U…>`` becomes the person's name (from
    ``names``, looked up by the adapter), ``<#C…|name>`` becomes ``#name``, and
    ``<!here>``, ``<!channel>`` and ``<!everyone>`` are dropped, so that no text the bot
    passes on pings a whole channel on any platform."""
    text = _SLACK_LINK.sub(_plain_link, text)
    text = _REFERENCE.sub(lambda m: _reference(m, names or {}), text)
    if _DROPPED in text:
        text = re.sub(f" ?{_DROPPED}", "", text).strip(" ")
    return unescape(text)


def _link(match: re.Match[str]) -> str:
    url = match.group(0)
    tail = ""
    while url and url[-1] in _TRAILING:
        tail = url[-1] + tail
        url = url[:-1]
    return f"<{url}>{tail}" if url else tail


def mrkdwn(text: str) -> str:
    """Plain text as safe mrkdwn: escaped, with web addresses made clickable."""
    return _URL.sub(_link, escape(text))


def markup_mrkdwn(text: str) -> str:
    """Text in the small markup as mrkdwn; what is not markup is escaped like plain text."""
    return spans_mrkdwn(markup.spans(text))


_USER_ID = re.compile(r"^[UW][A-Z0-9]+$")


def mention(contact: Contact) -> str:
    """A Slack account as a mention (Slack shows the name and opens the profile)."""
    if contact.platform == Platform.SLACK and _USER_ID.match(contact.user_id):
        return f"<@{contact.user_id}>"
    return escape(contact.label)


def bold(text: str) -> str:
    """A title in bold; asterisks inside would end the bold early, so they are swapped."""
    cleaned = " ".join(text.replace("*", "∗").split())
    return f"*{escape(cleaned)}*" if cleaned else ""


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def button_element(button: Button, index: int) -> Block:
    """One button; ``action_id`` carries an index because Slack wants it unique per block."""
    label = button.label if len(button.label) <= BUTTON_LABEL_LIMIT else button.label[:74] + "…"
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_id": f"{button.action}#{index}",
        "value": button.encode(),
    }


def action_blocks(buttons: list[Button]) -> list[Block]:
    blocks = []
    for start in range(0, len(buttons), BUTTONS_PER_BLOCK):
        elements = [
            button_element(button, start + offset)
            for offset, button in enumerate(buttons[start : start + BUTTONS_PER_BLOCK])
        ]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def fallback_text(message: Outgoing) -> str:
    """The ``text`` field: what notifications and screen readers show."""
    if message.markup:
        text = escape(markup.plain(message.text))
    else:
        text = message.render_text(message.text, mention, escape)
    if message.title:
        text = f"{escape(message.title)}\n{text}"
    return text if len(text) <= FALLBACK_LIMIT else text[: FALLBACK_LIMIT - 1] + "…"


def _run_body(span: markup.Span) -> str:
    """A run's text as mrkdwn without its bold, italic or strike markers."""
    if span.url:
        label = " ".join(span.text.split()).replace("|", "¦")
        return f"<{escape(span.url)}|{escape(label)}>"
    if span.code or span.pre:
        body = escape(span.text.replace("`", "ˋ"))
        return f"```{body}```" if span.pre else f"`{body}`"
    return mrkdwn(span.text)


def _markers(span: markup.Span) -> list[str]:
    """Slack's markers for a run's styles, outermost first (no underline: italic)."""
    found = ["*"] if span.bold else []
    if span.italic or span.underline:
        found.append("_")
    return found + (["~"] if span.strike else [])


def spans_mrkdwn(runs: list[markup.Span]) -> str:
    """Styled runs as mrkdwn, each marker opened once for consecutive runs that share it,
    so ``*a _b_ c*`` stays that rather than ``*a **_b_** c*``."""
    out: list[str] = []
    stack: list[str] = []
    for run in runs:
        wanted = _markers(run)
        keep = 0
        while keep < len(stack) and stack[keep] in wanted:
            keep += 1
        out.extend(reversed(stack[keep:]))
        del stack[keep:]
        for marker in wanted:
            if marker not in stack:
                stack.append(marker)
                out.append(marker)
        out.append(_run_body(run))
    out.extend(reversed(stack))
    return "".join(out)


def _clipped(runs: list[markup.Span], begin: int, end: int) -> list[markup.Span]:
    """The runs' pieces between two offsets of their visible text, each with its style."""
    pieces, offset = [], 0
    for run in runs:
        low, high = max(begin, offset), min(end, offset + len(run.text))
        if low < high:
            text = run.text[low - offset : high - offset]
            pieces.append(replace(run, text=text))
        offset += len(run.text)
    return pieces


def _styled_ranges(runs: list[markup.Span]) -> list[tuple[int, int]]:
    """Where links and formatting spans lie in the visible text: not to be cut."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for run in runs:
        if run.styled:
            if ranges and ranges[-1][1] == offset:  # e.g. a link inside bold: one span
                ranges[-1] = (ranges[-1][0], offset + len(run.text))
            else:
                ranges.append((offset, offset + len(run.text)))
        offset += len(run.text)
    return ranges


def body_sections(message: Outgoing) -> list[str]:
    """The title and text as section texts of at most :data:`SECTION_LIMIT` characters,
    cut on the visible text, never inside a link, a formatting span or a word when a
    line break or a space outside one exists; each section is valid mrkdwn on its own."""
    head = bold(message.title) if message.title else ""
    first_limit = SECTION_LIMIT - len(head) - 1 if head else SECTION_LIMIT
    if message.markup:
        runs = markup.spans(message.text)
        visible = "".join(run.text for run in runs)
        protected = _styled_ranges(runs)

        def render_range(begin: int, end: int) -> str:
            return spans_mrkdwn(_clipped(runs, begin, end))

    else:
        visible, protected = message.text, []

        def render_range(begin: int, end: int) -> str:
            return message.render_text(visible[begin:end], mention, mrkdwn)

    parts = textsplit.split_rendered(
        visible, SECTION_LIMIT, render_range, first_limit=first_limit, protected=protected
    )
    if head:
        parts = [f"{head}\n{parts[0]}", *parts[1:]] if parts else [head]
    return [part for part in parts if part.strip()]


def content_blocks(message: Outgoing) -> list[Block]:
    """Title, text and buttons as blocks, before splitting into messages."""
    blocks = [section(piece) for piece in body_sections(message)]
    return blocks + action_blocks(message.button_list())


def render(message: Outgoing) -> list[Payload]:
    """Keyword arguments for chat.postMessage / chat.update, one dict per Slack message.

    Almost always one; a very long text or very many buttons continue in further messages
    because Slack takes at most 50 blocks per message.
    """
    blocks = content_blocks(message)
    text = fallback_text(message)
    if not blocks:
        return [{"text": text or " "}]
    payloads = []
    for start in range(0, len(blocks), BLOCKS_PER_MESSAGE):
        part = blocks[start : start + BLOCKS_PER_MESSAGE]
        payloads.append({"text": text if start == 0 else "…", "blocks": part})
    return payloads


def decode_action(action: dict[str, Any]) -> tuple[str, str] | None:
    """A clicked element back to (action, arg); None for elements that are not ours."""
    value = action.get("value")
    if not isinstance(value, str) or "|" not in value:
        return None
    name, arg = Button.decode(value)
    return (name, arg) if name else None
