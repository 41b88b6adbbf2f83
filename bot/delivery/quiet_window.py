"""A quiet-hours window: two local times, possibly spanning midnight (21:00 to 07:00).

Its own module without imports of the settings, which parse the network's default with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

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
