"""Reading a calendar as Outlook, Google Calendar, Nextcloud or a website plug-in export it.

The file is split into series by UID: each becomes one :class:`ImportedEvent` that keeps
its components (the main VEVENT, its changed dates, the VTIMEZONEs they name) for
:mod:`bot.calendar.expansion` to compute the dates from. What the file says is read as
RFC 5545 means it: several VCALENDARs in one file, X-WR-TIMEZONE (Google) through
``x-wr-timezone``, Windows and home-made zones, several RRULEs, RDATE, zero-length events.

Nothing is dropped silently: a component that cannot be used is left out with a
:class:`Skip` that names it and says why, in words the staff can act on.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone
from pydantic import BaseModel, Field

from bot.calendar.expansion import prop
from bot.calendar.recurrence import MAX_OCCURRENCES
from bot.calendar.zones import zone_name
from bot.i18n import quoted

PRODID = "-//Knotenpunkt//Import//DE"
_DATE_PROPERTIES = ("DTSTART", "DTEND", "RECURRENCE-ID")
_LIST_PROPERTIES = ("EXDATE", "RDATE")


class BadCalendar(ValueError):
    """The data is not an iCalendar file we can read."""


@dataclass(frozen=True)
class Skip:
    """A component left out: which one (``subject``), and why (a catalog key and its
    parameters, so the reason is told in the reader's language)."""

    subject: str
    reason: str
    params: Mapping[str, object] = field(default_factory=dict)


class ImportedEvent(BaseModel):
    """One series (or single date) of the calendar, by UID, with its components."""

    uid: str
    title: str
    description: str = ""
    start: datetime
    end: datetime
    timezone: str
    location: str = ""
    url: str | None = None
    rrule: str | None = None  # the rule, to be told in words (when there is just one)
    cancelled: bool = False
    all_day: bool = False
    categories: list[str] = Field(default_factory=list)
    ical: str = ""  # the series' components as a small VCALENDAR


@dataclass
class CalendarRead:
    events: list[ImportedEvent] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # UIDs still there, but not usable


# the file ------------------------------------------------------------------------------


def _calendars(data: bytes) -> list[icalendar.Calendar]:
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        raise BadCalendar("it does not begin with BEGIN:VCALENDAR")
    try:
        found = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError) as exc:  # the message quotes the content
        raise BadCalendar("it cannot be read as iCalendar") from exc
    calendars = []
    for calendar in found:
        try:
            calendars.append(x_wr_timezone.to_standard(calendar))
        except (ValueError, KeyError) as exc:
            raise BadCalendar("its X-WR-TIMEZONE cannot be applied") from exc
    if not calendars:
        raise BadCalendar("it holds no VCALENDAR")
    return calendars


def read_calendar(
    data: bytes, default_zone: str, window: tuple[datetime, datetime]
) -> CalendarRead:
    """The series of ``data``; ``window`` is the span whose dates the bot will list (a
    series with more dates there than the bot keeps is left out, named).

    Data that is not iCalendar raises :class:`BadCalendar` with a reason that does not
    quote the content (it may be a login page or a private file).
    """
    calendars = _calendars(data)
    zones: dict[str, icalendar.cal.Component] = {}
    vevents: list[icalendar.cal.Component] = []
    for calendar in calendars:
        for zone in calendar.walk("VTIMEZONE"):
            zones.setdefault(str(zone.get("TZID", "")), zone)
        vevents += calendar.walk("VEVENT")
    read = CalendarRead()
    groups: dict[str, list[icalendar.cal.Component]] = defaultdict(list)
    for number, vevent in enumerate(vevents, start=1):
        subject = _subject(vevent, number)
        problem = _problem(vevent)
        uid = _text(vevent, "UID")
        if problem is not None:
            read.skipped.append(Skip(subject, *problem))
            if uid and "RECURRENCE-ID" not in vevent:
                read.unreadable.add(uid)
            continue
        if not uid:
            if "RECURRENCE-ID" in vevent:
                read.skipped.append(Skip(subject, "import.skip.change_without_uid"))
                continue
            uid = derived_uid(vevent)
            vevent["UID"] = uid
        groups[uid].append(vevent)
    for uid, components in groups.items():
        if uid in read.unreadable:
            read.skipped += [Skip(_subject(c), "import.skip.main_unreadable") for c in components]
            continue
        kept = _one_of_each(components, read.skipped)
        item = _series(uid, kept, zones, default_zone, window, read.skipped)
        if item is None:
            read.unreadable.add(uid)
        else:
            read.events.append(item)
    return read


