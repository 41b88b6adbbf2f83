"""Outgoing -> Telegram HTML: escaping, the bold title, inline keyboards, long-text splitting.

Handlers produce plain text, so every piece of it is escaped here; the only markup the bot
itself adds is the ``<b>`` around the title and the ``tg://user?id=`` link of a contact
(:class:`bot.models.Contact`). Telegram refuses texts over 4096 characters
after entity parsing (so tags and escapes do not count, but UTF-16 code units do), so long
messages become several, cut at line breaks.
"""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import Button, Contact, Outgoing, Platform

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


def escape(text: str) -> str:
    """Escape plain text for Telegram's HTML parse mode (``<``, ``>`` and ``&``)."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji may count twice)."""
    return len(text.encode("utf-16-le")) // 2


def _longest_fitting_prefix(text: str, budget: int) -> int:
    """Largest n with ``utf16_len(text[:n]) <= budget`` (binary search: it grows with n)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if utf16_len(text[:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


def _cut_point(text: str, budget: int) -> int:
    """Where to cut: at a line break if one is reasonably late, else at a space, else hard."""
    fits = max(_longest_fitting_prefix(text, budget), 1)
    newline = text.rfind("\n", 0, fits)
    if newline >= fits // 4 and newline > 0:
        return newline + 1
    space = text.rfind(" ", 0, fits)
    if space >= fits // 2 and space > 0:
        return space + 1
    return fits


def split_plain(text: str, limit: int = MESSAGE_LIMIT, first_limit: int | None = None) -> list[str]:
    """Split plain text into parts of at most ``limit`` (the first ``first_limit``) characters.

    Parts that would be only whitespace are dropped, since Telegram refuses empty messages.
    """
    budget = limit if first_limit is None else first_limit
    parts: list[str] = []
    rest = text
    while utf16_len(rest) > budget:
        cut = _cut_point(rest, max(budget, 1))
        parts.append(rest[:cut])
        rest = rest[cut:]
        budget = limit
    parts.append(rest)
    return [part.strip("\n") for part in parts if part.strip()]


def contact_html(contact: Contact) -> str:
    """A Telegram account as a link that opens the chat with that person."""
    if contact.platform == Platform.TELEGRAM and contact.user_id.isdigit():
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
