"""Sending one Outgoing to a Telegram chat: HTML text(s) with the keyboard on the last
part, a document last (or with the text as its caption when that is short).

A direct reply to someone using the bot passes the rate limiter, so that it takes a place
in the overall limit the outbox keeps to (outbox sends took theirs when claimed). A
message of several parts is sent part by part, each part a send of its own in the limits,
and resumes after the parts a failed try delivered.
"""

from __future__ import annotations

import contextlib
import logging
from contextlib import AbstractAsyncContextManager

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode

from bot.adapters.parts import OnPart, PartPlan, Step
from bot.adapters.telegram_render import CAPTION_LIMIT, keyboard, keyboard_json, render_parts
from bot.delivery.ratelimit import RateLimiter
from bot.models import ChatKind, Document, Outgoing

log = logging.getLogger(__name__)


def _kind(chat_id: str) -> ChatKind:
    return ChatKind.GROUP if chat_id.startswith("-") else ChatKind.PRIVATE


def _gate(limiter: RateLimiter | None, chat_id: str) -> AbstractAsyncContextManager[None]:
    if limiter is None:
        return contextlib.nullcontext()
    return limiter.direct("telegram", _kind(chat_id), chat_id)


async def send_parts(
    bot: Bot,
    chat_id: str,
    message: Outgoing,
    limiter: RateLimiter | None = None,
    *,
    direct: bool = False,
    start_part: int = 0,
    on_part: OnPart | None = None,
) -> None:
    """Send the message part by part from ``start_part`` on (see :mod:`bot.adapters.parts`).

    With ``limiter`` every part after the first waits for its own place (1/s per chat, 20
    a minute per group); with ``direct`` (a reply) each part also passes
    :meth:`RateLimiter.direct`, while an outbox row's first place was taken at its claim."""
    document = message.document
    markup = keyboard(message.buttons) if document is not None else None
    markup_json = keyboard_json(message.buttons) if document is None else None
    gate_limiter = limiter if direct else None

    async def pace() -> None:
        if limiter is not None:
            await limiter.next_part("telegram", _kind(chat_id), chat_id, holding=not direct)

    plan = PartPlan(start_part, on_part, pace)
    if document is not None:
        caption = render_parts(message, CAPTION_LIMIT)
        if len(caption) <= 1:  # short text: one message, the file with its caption
            text = caption[0] if caption else None

            async def with_caption() -> None:
                async with _gate(gate_limiter, chat_id):
                    await _send_document(bot, chat_id, document, text, markup, message.silent)

            await plan.run([with_caption])
            return
    parts = render_parts(message)
    if not parts and document is None:
        log.warning("telegram: empty message to chat %s not sent", chat_id)
    steps: list[Step] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1 and document is None

        async def text_part(part: str = part, last: bool = last) -> None:
            async with _gate(gate_limiter, chat_id):
                await post(bot, "sendMessage", {
                    "chat_id": chat_id, "text": part, "parse_mode": ParseMode.HTML,
                    "reply_markup": markup_json if last else None,
                    "disable_notification": True if message.silent else None,
                })  # fmt: skip

        steps.append(text_part)
    if document is not None:

        async def file_part() -> None:
            async with _gate(gate_limiter, chat_id):
                await _send_document(bot, chat_id, document, None, markup, message.silent)

        steps.append(file_part)
    await plan.run(steps)


async def post(bot: Bot, method: str, fields: dict[str, object]) -> object:
    """A Bot API call through PTB's request, with its errors (``BadRequest``, ``RetryAfter``,
    ...), whose answer stays JSON: a sent message read back into PTB's objects, which
    nothing here looks at, cost about a tenth of an answer's CPU. ``None`` fields are left
    out, as PTB's own methods do."""
    return await bot._post(method, fields)


async def _send_document(
    bot: Bot,
    chat_id: str,
    document: Document,
    caption: str | None,
    markup: InlineKeyboardMarkup | None,
    silent: bool = False,
) -> None:
    file = InputFile(document.content, filename=document.filename)
    await bot.send_document(
        chat_id, file, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup,
        disable_notification=silent,
    )  # fmt: skip
