"""iCalendar (.ics) out and in, with the icalendar library.

Out: one event as a series (RRULE, EXDATE for cancelled dates, an extra VEVENT with
RECURRENCE-ID per moved date) in its local zone with a VTIMEZONE, so calendar apps keep
18:00 local across DST; and a feed of single occurrences. In: the VEVENTs of a calendar
(e.g. a network's website calendar) as :class:`ImportedEvent` for the import sync.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from pydantic import BaseModel, Field

from bot.calendar.recurrence import Occurrence
from storage.events import Event, Override

PRODID = "-//Knotenpunkt//Events//DE"
MIME_TYPE = "text/calendar"
FEED_REFRESH = timedelta(hours=1)  # how often calendar apps should fetch a feed again


class BadCalendar(ValueError):
    """The data is not an iCalendar file we can read."""


class ImportedEvent(BaseModel):
    uid: str
    title: str
    description: str = ""
    start: datetime
    end: datetime
    timezone: str
    location: str = ""
    url: str | None = None
    rrule: str | None = None
    cancelled: bool = False
    all_day: bool = False
    categories: list[str] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)


# out -----------------------------------------------------------------------------------


def _calendar(name: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def _add_time(vevent: icalendar.Event, name: str, moment: datetime, event: Event) -> None:
    """A time in the event's zone (with a VTIMEZONE), or a plain date for all-day events."""
    local = moment.astimezone(ZoneInfo(event.timezone))
    if event.all_day:
        vevent.add(name, local.date())
    else:
        vevent.add(name, local)


def _base(event: Event, uid: str, categories: list[str]) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", datetime.now(UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    if event.location or event.url:
        vevent.add("location", event.location or event.url)
    if event.url:
        vevent.add("url", event.url)
    if categories:
        vevent.add("categories", categories)
    return vevent


def event_ics(
    event: Event, overrides: dict[datetime, Override], categories: list[str] | None = None
) -> bytes:
    """The whole event (a series with its exceptions) as one .ics file to add."""
    zone = ZoneInfo(event.timezone)
    cal = _calendar()
    cal.add("method", "PUBLISH")  # a copy to keep, not an invitation to answer
    master = _base(event, event.uid, categories or [])
    _add_time(master, "dtstart", event.start, event)
    _add_time(master, "dtend", event.end, event)
    master.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.rrule:
        master.add("rrule", icalendar.vRecur.from_ical(event.rrule))
        cancelled = [k.astimezone(zone) for k, o in sorted(overrides.items()) if o.cancelled]
        if cancelled:
            master.add("exdate", [c.date() for c in cancelled] if event.all_day else cancelled)
    cal.add_component(master)
    if event.rrule:
        for key, override in sorted(overrides.items()):
            if override.cancelled or override.start is None:
                continue
            moved = _base(event, event.uid, categories or [])
            _add_time(moved, "recurrence-id", key, event)
            _add_time(moved, "dtstart", override.start, event)
            _add_time(moved, "dtend", override.end or override.start + event.duration, event)
            cal.add_component(moved)
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_ics(occs: list[Occurrence], name: str, categories: dict[int, list[str]]) -> bytes:
    """Single occurrences (a feed); a series' dates get UIDs of their own. The feed asks
    calendar apps to fetch it again every hour (REFRESH-INTERVAL, and Outlook's
    X-PUBLISHED-TTL), so a moved or cancelled date shows up the same day."""
    cal = _calendar(name)
    cal.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(FEED_REFRESH))
    for occ in occs:
        event = occ.event
        uid = event.uid
        if event.rrule:
            local, _, domain = event.uid.partition("@")
            stamp = occ.key.strftime("%Y%m%dT%H%M%SZ")
            uid = f"{local}-{stamp}@{domain}" if domain else f"{local}-{stamp}"
        vevent = _base(event, uid, categories.get(event.id, []))
        _add_time(vevent, "dtstart", occ.start, event)
        _add_time(vevent, "dtend", occ.end, event)
        vevent.add("status", "CANCELLED" if occ.cancelled else "CONFIRMED")
        cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal.to_ical()


# in ------------------------------------------------------------------------------------


def _zone_name(value: datetime, default: str) -> str:
    tz = value.tzinfo
    if tz is None:
        return default
    if isinstance(tz, ZoneInfo):
        return tz.key
    if value.utcoffset() == timedelta(0) and str(tz).upper() in ("UTC", "Z", "GMT"):
        return "UTC"
    try:
        return ZoneInfo(str(tz)).key
    except (ZoneInfoNotFoundError, ValueError):
        return default


