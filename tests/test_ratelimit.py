"""Token buckets with a fake clock: Telegram overall, per chat, per group; Slack per channel."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.delivery.ratelimit import RateLimiter, limits_from_settings
from bot.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _sent_in_one_second(limiter: RateLimiter, clock: Clock, chats: list[tuple[str, str]]) -> int:
    """How many sends the limiter allows within one simulated second, 1 ms apart."""
    sent = 0
    for step in range(1000):
        clock.now += 0.001 if step else 0
        for kind, chat in chats:
            if limiter.acquire("telegram", kind, chat) == 0.0:
                sent += 1
    return sent


def test_private_chat_gets_one_per_second(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    assert limiter.acquire("telegram", "private", "1") == 0.0
    wait = limiter.acquire("telegram", "private", "1")
    assert wait == pytest.approx(1.0)
    assert limiter.acquire("telegram", "private", "2") == 0.0  # another chat is free
    clock.now += 1.0
    assert limiter.acquire("telegram", "private", "1") == 0.0


def test_overall_telegram_rate_caps_many_chats(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(telegram_rate=30)), clock)
    chats = [("private", str(i)) for i in range(100)]
    # A burst of 30, then 30/s: at most about 60 within the first second.
    sent = _sent_in_one_second(limiter, clock, chats)
    assert 55 <= sent <= 61


def test_group_gets_twenty_per_minute(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    sent = 0
    for _ in range(600):  # one minute in 0.1 s steps
        if limiter.acquire("telegram", "group", "-100") == 0.0:
            sent += 1
        clock.now += 0.1
    assert 20 <= sent <= 21


def test_settings_change_the_rates(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings(slack_rate=2)), clock)
    assert limiter.acquire("slack", "group", "C1") == 0.0
    assert limiter.acquire("slack", "group", "C1") == pytest.approx(0.5)


def test_pause_blocks_the_platform_only(
    make_settings: Callable[..., Settings], clock: Clock
) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    limiter.pause("telegram", 5)
    assert limiter.acquire("telegram", "private", "1") == pytest.approx(5)
    assert limiter.acquire("slack", "group", "C1") == 0.0
    clock.now += 5
    assert limiter.acquire("telegram", "private", "1") == 0.0


def test_console_is_unlimited(make_settings: Callable[..., Settings], clock: Clock) -> None:
    limiter = RateLimiter(limits_from_settings(make_settings()), clock)
    assert all(limiter.acquire("console", "private", "a") == 0.0 for _ in range(100))
