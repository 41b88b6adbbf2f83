"""iCalendar (.ics) out, with the icalendar library (in: :mod:`bot.calendar.reading`).

One event as a series (RRULE, EXDATE for cancelled dates, an extra VEVENT with
RECURRENCE-ID per moved date) in its local zone with a VTIMEZONE, so calendar apps keep
18:00 local across DST; an imported event as the components its calendar had (so any
calendar app computes the same dates as the bot), with the bot's cancellations added; and
a feed of single occurrences.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from bot.calendar.expansion import is_series, prop
from bot.calendar.recurrence import Occurrence
from storage.events import Event, Override

PRODID = "-//Knotenpunkt//Events//DE"
MIME_TYPE = "text/calendar"
FEED_REFRESH = timedelta(hours=1)  # how often calendar apps should fetch a feed again


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
    if event.ical:
        return _imported_ics(event, overrides)
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
        if event.rrule or (event.ical and is_series(event.ical)):
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


def _as_written(key: datetime, like: date | datetime, event: Event) -> date | datetime:
    """An original start the way the series writes its dates: a day, a floating local
    time, or a time in UTC (which names the same moment in any zone)."""
    local = key.astimezone(ZoneInfo(event.timezone))
    if not isinstance(like, datetime):
        return local.date()
    if like.tzinfo is None:
        return local.replace(tzinfo=None)
    return key


def _imported_ics(event: Event, overrides: dict[datetime, Override]) -> bytes:
    """An imported event as its calendar had it, the bot's cancelled dates added: the main
    entry gets an EXDATE, a changed date whose series is gone is marked CANCELLED."""
    assert event.ical is not None
    source = icalendar.Calendar.from_ical(event.ical)
    cal = _calendar()
    cal.add("method", "PUBLISH")
    for zone in source.walk("VTIMEZONE"):
        cal.add_component(zone)
    vevents = source.walk("VEVENT")
    main = next((v for v in vevents if "RECURRENCE-ID" not in v), None)
    cancelled = sorted(k for k, o in overrides.items() if o.cancelled)
    for vevent in vevents:
        vevent.add("dtstamp", datetime.now(UTC))
        if event.cancelled:
            vevent.pop("STATUS", None)
            vevent.add("status", "CANCELLED")
        cal.add_component(vevent)
    if main is not None and cancelled:
        like = prop(main, "DTSTART").dt
        main.add("exdate", [_as_written(key, like, event) for key in cancelled])
    elif cancelled:
        for vevent in vevents:
            key = prop(vevent, "RECURRENCE-ID").dt
            if any(_as_written(k, key, event) == key for k in cancelled):
                vevent.pop("STATUS", None)
                vevent.add("status", "CANCELLED")
    cal.add_missing_timezones()
    return cal.to_ical()