def _moment(value: date | datetime, zone: str) -> datetime:
    """A DTSTART-like value as aware UTC: dates are local midnight, floating times local."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(UTC)


def _text(component: icalendar.cal.Component, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _dates(component: icalendar.cal.Component, name: str, zone: str) -> list[datetime]:
    value = component.get(name)
    if value is None:
        return []
    lists = value if isinstance(value, list) else [value]
    return [_moment(d.dt, zone) for item in lists for d in item.dts]


def _categories(component: icalendar.cal.Component) -> list[str]:
    value = component.get("CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(c).strip() for item in items for c in item.cats if str(c).strip()]


def _decoded_time(component: icalendar.cal.Component, name: str) -> date | datetime:
    value = component.decoded(name)
    if not isinstance(value, date):  # a datetime is a date too
        raise BadCalendar(f"{name} is not a date: {str(value)[:40]}")
    return value


def _vevent(vevent: icalendar.cal.Component, uid: str, default_zone: str) -> ImportedEvent:
    """One VEVENT; a moved or cancelled date (RECURRENCE-ID) comes back with one override."""
    raw_start = _decoded_time(vevent, "DTSTART")
    zone = _zone_name(raw_start, default_zone) if isinstance(raw_start, datetime) else None
    zone = zone or default_zone
    start = _moment(raw_start, zone)
    if vevent.get("DTEND") is not None:
        end = _moment(_decoded_time(vevent, "DTEND"), zone)
    elif vevent.get("DURATION") is not None:
        duration = vevent.decoded("DURATION")
        if not isinstance(duration, timedelta):
            raise BadCalendar(f"DURATION is not a duration: {str(duration)[:40]}")
        end = start + duration
    else:
        end = start + (timedelta(hours=1) if isinstance(raw_start, datetime) else timedelta(1))
    cancelled = _text(vevent, "STATUS").upper() == "CANCELLED"
    if vevent.get("RECURRENCE-ID") is not None:
        key = _moment(_decoded_time(vevent, "RECURRENCE-ID"), zone)
        override = Override(
            occurrence=key, cancelled=cancelled, start=None if cancelled else start, end=end
        )
        return ImportedEvent(
            uid=uid, title=uid, start=start, end=end, timezone=zone, overrides=[override]
        )
    rrule = vevent.get("RRULE")
    return ImportedEvent(
        uid=uid,
        title=_text(vevent, "SUMMARY") or uid,
        description=_text(vevent, "DESCRIPTION"),
        start=start,
        end=end,
        timezone=zone,
        location=_text(vevent, "LOCATION"),
        url=_text(vevent, "URL") or None,
        rrule=rrule.to_ical().decode() if rrule is not None else None,
        cancelled=cancelled,
        all_day=not isinstance(raw_start, datetime),
        categories=_categories(vevent),
        overrides=[
            Override(occurrence=d, cancelled=True, start=None, end=None)
            for d in _dates(vevent, "EXDATE", zone)
        ],
    )


def parse_calendar(
    data: bytes, default_zone: str, problems: dict[str, str] | None = None
) -> list[ImportedEvent]:
    """The events of a calendar; moved/cancelled dates are folded into their series.

    A VEVENT that cannot be read (no DTSTART, a DTSTART that is no date, ...) is left out
    and noted in ``problems`` by UID, so the import can skip it without taking it for
    removed. Data that is not iCalendar raises :class:`BadCalendar` with a reason that
    does not quote the content (it may be a login page or a private file).
    """
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise BadCalendar("it does not begin with BEGIN:VCALENDAR")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:  # the message quotes the content: never shown
        raise BadCalendar("it cannot be read as iCalendar") from exc
    masters: dict[str, ImportedEvent] = {}
    exceptions: list[tuple[str, Override]] = []
    for number, vevent in enumerate(cal.walk("VEVENT"), start=1):
        uid = _text(vevent, "UID")
        if not uid:
            if problems is not None:
                problems[f"VEVENT no. {number}"] = "no UID, so it cannot be kept in sync"
            continue
        if vevent.get("DTSTART") is None:
            if problems is not None:
                problems[uid] = "no DTSTART (no start date)"
            continue
        try:
            item = _vevent(vevent, uid, default_zone)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            if problems is not None:
                problems[uid] = str(exc)[:120] or type(exc).__name__
            continue
        if vevent.get("RECURRENCE-ID") is not None:
            exceptions.append((uid, item.overrides[0]))
        else:
            masters[uid] = item
    for uid, override in exceptions:
        master = masters.get(uid)
        if master is not None:
            master.overrides = [o for o in master.overrides if o.occurrence != override.occurrence]
            master.overrides.append(override)
    for master in masters.values():
        master.overrides.sort(key=lambda o: o.occurrence)
    return list(masters.values())
