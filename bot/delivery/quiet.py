"""Quiet hours: when a member's notifications wait, and until when.

Messages that can wait (topic news, working-group updates, cooperation notices, plain
broadcasts) get the end of the member's window as their outbox not-before moment, so they
survive a restart and go out once; urgent ones go at once, silently during the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.delivery.quiet_window import DEFAULT_WINDOW, OFF_WORDS, QuietWindow

if TYPE_CHECKING:
    from bot.settings import Settings
    from storage import Store

__all__ = ["DEFAULT_WINDOW", "OFF_WORDS", "QuietHours", "QuietWindow"]


class QuietHours:
    """Each member's window (their own choice, else the network's default) in their zone."""

    def __init__(self, store: Store, default: QuietWindow | None, default_zone: str) -> None:
        self.store = store
        self.default = default
        self.default_zone = default_zone

    @classmethod
    def from_settings(cls, store: Store, settings: Settings) -> QuietHours:
        return cls(store, settings.quiet_window, settings.timezone)

    async def window_of(self, member_id: int) -> QuietWindow | None:
        choice = await self.store.quiet_hours.get(member_id)
        if choice is None:
            return self.default
        return QuietWindow.from_minutes(*choice[1]) if choice[0] else None

    async def held_until(self, member_ids: Iterable[int], now: datetime) -> dict[int, datetime]:
        """The members among ``member_ids`` who are in their quiet hours now, each with the
        moment those end (one query per 500 members)."""
        held: dict[int, datetime] = {}
        zones: dict[str, ZoneInfo] = {}
        for member_id, zone_name, choice in await self.store.quiet_hours.for_members(
            list(member_ids)
        ):
            if choice is None:
                window = self.default
            else:
                window = QuietWindow.from_minutes(*choice[1]) if choice[0] else None
            if window is None:
                continue
            name = zone_name or self.default_zone
            zone = zones.get(name)
            if zone is None:
                zone = zones[name] = ZoneInfo(name)
            until = window.until(now, zone)
            if until is not None:
                held[member_id] = until
        return held
