"""Sliding windows with a fake clock: Telegram overall, per chat, per group; Slack per channel."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable

import pytest

from bot.delivery.ratelimit import SPACING, RateLimiter, limits_from_settings
from bot.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def send(limiter: RateLimiter, platform: str, kind: str, chat: str) -> float:
    """Acquire and, if allowed, finish the send at once (as a very fast platform would)."""
    wait = limiter.acquire(platform, kind, chat)
    if wait == 0.0:
        limiter.finished(platform, kind, chat, called=True)
    return wait


def _send_times(
    limiter: RateLimiter, clock: Clock, chats: list[tuple[str, str]], seconds: float
) -> list[float]:
    """When sends were allowed, trying every chat every millisecond."""
    times = []
    for step in range(int(seconds * 1000)):
        clock.now += 0.001 if step else 0
        for kind, chat in chats:
            if send(limiter, "telegram", kind, chat) == 0.0:
                times.append(clock.now)
    return times


def _busiest_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0 - 1e-9) for start in times)


def test_private_chat_gets_one_per_second(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    assert send(limiter, "telegram", "private", "1") == 0.0
    wait = send(limiter, "telegram", "private", "1")
    assert wait == pytest.approx(1.0)
    assert send(limiter, "telegram", "private", "2") == 0.0  # another chat is free
    clock.now += 1.0
    assert send(limiter, "telegram", "private", "1") == 0.0


def test_overall_rate_is_never_exceeded_in_any_second(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=30)), clock)
    chats = [("private", str(i)) for i in range(100)]
    times = _send_times(limiter, clock, chats, 3.0)
    assert len([t for t in times if t < 1000.0 + 1.0]) == 30  # no initial burst of 60
    assert _busiest_second(times) == 30
    assert len(times) >= 89  # and the rate is used


def test_no_burst_after_a_pause(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=30)), clock)
    chats = [("private", str(i)) for i in range(100)]
    before = _send_times(limiter, clock, chats, 1.5)
    limiter.pause("telegram", 3.0)
    clock.now += 0.001
    after = _send_times(limiter, clock, chats, 4.0)
    assert min(after) >= max(before) + 3.0
    assert _busiest_second(before + after) <= 30


def test_in_flight_sends_count_until_they_finish(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=2)), clock)
    assert limiter.acquire("telegram", "private", "1") == 0.0
    assert limiter.acquire("telegram", "private", "2") == 0.0
    clock.now += 5.0  # both still in flight: the platform may see them any moment
    assert limiter.acquire("telegram", "private", "3") > 0
    limiter.finished("telegram", "private", "1", called=True)
    assert limiter.acquire("telegram", "private", "3") > 0  # finished just now: counts 1 s
    clock.now += 1.0
    assert limiter.acquire("telegram", "private", "3") == 0.0
    limiter.finished("telegram", "private", "2", called=False)  # never called: free at once
    assert limiter.acquire("telegram", "private", "4") == 0.0


def test_group_gets_twenty_per_minute(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    sent = 0
    for _ in range(600):  # one minute in 0.1 s steps
        if send(limiter, "telegram", "group", "-100") == 0.0:
            sent += 1
        clock.now += 0.1
    assert 20 <= sent <= 21


def test_settings_change_the_rates(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(slack_rate=2)), clock)
    assert send(limiter, "slack", "group", "C1") == 0.0
    assert send(limiter, "slack", "group", "C1") == 0.0
    assert send(limiter, "slack", "group", "C1") == pytest.approx(1.0)


def test_pause_blocks_the_platform_only(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    limiter.pause("telegram", 5)
    assert send(limiter, "telegram", "private", "1") == pytest.approx(5)
    assert limiter.paused_for("telegram") == pytest.approx(5)
    assert send(limiter, "slack", "group", "C1") == 0.0
    clock.now += 5
    assert send(limiter, "telegram", "private", "1") == 0.0


def test_console_is_unlimited(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    assert all(send(limiter, "console", "private", "a") == 0.0 for _ in range(100))


def test_sends_are_spaced_evenly_a_little_under_the_rate(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    """The windows alone would let 30 go at once; the pacing spreads them over the second."""
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=30)), clock)
    starts = []
    for step in range(3000):  # three seconds in 1 ms steps
        clock.now = 1000.0 + step / 1000
        allowed, _wait = limiter.budget("telegram", 8)
        for _ in range(allowed):
            starts.append(clock.now + limiter.start_delay("telegram"))
            limiter.acquire("telegram", "private", str(len(starts)))
            limiter.finished("telegram", "private", str(len(starts)), called=True)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) == pytest.approx(1 / (30 * SPACING), abs=2e-3)
    assert 3 * 30 * 0.97 <= len(starts) <= 3 * 30
    assert _busiest_second(starts) <= 30


def test_a_reply_goes_at_once_into_a_full_window_and_the_outbox_gives_way(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    """Replies come first: a full overall window (a broadcast) does not hold one back; the
    outbox waits until the reply has left the window too."""
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=1)), clock)
    send(limiter, "telegram", "private", "1")  # the window (1 per second) is full
    replied = []

    async def reply() -> None:
        async with limiter.direct("telegram", "private", "9"):
            replied.append(clock.now)

    async def scenario() -> None:
        clock.now += 0.5
        await asyncio.wait_for(reply(), 1.0)
        assert replied == [clock.now]  # no wait for the notification's place to free
        clock.now += 0.5  # the notification has left the window, the reply not yet
        assert limiter.budget("telegram", 8)[0] == 0
        clock.now += 0.5
        assert limiter.budget("telegram", 8)[0] == 1

    asyncio.run(scenario())


def test_replies_without_notifications_going_out_do_not_wait_but_count(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    """Answering many members at once is not held to the bulk limit; the outbox then waits."""
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=30)), clock)
    replied = []

    async def reply(chat: str) -> None:
        async with limiter.direct("telegram", "private", chat):
            replied.append(clock.now)

    async def scenario() -> None:
        await asyncio.wait_for(asyncio.gather(*(reply(str(n)) for n in range(100))), 1.0)
        assert len(replied) == 100 and set(replied) == {clock.now}  # none waited
        allowed, wait = limiter.budget("telegram", 8)
        assert allowed == 0 and wait > 0  # the window is theirs: notifications wait
        clock.now += 1.0
        assert limiter.budget("telegram", 8)[0] > 0

    asyncio.run(scenario())


def test_idle_chats_are_forgotten(make_settings: Callable[..., Settings], clock: Clock) -> None:
    """Per-chat state lives only as long as it matters (a window's length)."""
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    for n in range(5000):
        send(limiter, "telegram", "private", str(n))
        clock.now += 0.04
    clock.now += 10
    send(limiter, "telegram", "private", "last")
    assert limiter.tracked <= 3  # overall, and the last chat (and maybe one more)
