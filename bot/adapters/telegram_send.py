"""Sending one Outgoing to a Telegram chat: HTML text(s) with the keyboard on the last
part, a document last (or with the text as its caption when that is short).

A direct reply to someone using the bot passes the rate limiter, so that it takes a place
in the overall limit the outbox keeps to (outbox sends took theirs when claimed).
"""

from __future__ import annotations

import contextlib
import logging
from contextlib import AbstractAsyncContextManager

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode

from bot.adapters.telegram_render import CAPTION_LIMIT, keyboard, render_parts
from bot.delivery.ratelimit import RateLimiter
from bot.models import ChatKind, Document, Outgoing

log = logging.getLogger(__name__)


def _gate(limiter: RateLimiter | None, chat_id: str) -> AbstractAsyncContextManager[None]:
    if limiter is None:
        return contextlib.nullcontext()
    kind = ChatKind.GROUP if chat_id.startswith("-") else ChatKind.PRIVATE
    return limiter.direct("telegram", kind, chat_id)


async def send_parts(
    bot: Bot, chat_id: str, message: Outgoing, limiter: RateLimiter | None = None
) -> None:
    """Send the message; with ``limiter`` (a direct reply) each call waits for its place."""
    markup = keyboard(message.buttons)
    document = message.document
    if document is not None:
        caption = render_parts(message, CAPTION_LIMIT)
        if len(caption) <= 1:  # short text: one message, the file with its caption
            async with _gate(limiter, chat_id):
                await _send_document(
                    bot, chat_id, document, caption[0] if caption else None, markup
                )
            return
    parts = render_parts(message)
    if not parts and document is None:
        log.warning("telegram: empty message to chat %s not sent", chat_id)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1 and document is None
        async with _gate(limiter, chat_id):
            await bot.send_message(
                chat_id, part, parse_mode=ParseMode.HTML, reply_markup=markup if last else None
            )
    if document is not None:
        async with _gate(limiter, chat_id):
            await _send_document(bot, chat_id, document, None, markup)


async def _send_document(
    bot: Bot,
    chat_id: str,
    document: Document,
    caption: str | None,
    markup: InlineKeyboardMarkup | None,
) -> None:
    file = InputFile(document.content, filename=document.filename)
    await bot.send_document(
        chat_id, file, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
    )
