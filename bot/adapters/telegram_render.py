"""Outgoing -> Telegram HTML: escaping, the bold title, inline keyboards, long-text splitting.

Handlers produce plain text, so every piece of it is escaped here; the only markup the bot
itself adds is the ``<b>`` around the title, the ``tg://user?id=`` link of a contact
(:class:`bot.models.Contact`), and, for a message with ``markup`` set, the tags for the
small markup of :mod:`bot.markup` (``<b>``, ``<i>``, ``<a href>``, each run closed on its
own, so the HTML stays valid however the text is cut). Telegram refuses texts over 4096
characters after entity parsing (so tags and escapes do not count, but UTF-16 code units
do), so long messages become several, cut at line breaks.
"""

from __future__ import annotations

import html
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import markup, textsplit
from bot.arguments import number
from bot.models import Button, Contact, Outgoing, Platform

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


def escape(text: str) -> str:
    """Escape plain text for Telegram's HTML parse mode (``<``, ``>`` and ``&``)."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji may count twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_ranges(
    text: str, limit: int = MESSAGE_LIMIT, first_limit: int | None = None
) -> list[tuple[int, int]]:
    """Where to split plain text (the shared cut of :mod:`bot.textsplit`, measured in
    Telegram's UTF-16 units); parts only of whitespace are dropped, since Telegram refuses
    empty messages."""
    return textsplit.split_ranges(text, limit, first_limit=first_limit, measure=utf16_len)


def split_plain(text: str, limit: int = MESSAGE_LIMIT, first_limit: int | None = None) -> list[str]:
    """Split plain text into parts of at most ``limit`` (the first ``first_limit``) characters."""
    return [text[begin:end] for begin, end in split_ranges(text, limit, first_limit)]


def _span_html(span: markup.Span) -> str:
    body = escape(span.text)
    if span.code:
        body = f"<code>{body}</code>"
    if span.pre:
        body = f"<pre>{body}</pre>"
    if span.strike:
        body = f"<s>{body}</s>"
    if span.underline:
        body = f"<u>{body}</u>"
    if span.italic:
        body = f"<i>{body}</i>"
    if span.bold:
        body = f"<b>{body}</b>"
    if span.url:
        body = f'<a href="{html.escape(span.url, quote=True)}">{body}</a>'
    return body


def _markup_parts(text: str, limit: int, first_limit: int) -> list[str]:
    """Markup as HTML parts, split on the visible text (tags do not count for Telegram)."""
    runs = markup.spans(text)
    visible = "".join(run.text for run in runs)
    parts = []
    for begin, end in split_ranges(visible, limit, first_limit):
        pieces, offset = [], 0
        for run in runs:
            low, high = max(begin, offset), min(end, offset + len(run.text))
            if low < high:
                clipped = run.text[low - offset : high - offset]
                pieces.append(_span_html(replace(run, text=clipped)))
            offset += len(run.text)
        parts.append("".join(pieces))
    return parts


def contact_html(contact: Contact) -> str:
    """A Telegram account as a link that opens the chat with that person."""
    if contact.platform == Platform.TELEGRAM and number(contact.user_id) is not None:
        return f'<a href="tg://user?id={contact.user_id}">{escape(contact.label)}</a>'
    return escape(contact.label)


def render_parts(message: Outgoing, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The message as one or more HTML texts; the title, bold, starts the first one."""
    head = f"<b>{escape(message.title)}</b>" if message.title else ""
    if not message.text.strip():
        return [head] if head else []
    if head:
        head += "\n\n"
    shown_head = utf16_len(message.title) + 2 if message.title else 0  # tags are not counted
    if message.markup:
        html_parts = _markup_parts(message.text, limit, limit - shown_head)
    else:
        # a contact's label replaces its short marker: leave room for all labels
        labels = sum(utf16_len(c.label) for c in message.contacts)
        limit = max(limit - labels, limit // 2)
        plain_parts = split_plain(message.text, limit, limit - shown_head)
        html_parts = [message.render_text(part, contact_html, escape) for part in plain_parts]
    if html_parts:
        html_parts[0] = head + html_parts[0]
    return html_parts


def keyboard(rows: list[list[Button]]) -> InlineKeyboardMarkup | None:
    """Inline keyboard with ``action|arg`` as callback data; None when there are no buttons."""
    markup = [
        [InlineKeyboardButton(button.label, callback_data=button.encode()) for button in row]
        for row in rows
        if row
    ]
    return InlineKeyboardMarkup(markup) if markup else None


def keyboard_json(rows: list[list[Button]]) -> dict[str, object] | None:
    """:func:`keyboard` as the Bot API reads it (what PTB would send for it), for a call
    that skips building PTB's objects only to turn them back into JSON."""
    markup = [
        [{"text": button.label, "callback_data": button.encode()} for button in row]
        for row in rows
        if row
    ]
    return {"inline_keyboard": markup} if markup else None
