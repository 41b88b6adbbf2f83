"""Quiet hours: when a member's notifications wait, and until when.

A window is two local times in the member's zone; it may span midnight (21:00 to 07:00).
Messages that can wait (topic news, working-group updates, cooperation notices, plain
broadcasts) get the window's end as their outbox not-before moment, so they survive a
restart and go out once; urgent ones go at once, silently during the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # settings parse windows too: no import of the store at import time
    from bot.settings import Settings
    from storage import Store

_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
OFF_WORDS = ("off", "aus", "none", "")


@dataclass(frozen=True)
class QuietWindow:
    """From ``start`` to ``end`` local time (spanning midnight when ``end`` <= ``start``)."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> QuietWindow | None:
        """``"21:00-07:00"``; ``"off"`` is None. Raises ValueError on anything else."""
        if text.strip().lower() in OFF_WORDS:
            return None
        match = _WINDOW.match(text)
        if not match:
            raise ValueError(f"expected HH:MM-HH:MM or off, got {text!r}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(f"no such time in {text!r}")
        window = cls(time(h1, m1), time(h2, m2))
        if window.start == window.end:
            raise ValueError("quiet hours must not start and end at the same time")
        return window

    @classmethod
    def from_minutes(cls, start: int, end: int) -> QuietWindow:
        return cls(time(start // 60, start % 60), time(end // 60, end % 60))

    @property
    def minutes(self) -> tuple[int, int]:
        return (self.start.hour * 60 + self.start.minute, self.end.hour * 60 + self.end.minute)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def until(self, now: datetime, zone: ZoneInfo) -> datetime | None:
        """The moment (UTC-aware) the window that ``now`` lies in ends; None outside it.

        The end is taken as a wall-clock time on the right local day, so a DST change in
        the night still ends it at 07:00 local."""
        local = now.astimezone(zone)
        clock = local.time().replace(tzinfo=None)
        if self.start < self.end:
            inside = self.start <= clock < self.end
            end_day = local.date()
        else:
            inside = clock >= self.start or clock < self.end
            end_day = local.date() + timedelta(days=1) if clock >= self.start else local.date()
        if not inside:
            return None
        return datetime.combine(end_day, self.end, tzinfo=zone).astimezone(now.tzinfo)


DEFAULT_WINDOW = QuietWindow(time(21, 0), time(7, 0))


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
