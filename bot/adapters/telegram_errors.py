"""python-telegram-bot exceptions -> the platform-neutral errors of :mod:`bot.delivery.errors`.

The delivery worker decides what to do with them; this module only names what happened.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings

from telegram import error as tg

from bot.delivery.errors import (
    DeliveryError,
    PermanentFailure,
    RetryAfter,
    TemporaryFailure,
    Unreachable,
)

# Opt in to PTB's coming behaviour (time periods as timedelta): PTB 22 otherwise warns on
# every flood-control error it builds. retry_after_seconds() understands both forms.
os.environ.setdefault("PTB_TIMEDELTA", "true")

# Bad requests that mean "this chat cannot receive from us", not "this message is bad".
_UNREACHABLE_BAD_REQUESTS = (
    "chat not found",
    "user not found",
    "peer_id_invalid",
    "group chat was deactivated",
    "bot was kicked",
    "bot is not a member",
    "chat_write_forbidden",
    "not enough rights to send",
    "have no rights to send",
)


def retry_after_seconds(exc: tg.RetryAfter) -> float:
    """Seconds to wait, whether PTB reports an int or a timedelta (PTB_TIMEDELTA)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB 22 warns about the int form being deprecated
        value = exc.retry_after
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value)


def is_unreachable_bad_request(exc: tg.BadRequest) -> bool:
    text = exc.message.lower()
    return any(phrase in text for phrase in _UNREACHABLE_BAD_REQUESTS)


def translate(exc: tg.TelegramError) -> DeliveryError:
    """Name a failed send in the worker's terms (ChatMigrated is handled by the adapter)."""
    if isinstance(exc, tg.RetryAfter):
        return RetryAfter(retry_after_seconds(exc), "telegram flood control")
    if isinstance(exc, tg.Forbidden):
        return Unreachable(exc.message)
    if isinstance(exc, tg.BadRequest):  # a subclass of NetworkError: check it first
        if is_unreachable_bad_request(exc):
            return Unreachable(exc.message)
        return PermanentFailure(exc.message)
    if isinstance(exc, tg.NetworkError):  # includes TimedOut
        return TemporaryFailure(f"network: {exc.message}")
    return TemporaryFailure(f"{type(exc).__name__}: {exc.message}")
