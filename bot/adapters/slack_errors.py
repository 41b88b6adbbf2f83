"""slack_sdk's exceptions in the delivery worker's terms (see :mod:`bot.delivery.errors`).

The worker decides what happens next: wait (429), retry with backoff (network, Slack
hiccups), mark the channel or person unreachable, or give the message up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.delivery.errors import (
    DeliveryError,
    PermanentFailure,
    RetryAfter,
    TemporaryFailure,
    Unreachable,
)

# The recipient is gone, left, deactivated, or the bot is not (or no longer) in the channel.
UNREACHABLE_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "account_inactive",
        "is_archived",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "messages_tab_disabled",
        "team_access_not_granted",
    }
)
# Slack's own trouble: try again later.
TEMPORARY_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}
)
DEFAULT_RETRY_AFTER = 30.0


def error_code(exc: SlackApiError) -> str:
    data = getattr(exc.response, "data", None)
    if isinstance(data, Mapping):
        return str(data.get("error") or "unknown_error")
    return "unknown_error"


def _header(headers: Any, name: str) -> str | None:
    if not headers:
        return None
    for key, value in dict(headers).items():
        if str(key).lower() == name.lower():
            return str(value[0] if isinstance(value, list | tuple) else value)
    return None


def retry_after_seconds(exc: SlackApiError) -> float:
    value = _header(getattr(exc.response, "headers", None), "Retry-After")
    try:
        return max(float(value), 0.0) if value is not None else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER


def is_unreachable(exc: BaseException) -> bool:
    return isinstance(exc, SlackApiError) and error_code(exc) in UNREACHABLE_ERRORS


def to_delivery_error(exc: BaseException) -> DeliveryError:
    """Translate one exception raised while sending."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, SlackApiError):
        status = getattr(exc.response, "status_code", 200)
        code = error_code(exc)
        if status == 429:
            return RetryAfter(retry_after_seconds(exc), f"slack: {code}")
        if code in UNREACHABLE_ERRORS:
            return Unreachable(f"slack: {code}")
        if status >= 500 or code in TEMPORARY_ERRORS:
            return TemporaryFailure(f"slack: {code} (HTTP {status})")
        return PermanentFailure(f"slack: {code}")
    if isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError | OSError | SlackClientError):
        return TemporaryFailure(f"slack: {type(exc).__name__}: {exc}")
    return PermanentFailure(f"slack: {type(exc).__name__}: {exc}")
