"""What can go wrong when an adapter sends, in platform-neutral terms.

Adapters translate their library's exceptions into these; the delivery worker decides
what to do (wait, retry with backoff, give up, mark the recipient unreachable).
"""

from __future__ import annotations


class DeliveryError(Exception):
    """Base class: sending one message failed."""


class RetryAfter(DeliveryError):
    """The platform asked us to slow down (HTTP 429); wait ``seconds`` before sending again."""

    def __init__(self, seconds: float, message: str = "rate limited") -> None:
        super().__init__(f"{message} (retry after {seconds}s)")
        self.seconds = seconds


class TemporaryFailure(DeliveryError):
    """Network trouble or a platform hiccup: try again later with backoff."""


class Unreachable(DeliveryError):
    """The recipient blocked the bot, left, or the chat is gone: do not retry."""


class PermanentFailure(DeliveryError):
    """The message itself was refused (e.g. malformed): retrying will not help."""
