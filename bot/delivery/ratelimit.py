"""Sliding windows that keep the delivery worker inside each platform's limits.

Telegram allows about 30 messages/s overall, 1/s per private chat and 20/min per group;
Slack about 1/s per channel. The numbers come from the settings. Each limit is "at most
``count`` sends in any window of ``window`` seconds", counted the way the platform sees
them: a send in flight counts until it has finished, and a finished send counts from the
moment it finished (it reached the platform no later than that), so no one-second window
at the platform ever holds more than the rate: no initial burst, no burst after a pause.
A 429 from a platform pauses that whole platform for the time it asked for; sends check
the pause again immediately before they call the platform (:meth:`RateLimiter.paused_for`).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from bot.models import ChatKind
from bot.settings import Settings

_BUSY_WAIT = 0.05  # everything allowed is in flight: look again when one finishes
_SWEEP_EVERY = 1000  # acquisitions between forgetting idle chats' windows


@dataclass(frozen=True)
class Limit:
    key: str
    count: int  # at most this many sends ...
    window: float  # ... in any window of this many seconds

    @classmethod
    def per_second(cls, key: str, rate: float) -> Limit:
        """``rate`` messages per second as whole sends in a window (0.33/s: 1 per 3 s)."""
        count = max(1, math.floor(rate))
        return cls(key, count, count / rate)


class _Window:
    __slots__ = ("finished", "in_flight")

    def __init__(self) -> None:
        self.finished: deque[float] = deque()
        self.in_flight = 0

    def wait(self, limit: Limit, now: float) -> float:
        while self.finished and self.finished[0] <= now - limit.window:
            self.finished.popleft()
        used = self.in_flight + len(self.finished)
        if used < limit.count:
            return 0.0
        must_expire = used - limit.count  # the oldest finished sends that have to leave first
        if must_expire < len(self.finished):
            return max(self.finished[must_expire] + limit.window - now, 1e-3)
        return _BUSY_WAIT


def limits_from_settings(settings: Settings) -> Callable[[str, str, str], list[Limit]]:
    """The rules for one recipient, keyed so that windows are shared where they should be."""

    def rules(platform: str, chat_kind: str, chat_id: str) -> list[Limit]:
        if platform == "telegram":
            overall = Limit.per_second("telegram", settings.telegram_rate)
            per_chat = Limit.per_second(f"telegram:chat:{chat_id}", settings.telegram_chat_rate)
            if chat_kind == ChatKind.GROUP:
                per_minute = settings.telegram_group_rate_per_minute
                group = Limit(f"telegram:group:{chat_id}", 1, 60.0 / per_minute)  # evenly spaced
                return [overall, per_chat, group]
            return [overall, per_chat]
        if platform == "slack":
            return [Limit.per_second(f"slack:chat:{chat_id}", settings.slack_rate)]
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
        self._windows: dict[str, _Window] = {}
        self._paused_until: dict[str, float] = {}
        self._acquired = 0

    def acquire(self, platform: str, chat_kind: str, chat_id: str) -> float:
        """0.0 and a place taken if a message may go now, else seconds to wait (none taken).

        Every place taken must be given back with :meth:`finished` once the send is over.
        """
        now = self._clock()
        wait = self.paused_for(platform)
        pairs = []
        for limit in self._rules(platform, chat_kind, chat_id):
            window = self._windows.get(limit.key)
            if window is None:
                window = self._windows[limit.key] = _Window()
            wait = max(wait, window.wait(limit, now))
            pairs.append(window)
        if wait > 0:
            return wait
        for window in pairs:
            window.in_flight += 1
        self._acquired += 1
        if self._acquired % _SWEEP_EVERY == 0:
            self._sweep(now)
        return 0.0

    def finished(self, platform: str, chat_kind: str, chat_id: str, *, called: bool) -> None:
        """The send is over; ``called`` says whether the platform was called (then it counts)."""
        now = self._clock()
        for limit in self._rules(platform, chat_kind, chat_id):
            window = self._windows.setdefault(limit.key, _Window())
            window.in_flight = max(0, window.in_flight - 1)
            if called:
                window.finished.append(now)

    def paused_for(self, platform: str) -> float:
        """Seconds until a platform's retry-after pause ends (0.0 when not paused)."""
        return max(0.0, self._paused_until.get(platform, 0.0) - self._clock())

    def pause(self, platform: str, seconds: float) -> None:
        """Honour a platform's retry-after: nothing goes to that platform until then."""
        until = self._clock() + seconds
        self._paused_until[platform] = max(self._paused_until.get(platform, 0.0), until)

    def _sweep(self, now: float) -> None:
        """Forget windows with nothing in flight and nothing recent (idle chats)."""
        horizon = 3600.0
        for key in [
            key
            for key, window in self._windows.items()
            if not window.in_flight and (not window.finished or window.finished[-1] < now - horizon)
        ]:
            del self._windows[key]
