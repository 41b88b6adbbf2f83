"""Token buckets that keep the delivery worker inside each platform's limits.

Telegram allows about 30 messages/s overall, 1/s per private chat and 20/min per group;
Slack about 1/s per channel. The numbers come from the settings. A 429 from a platform
pauses that whole platform for the time it asked for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.models import ChatKind
from bot.settings import Settings


@dataclass(frozen=True)
class Limit:
    key: str
    rate: float  # tokens per second
    burst: float  # bucket size


class _Bucket:
    __slots__ = ("last", "tokens")

    def __init__(self, tokens: float, now: float) -> None:
        self.tokens = tokens
        self.last = now


def limits_from_settings(settings: Settings) -> Callable[[str, str, str], list[Limit]]:
    """The rules for one recipient, keyed so that buckets are shared where they should be."""

    def rules(platform: str, chat_kind: str, chat_id: str) -> list[Limit]:
        if platform == "telegram":
            overall = Limit("telegram", settings.telegram_rate, max(1.0, settings.telegram_rate))
            per_chat = Limit(f"telegram:chat:{chat_id}", settings.telegram_chat_rate, 1.0)
            if chat_kind == ChatKind.GROUP:
                # Evenly spaced, no burst: a burst would allow twice the limit in the first minute.
                per_minute = settings.telegram_group_rate_per_minute
                group = Limit(f"telegram:group:{chat_id}", per_minute / 60.0, 1.0)
                return [overall, per_chat, group]
            return [overall, per_chat]
        if platform == "slack":
            return [Limit(f"slack:chat:{chat_id}", settings.slack_rate, 1.0)]
        return []

    return rules


class RateLimiter:
    def __init__(
        self,
        rules: Callable[[str, str, str], list[Limit]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rules = rules
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._paused_until: dict[str, float] = {}

    def acquire(self, platform: str, chat_kind: str, chat_id: str) -> float:
        """0.0 and a token taken if a message may go now, else seconds to wait (none taken)."""
        now = self._clock()
        wait = self._paused_until.get(platform, 0.0) - now
        buckets = []
        for limit in self._rules(platform, chat_kind, chat_id):
            bucket = self._buckets.get(limit.key)
            if bucket is None:
                bucket = self._buckets[limit.key] = _Bucket(limit.burst, now)
            bucket.tokens = min(limit.burst, bucket.tokens + (now - bucket.last) * limit.rate)
            bucket.last = now
            if bucket.tokens < 1.0:
                wait = max(wait, (1.0 - bucket.tokens) / limit.rate)
            buckets.append(bucket)
        if wait > 0:
            return wait
        for bucket in buckets:
            bucket.tokens -= 1.0
        return 0.0

    def pause(self, platform: str, seconds: float) -> None:
        """Honour a platform's retry-after: nothing goes to that platform until then."""
        until = self._clock() + seconds
        self._paused_until[platform] = max(self._paused_until.get(platform, 0.0), until)
