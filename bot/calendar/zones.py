"""The IANA name of the zone an imported time is in.

Calendars name zones three ways: by IANA name (``Europe/Berlin``), by Windows name
(Outlook: ``W. Europe Standard Time``, mapped with icalendar's table), or by a VTIMEZONE
of their own under any name (``Mitteleuropäische Zeit``): that one is matched to the IANA
zone whose offsets agree around the date, the network's zone first. Only a time without
any zone is taken to be in the network's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from icalendar.timezone import tzid_from_dt
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

_PROBES = (timedelta(0), timedelta(days=91), timedelta(days=182), timedelta(days=273))


def zone_name(value: datetime, default: str) -> str:
    """The IANA name of ``value``'s zone; ``default`` for a floating time."""
    tz = value.tzinfo
    if tz is None:
        return default
    if isinstance(tz, ZoneInfo):
        return tz.key
    tzid = (tzid_from_dt(value) or "").strip('"')
    known = WINDOWS_TO_OLSON.get(tzid) or _iana(tzid)
    if known:
        return known
    return _matching_zone(tz, value.replace(tzinfo=None), default)


def _iana(name: str) -> str | None:
    if not name:
        return None
    if name.upper() in ("UTC", "Z", "GMT", "ETC/UTC"):
        return "UTC"
    try:
        return ZoneInfo(name).key
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _offsets(tz: tzinfo, local: datetime) -> tuple[timedelta | None, ...]:
    return tuple((local + probe).replace(tzinfo=tz).utcoffset() for probe in _PROBES)


def _matching_zone(tz: tzinfo, local: datetime, default: str) -> str:
    """A zone of its own: the IANA zone with the same offsets over the year around it."""
    wanted = _offsets(tz, local)
    for name in (default, *_all_zones()):
        if _offsets(ZoneInfo(name), local) == wanted:
            return name
    return default


@lru_cache(maxsize=1)
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))
