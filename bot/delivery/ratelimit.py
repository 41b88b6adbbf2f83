"""Sliding windows that keep the delivery worker inside each platform's limits.

Telegram allows about 30 messages/s overall, 1/s per private chat and 20/min per group;
Slack about 1/s per channel. The numbers come from the settings. Each limit is "at most
``count`` sends in any window of ``window`` seconds", counted the way the platform sees
them: a send in flight counts until it has finished, and a finished send counts from the
moment it finished (it reached the platform no later than that), so no one-second window
at the platform ever holds more than the rate: no initial burst, no burst after a pause.
A 429 from a platform pauses that whole platform for the time it asked for; sends check
the pause again immediately before they call the platform (:meth:`RateLimiter.paused_for`).

On top of the windows, sends to a platform with an overall limit are spaced evenly at a
little under its rate (:data:`SPACING`): the windows alone would allow 30 at once and then
nothing for a second. Replies to members who just wrote come first: they never wait for the
overall window but count in it, and the outbox's notifications take what they leave
(:meth:`RateLimiter.direct`). A chat's window that has nothing in it any more is forgotten, so the
limiter holds state only for chats written to in the last few seconds.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.models import ChatKind
from bot.settings import Settings

_BUSY_WAIT = 0.05  # everything allowed is in flight: look again when one finishes
_SWEEP_SECONDS = 5.0  # how often windows with nothing left in them are forgotten
SPACING = 0.99  # even spacing at this share of a platform's overall rate
_MAX_REPLY_WAITS = 100  # a reply never waits forever, whatever the window's state
LOOKAHEAD = 0.005  # a send may be claimed this long before its evenly spaced start


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
    __slots__ = ("finished", "in_flight", "length")

    def __init__(self, length: float) -> None:
        self.finished: deque[float] = deque()
        self.in_flight = 0
        self.length = length

    def idle(self, now: float) -> bool:
        """Nothing in flight and nothing finished within the window: it can be forgotten."""
        return not self.in_flight and (not self.finished or self.finished[-1] <= now - self.length)

    def free(self, limit: Limit, now: float) -> int:
        """Sends the window allows now."""
        while self.finished and self.finished[0] <= now - limit.window:
            self.finished.popleft()
        return max(0, limit.count - self.in_flight - len(self.finished))

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
        """``rules`` gives the limits for one recipient; a limit keyed by the platform's own
        name is the platform's overall limit (paced evenly), the others are per chat."""
        self._rules = rules
        self._clock = clock
        self._windows: dict[str, _Window] = {}
        self._paused_until: dict[str, float] = {}
        self._next_start: dict[str, float] = {}  # even spacing: the next start per platform
        self._overall: dict[str, Limit | None] = {}
        self._swept = clock()

    def _window(self, limit: Limit) -> _Window:
        window = self._windows.get(limit.key)
        if window is None:
            window = self._windows[limit.key] = _Window(limit.window)
        return window

    def acquire(self, platform: str, chat_kind: str, chat_id: str) -> float:
        """0.0 and a place taken if a message may go now, else seconds to wait (none taken).

        Every place taken must be given back with :meth:`finished` once the send is over.
        """
        now = self._clock()
        wait = self.paused_for(platform)
        pairs = []
        for limit in self._rules(platform, chat_kind, chat_id):
            window = self._window(limit)
            wait = max(wait, window.wait(limit, now))
            pairs.append(window)
        if wait > 0:
            return wait
        for window in pairs:
            window.in_flight += 1
        if now - self._swept >= _SWEEP_SECONDS:
            self._sweep(now)
        return 0.0

    def finished(self, platform: str, chat_kind: str, chat_id: str, *, called: bool) -> None:
        """The send is over; ``called`` says whether the platform was called (then it counts)."""
        now = self._clock()
        for limit in self._rules(platform, chat_kind, chat_id):
            window = self._window(limit)
            window.in_flight = max(0, window.in_flight - 1)
            if called:
                window.finished.append(now)

    async def next_part(
        self, platform: str, chat_kind: str, chat_id: str, *, holding: bool
    ) -> None:
        """Another part of a message under way follows: wait until it may go, as a send of
        its own (a message of N parts counts as N sends, 1/s per chat on Telegram).

        ``holding``: the caller holds a place taken with :meth:`acquire` (an outbox row):
        the part that ended gives it back as a finished send and the next part takes a new
        one, which the caller gives back with :meth:`finished` as before. Otherwise (a
        direct reply, whose parts each pass :meth:`direct`) only the chat's limits are
        waited for."""
        if holding:
            self.finished(platform, chat_kind, chat_id, called=True)
        for _ in range(_MAX_REPLY_WAITS):
            if holding:
                wait = self.acquire(platform, chat_kind, chat_id)
            else:
                wait = max(self.chat_wait(platform, chat_kind, chat_id), self.paused_for(platform))
            if wait <= 0:
                return
            await asyncio.sleep(wait)

    def chat_wait(self, platform: str, chat_kind: str, chat_id: str) -> float:
        """Seconds until the chat's own limits allow a send (0.0: now)."""
        now = self._clock()
        wait = 0.0
        for limit in self._rules(platform, chat_kind, chat_id):
            window = self._windows.get(limit.key)
            if limit.key != platform and window is not None:
                wait = max(wait, window.wait(limit, now))
        return wait

    def budget(self, platform: str, most: int) -> tuple[int, float]:
        """How many sends may be started on the platform now (at most ``most``), within its
        overall limit and its even spacing; with none, the seconds until one may."""
        paused = self.paused_for(platform)
        if paused > 0:
            return 0, paused
        limit = self._overall_limit(platform)
        if limit is None:
            return most, 0.0
        now = self._clock()
        window = self._window(limit)
        free = window.free(limit, now)
        if free <= 0:  # full (replies count in it: they come first)
            return 0, max(window.wait(limit, now), 1e-3)
        start = max(now, self._next_start.get(platform, now))
        if start > now + LOOKAHEAD:
            return 0, start - LOOKAHEAD - now
        interval = self._interval(limit)
        paced = int((now + LOOKAHEAD - start) / interval) + 1
        return min(most, free, paced), 0.0

    @asynccontextmanager
    async def direct(self, platform: str, chat_kind: str, chat_id: str) -> AsyncIterator[None]:
        """Around a reply sent at once to someone using the bot (not through the outbox).

        Replies come first: one never waits for the platform's overall window, so an answer
        to a member who just wrote is not queued behind a broadcast (nor behind other
        answers: the overall limit is one for bulk notifications, and a 429 on a reply is
        retried in that chat alone). It counts in the overall window and the chat's all the
        same, in flight and once finished, so the outbox gives way: notifications take only
        what the replies leave of the platform's rate (:meth:`budget`). The chat's own
        limits hold for the parts after the first (:meth:`next_part`)."""
        limit = self._overall_limit(platform)
        overall = self._window(limit) if limit is not None else None
        if overall is not None:
            overall.in_flight += 1
        try:
            yield
        finally:
            now = self._clock()
            if overall is not None:
                overall.in_flight = max(0, overall.in_flight - 1)
            for rule in self._rules(platform, chat_kind, chat_id):
                self._window(rule).finished.append(now)

    def start_delay(self, platform: str) -> float:
        """Take the platform's next evenly spaced start: seconds from now until it."""
        limit = self._overall_limit(platform)
        if limit is None:
            return 0.0
        now = self._clock()
        interval = self._interval(limit)
        slot = self._next_start.get(platform, now)
        if slot < now - interval:  # idle for a while: start afresh (no burst to catch up)
            slot = now
        # a send started a little late (a busy event loop) keeps the grid: the next one is
        # not pushed back, so lateness does not add up to a lower rate
        self._next_start[platform] = slot + interval
        return max(0.0, slot - now)

    def _overall_limit(self, platform: str) -> Limit | None:
        if platform not in self._overall:
            found = [x for x in self._rules(platform, "private", "") if x.key == platform]
            self._overall[platform] = found[0] if found else None
        return self._overall[platform]

    @staticmethod
    def _interval(limit: Limit) -> float:
        return limit.window / limit.count / SPACING

    def paused_for(self, platform: str) -> float:
        """Seconds until a platform's retry-after pause ends (0.0 when not paused)."""
        return max(0.0, self._paused_until.get(platform, 0.0) - self._clock())

    def pause(self, platform: str, seconds: float) -> None:
        """Honour a platform's retry-after: nothing goes to that platform until then."""
        until = self._clock() + seconds
        self._paused_until[platform] = max(self._paused_until.get(platform, 0.0), until)

    @property
    def tracked(self) -> int:
        """Windows held in memory (the platforms' and recently written chats')."""
        return len(self._windows)

    def _sweep(self, now: float) -> None:
        """Forget windows with nothing in flight and nothing left in them (idle chats)."""
        self._swept = now
        for key in [key for key, window in self._windows.items() if window.idle(now)]:
            del self._windows[key]