# one component ---------------------------------------------------------------------------


def _text(component: icalendar.cal.Component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _subject(component: icalendar.cal.Component, number: int | None = None) -> str:
    """The component as the staff find it in their calendar: title, UID, changed date."""
    title = _text(component, "SUMMARY")[:60]
    uid = _text(component, "UID") or (f"VEVENT {number}" if number else "VEVENT")
    subject = f"{quoted(title)} ({uid})" if title else uid
    rid = component.get("RECURRENCE-ID")
    if rid is not None and isinstance(_value(rid), date):
        subject += f", RECURRENCE-ID {_shown(rid.dt)}"
    return subject


def _shown(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


def derived_uid(component: icalendar.cal.Component) -> str:
    """A stable key for an entry without UID: the same entry gives the same key on every
    import, so it is kept in sync like any other."""
    content = "\n".join(
        prop(component, name).to_ical().decode(errors="replace") if name in component else ""
        for name in ("DTSTART", "DTEND", "DURATION", "RRULE", "SUMMARY", "LOCATION")
    )
    return "import-" + hashlib.sha256(content.encode()).hexdigest()[:24]


def _value(prop: object) -> object:
    """A property's value, or None when icalendar could not read it (a broken one
    raises on every attribute)."""
    try:
        return prop.dt  # type: ignore[attr-defined]
    except Exception:
        return None


def _problem(vevent: icalendar.cal.Component) -> tuple[str, dict[str, object]] | None:
    """Why the component cannot be used (a catalog key and parameters), or None."""
    if "DTSTART" not in vevent:
        return "import.skip.no_start", {}
    for name in _DATE_PROPERTIES:
        if name in vevent and not isinstance(_value(vevent[name]), date):
            return "import.skip.bad_value", {"name": name}
    if "DURATION" in vevent and not isinstance(
        getattr(prop(vevent, "DURATION"), "dt", None), timedelta
    ):
        return "import.skip.bad_value", {"name": "DURATION"}
    for name in _LIST_PROPERTIES:
        value = vevent.get(name, [])
        for item in value if isinstance(value, list) else [value]:
            dts = getattr(item, "dts", None)
            if dts is None or not all(
                isinstance(getattr(d, "dt", None), date | tuple) for d in dts
            ):
                return "import.skip.bad_value", {"name": name}
    rules = vevent.get("RRULE", [])
    for rule in rules if isinstance(rules, list) else [rules]:
        if not isinstance(rule, icalendar.vRecur):
            return "import.skip.bad_value", {"name": "RRULE"}
    start = prop(vevent, "DTSTART").dt
    if "DTEND" in vevent and _before(prop(vevent, "DTEND").dt, start):
        return "import.skip.end_before_start", {}
    return None


def _before(end: date | datetime, start: date | datetime) -> bool:
    if isinstance(end, datetime) != isinstance(start, datetime):
        return False  # a date with a time: the library compares them by day
    if (
        isinstance(end, datetime)
        and isinstance(start, datetime)
        and (end.tzinfo is None) != (start.tzinfo is None)
    ):
        return False
    return end < start  # type: ignore[operator]


def _sequence(component: icalendar.cal.Component) -> int:
    try:
        return int(component.get("SEQUENCE", -1))
    except (TypeError, ValueError):
        return -1


def _rid(component: icalendar.cal.Component) -> object:
    value = prop(component, "RECURRENCE-ID").dt
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time())


def _one_of_each(
    components: list[icalendar.cal.Component], skipped: list[Skip]
) -> list[icalendar.cal.Component]:
    """One main entry and one change per date: the highest SEQUENCE wins (the first of
    equals), as calendar apps and the library decide; the others are named."""
    best: dict[object, icalendar.cal.Component] = {}
    for component in components:
        slot = _rid(component) if "RECURRENCE-ID" in component else None
        kept = best.get(slot)
        if kept is None:
            best[slot] = component
            continue
        if _sequence(component) > _sequence(kept):
            best[slot] = component
            kept, component = component, kept
        key = "import.skip.older_change" if slot is not None else "import.skip.duplicate"
        params = {"sequence": _sequence(component), "kept": _sequence(kept)}
        skipped.append(Skip(_subject(component), key, params))
    return list(best.values())


# one series ------------------------------------------------------------------------------


def _tzids(component: icalendar.cal.Component) -> set[str]:
    names = set()
    for value in component.values():
        for item in value if isinstance(value, list) else [value]:
            tzid = getattr(item, "params", {}).get("TZID")
            if tzid:
                names.add(str(tzid))
    return names


def _small_calendar(
    components: list[icalendar.cal.Component], zones: dict[str, icalendar.cal.Component]
) -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for tzid in sorted(set().union(*(_tzids(c) for c in components))):
        if tzid in zones:
            calendar.add_component(zones[tzid])
    for component in components:
        component.pop("DTSTAMP", None)  # a new stamp on every export is no change
        calendar.add_component(component)
    return calendar.to_ical().decode()


def _utc(value: date | datetime, zone: str) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(UTC)


def _end(component: icalendar.cal.Component) -> date | datetime:
    """DTEND, or DTSTART plus DURATION, or what RFC 5545 says without either: a day for a
    date, no time at all for a time."""
    start = prop(component, "DTSTART").dt
    if "DTEND" in component:
        return prop(component, "DTEND").dt
    if "DURATION" in component:
        return start + prop(component, "DURATION").dt
    return start + timedelta(days=1) if not isinstance(start, datetime) else start


def _categories(component: icalendar.cal.Component) -> list[str]:
    value = component.get("CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(c).strip() for item in items for c in getattr(item, "cats", []) if str(c).strip()]


def _rule_text(component: icalendar.cal.Component) -> str | None:
    rules = component.get("RRULE")
    if rules is None or isinstance(rules, list) or "RDATE" in component:
        return None  # several rules or extra dates: no one rule tells it in words
    return rules.to_ical().decode()


def _series(
    uid: str,
    components: list[icalendar.cal.Component],
    zones: dict[str, icalendar.cal.Component],
    default_zone: str,
    window: tuple[datetime, datetime],
    skipped: list[Skip],
) -> ImportedEvent | None:
    mains = [c for c in components if "RECURRENCE-ID" not in c]
    changes = sorted(
        (c for c in components if "RECURRENCE-ID" in c),
        key=lambda c: _utc(prop(c, "DTSTART").dt, "UTC"),
    )
    main = mains[0] if mains else changes[0]  # only changed dates: Google, series deleted
    try:
        ical = _small_calendar(components, zones)
        query = recurring_ical_events.of(icalendar.Calendar.from_ical(ical))
        count = sum(
            1 for _ in zip(query.between(*window), range(MAX_OCCURRENCES + 1), strict=False)
        )
    except Exception as exc:  # the library's reasons (a rule it cannot read, ...)
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        skipped.append(Skip(_subject(main), "import.skip.unexpandable", {"reason": reason}))
        return None
    if count > MAX_OCCURRENCES:
        skipped.append(Skip(_subject(main), "import.skip.too_many", {"max": MAX_OCCURRENCES}))
        return None
    raw_start = prop(main, "DTSTART").dt
    all_day = not isinstance(raw_start, datetime)
    zone = default_zone if all_day else zone_name(raw_start, default_zone)
    url = _text(main, "URL")
    statuses = {_text(c, "STATUS").upper() for c in (mains or changes)}
    return ImportedEvent(
        uid=uid,
        title=_text(main, "SUMMARY") or uid,
        description=_text(main, "DESCRIPTION"),
        start=_utc(raw_start, zone),
        end=_utc(_end(main), zone),
        timezone=zone,
        location=_text(main, "LOCATION"),
        url=url or None,
        rrule=_rule_text(main) if mains else None,
        cancelled=statuses == {"CANCELLED"},
        all_day=all_day,
        categories=_categories(main),
        ical=ical,
    )
