"""Calendar files as Outlook, Google Calendar and Nextcloud export them, written for the
tests relative to now (no test depends on today's date), and what recurring-ical-events
computes for them: the oracle the bot's dates are compared with."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone

BERLIN = ZoneInfo("Europe/Berlin")


def crlf(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def stamp(day: date, hour: int = 0, minute: int = 0) -> str:
    return f"{day:%Y%m%d}T{hour:02d}{minute:02d}00"


def utc_stamp(day: date, hour: int, zone: ZoneInfo = BERLIN) -> str:
    """Local ``hour`` on ``day`` in ``zone``, written in UTC (``…Z``) as Google does."""
    moment = datetime.combine(day, time(hour), tzinfo=zone).astimezone(UTC)
    return f"{moment:%Y%m%dT%H%M%S}Z"


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def next_clock_change(after: date, zone: ZoneInfo = BERLIN) -> date:
    """The first day after ``after`` on which the clocks change in ``zone``."""
    day = after
    while True:
        noon = datetime.combine(day, time(12), tzinfo=zone)
        if noon.utcoffset() != (noon + timedelta(days=1)).utcoffset():
            return day + timedelta(days=1)
        day += timedelta(days=1)


def base_day() -> date:
    """A Monday two weeks or so ahead: the calendars' dates start around it."""
    soon = datetime.now(BERLIN).date() + timedelta(days=10)
    return weekday_on_or_after(soon, 0)


# zones as the programs write them ------------------------------------------------------


def _vtimezone(tzid: str, std: str, dst: str | None, std_rule: str, dst_rule: str) -> list[str]:
    """A VTIMEZONE as Outlook writes it (rules from 1601); ``dst`` None: no summer time."""
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:STANDARD", "DTSTART:16011028T030000"]
    if dst is None:
        return [*lines, f"TZOFFSETFROM:{std}", f"TZOFFSETTO:{std}", "END:STANDARD",
                "END:VTIMEZONE"]  # fmt: skip
    return [
        *lines,
        f"RRULE:{std_rule}",
        f"TZOFFSETFROM:{dst}",
        f"TZOFFSETTO:{std}",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010325T020000",
        f"RRULE:{dst_rule}",
        f"TZOFFSETFROM:{std}",
        f"TZOFFSETTO:{dst}",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]


EU_STD, EU_DST = "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
US_STD, US_DST = "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"
W_EUROPE = _vtimezone("W. Europe Standard Time", "+0100", "+0200", EU_STD, EU_DST)
GMT = _vtimezone("GMT Standard Time", "+0000", "+0100", EU_STD, EU_DST)
EASTERN = _vtimezone("Eastern Standard Time", "-0500", "-0400", US_STD, US_DST)
HOME_MADE = _vtimezone("Mitteleuropäische Zeit", "+0100", "+0200", EU_STD, EU_DST)
KATHMANDU = _vtimezone("Büro Kathmandu", "+0545", None, "", "")


def vevent(uid: str | None, summary: str, *lines: str, stamp_line: bool = True) -> list[str]:
    head = ["BEGIN:VEVENT"]
    if uid is not None:
        head.append(f"UID:{uid}")
    if stamp_line:
        head.append(f"DTSTAMP:{datetime.now(UTC):%Y%m%dT%H%M%S}Z")
    return [*head, f"SUMMARY:{summary}", *lines, "END:VEVENT"]


# Outlook -----------------------------------------------------------------------------


def outlook() -> bytes:
    """Outlook 16: Windows zone names with their VTIMEZONEs, an all-day series whose
    changed dates carry a timed RECURRENCE-ID in "GMT Standard Time", Eastern time."""
    base = base_day()
    tue = base + timedelta(days=1)
    change = next_clock_change(base + timedelta(days=7))
    first_all_day = change - timedelta(days=15)  # weekly all-day dates across the change
    moved = [first_all_day + timedelta(weeks=n) for n in (2, 3)]
    ms = ["CLASS:PUBLIC", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "PRIORITY:5", "TRANSP:OPAQUE"]
    wet = "TZID=W. Europe Standard Time"
    events = [
        *vevent(
            "040000008200E00074C5B7101A82E00800000000A0B1@outlook",
            "KI-Stammtisch",
            f"DTSTART;{wet}:{stamp(tue, 18)}",
            f"DTEND;{wet}:{stamp(tue, 20)}",
            "RRULE:FREQ=WEEKLY;COUNT=30;BYDAY=TU",
            f"EXDATE;{wet}:{stamp(tue + timedelta(weeks=2), 18)}",
            "LOCATION:Siegen",
            *ms,
        ),
        *vevent(
            "040000008200E00074C5B7101A82E00800000000A0B1@outlook",
            "KI-Stammtisch (verschoben)",
            f"RECURRENCE-ID;{wet}:{stamp(tue + timedelta(weeks=4), 18)}",
            f"DTSTART;{wet}:{stamp(tue + timedelta(weeks=4, days=2), 19)}",
            f"DTEND;{wet}:{stamp(tue + timedelta(weeks=4, days=2), 21)}",
            *ms,
        ),
        *vevent(
            "040000008200E00074C5B7101A82E00800000000C3D4@outlook",
            "Messe-Woche",
            f"DTSTART;VALUE=DATE:{first_all_day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{first_all_day + timedelta(days=1):%Y%m%d}",
            "RRULE:FREQ=WEEKLY;COUNT=6",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            *ms,
        ),
    ]
    for day in moved:
        events += vevent(
            "040000008200E00074C5B7101A82E00800000000C3D4@outlook",
            "Messe-Woche",
            f"RECURRENCE-ID;TZID=GMT Standard Time:{stamp(day)}",
            f"DTSTART;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=3):%Y%m%d}",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
            *ms,
        )
    est = "TZID=Eastern Standard Time"
    events += vevent(
        "040000008200E00074C5B7101A82E00800000000E5F6@outlook",
        "Webinar USA",
        f"DTSTART;{est}:{stamp(base + timedelta(days=3), 10)}",
        f"DTEND;{est}:{stamp(base + timedelta(days=3), 11)}",
        "RRULE:FREQ=MONTHLY;COUNT=8;BYDAY=1TH",
        *ms,
    )
    head = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "VERSION:2.0", "METHOD:PUBLISH", "X-WR-CALNAME:Netzwerk"]  # fmt: skip
    return crlf([*head, *W_EUROPE, *GMT, *EASTERN, *events, "END:VCALENDAR"])


OUTLOOK_ALL_DAY = "040000008200E00074C5B7101A82E00800000000C3D4@outlook"
OUTLOOK_EASTERN = "040000008200E00074C5B7101A82E00800000000E5F6@outlook"


# Google --------------------------------------------------------------------------------


def google() -> bytes:
    """Google Calendar: X-WR-TIMEZONE with times in UTC, zero-length dates, a changed date
    deleted later (a newer SEQUENCE with an EXDATE), a changed date whose series is gone,
    a DTSTART that does not fit its rule."""
    base = base_day()
    wed = base + timedelta(days=2)
    g = ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "CREATED:20250101T000000Z"]
    berlin = "TZID=Europe/Berlin"
    events = [
        # a weekly series written in UTC: only X-WR-TIMEZONE keeps it at 17:00 local
        *vevent(
            "utc-serie@google.com",
            "Online-Sprechstunde",
            f"DTSTART:{utc_stamp(wed, 17)}",
            f"DTEND:{utc_stamp(wed, 18)}",
            "RRULE:FREQ=WEEKLY;BYDAY=WE",
            "SEQUENCE:0",
            *g,
        ),
        # zero length: a deadline, as Google exports it
        *vevent(
            "frist@google.com",
            "Abgabefrist Förderantrag",
            f"DTSTART;{berlin}:{stamp(base, 9)}",
            f"DTEND;{berlin}:{stamp(base, 9)}",
            "RRULE:FREQ=WEEKLY;COUNT=6",
            *g,
        ),
        # changed on the 2nd date, then that date was deleted: SEQUENCE 3 with EXDATE
        *vevent(
            "sequenz@google.com",
            "Werkstattgespräch",
            f"DTSTART;{berlin}:{stamp(base, 14)}",
            f"DTEND;{berlin}:{stamp(base, 16)}",
            "RRULE:FREQ=WEEKLY;COUNT=5",
            f"EXDATE;{berlin}:{stamp(base + timedelta(weeks=1), 14)}",
            "SEQUENCE:3",
            *g,
        ),
        *vevent(
            "sequenz@google.com",
            "Werkstattgespräch",
            f"RECURRENCE-ID;{berlin}:{stamp(base + timedelta(weeks=1), 14)}",
            f"DTSTART;{berlin}:{stamp(base + timedelta(weeks=1, days=1), 15)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(weeks=1, days=1), 17)}",
            "SEQUENCE:1",
            *g,
        ),
        # the series was deleted, one changed date is still exported
        *vevent(
            "geloescht@google.com",
            "Sonderrunde Wasserstoff",
            f"RECURRENCE-ID;{berlin}:{stamp(base + timedelta(weeks=3), 10)}",
            f"DTSTART;{berlin}:{stamp(base + timedelta(weeks=3, days=1), 11)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(weeks=3, days=1), 12)}",
            "SEQUENCE:2",
            *g,
        ),
        # starts on a Wednesday, the rule says Tuesdays: the Wednesday is a date too
        *vevent(
            "schief@google.com",
            "Netzwerktreffen",
            f"DTSTART;{berlin}:{stamp(wed, 18)}",
            f"DTEND;{berlin}:{stamp(wed, 20)}",
            "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4",
            *g,
        ),
    ]
    head = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Netzwerk",
            "X-WR-TIMEZONE:Europe/Berlin"]  # fmt: skip
    return crlf([*head, *events, "END:VCALENDAR"])


# Nextcloud -----------------------------------------------------------------------------


def nextcloud() -> bytes:
    """Nextcloud (Sabre/DAV): two VCALENDAR objects in one file, RDATE, a change to "this
    and all following dates" (from Thunderbird), two RRULE lines, the same UID twice,
    entries without UID, zones of their own, a floating time."""
    base = base_day()
    berlin = "TZID=Europe/Berlin"
    thu = base + timedelta(days=3)
    first = [
        *vevent(
            "rdate@nextcloud",
            "Innovationsforum",
            f"DTSTART;{berlin}:{stamp(thu, 16)}",
            f"DTEND;{berlin}:{stamp(thu, 18)}",
            "RRULE:FREQ=MONTHLY;COUNT=4",
            f"RDATE;{berlin}:{stamp(thu + timedelta(days=12), 10)},"
            f"{stamp(thu + timedelta(days=40), 9)}",
        ),
        *vevent(
            "zwei-regeln@nextcloud",
            "Sprechtag",
            f"DTSTART;{berlin}:{stamp(base, 8)}",
            f"DTEND;{berlin}:{stamp(base, 9)}",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "RRULE:FREQ=MONTHLY;COUNT=3;BYMONTHDAY=20",
        ),
        *vevent(
            "doppelt@nextcloud",
            "Beiratssitzung (alt)",
            f"DTSTART;{berlin}:{stamp(base + timedelta(days=4), 13)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(days=4), 15)}",
            "SEQUENCE:0",
        ),
        *vevent(
            "doppelt@nextcloud",
            "Beiratssitzung",
            f"DTSTART;{berlin}:{stamp(base + timedelta(days=5), 13)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(days=5), 15)}",
            "SEQUENCE:1",
        ),
        *vevent(
            None,
            "Ohne UID: Firmenbesuch",
            f"DTSTART;{berlin}:{stamp(base + timedelta(days=8), 10)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(days=8), 12)}",
        ),
        *vevent(
            None,
            "Ohne UID: Laborführung",
            f"DTSTART;{berlin}:{stamp(base + timedelta(days=9), 10)}",
            f"DTEND;{berlin}:{stamp(base + timedelta(days=9), 12)}",
        ),
        *vevent(
            "eigene-zone@nextcloud",
            "Digitalisierungstag",
            f"DTSTART;TZID=Mitteleuropäische Zeit:{stamp(base + timedelta(days=2), 9)}",
            f"DTEND;TZID=Mitteleuropäische Zeit:{stamp(base + timedelta(days=2), 17)}",
            "RRULE:FREQ=MONTHLY;COUNT=9",
        ),
        *vevent(
            "kathmandu@nextcloud",
            "Partnercall Nepal",
            f"DTSTART;TZID=Büro Kathmandu:{stamp(base + timedelta(days=1), 15)}",
            f"DTEND;TZID=Büro Kathmandu:{stamp(base + timedelta(days=1), 16)}",
        ),
        *vevent(
            "schwebend@nextcloud",
            "Frühstück (ohne Zone)",
            f"DTSTART:{stamp(base + timedelta(days=6), 8)}",
            f"DTEND:{stamp(base + timedelta(days=6), 9)}",
        ),
    ]
    weekly = base + timedelta(days=1)
    split = weekly + timedelta(weeks=4)
    second = [
        *vevent(
            "ab-jetzt@thunderbird",
            "Arbeitskreis Wasserstoff",
            f"DTSTART;{berlin}:{stamp(weekly, 18)}",
            f"DTEND;{berlin}:{stamp(weekly, 19)}",
            "RRULE:FREQ=WEEKLY;COUNT=12",
        ),
        *vevent(
            "ab-jetzt@thunderbird",
            "Arbeitskreis Wasserstoff",
            f"RECURRENCE-ID;RANGE=THISANDFUTURE;{berlin}:{stamp(split, 18)}",
            f"DTSTART;{berlin}:{stamp(split, 19, 30)}",
            f"DTEND;{berlin}:{stamp(split, 21)}",
            "SEQUENCE:1",
        ),
    ]
    head = ["BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//IDN nextcloud.com//Calendar app 4.7.0//EN", "CALSCALE:GREGORIAN"]  # fmt: skip
    other = ["BEGIN:VCALENDAR", "VERSION:2.0",
             "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN"]  # fmt: skip
    return crlf(
        [*head, *HOME_MADE, *KATHMANDU, *first, "END:VCALENDAR", *other, *second, "END:VCALENDAR"]
    )


# the oracle ----------------------------------------------------------------------------

Dated = tuple[str, datetime, datetime]  # UID, start, end (UTC)


def _utc(value: date | datetime, zone: ZoneInfo) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=zone).astimezone(UTC)
    return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)


def library_dates(data: bytes, zone: ZoneInfo, start: datetime, end: datetime) -> set[Dated]:
    """What recurring-ical-events lists for the file: dates not cancelled whose start
    lies in ``[start, end)``; an entry without UID is named ``no-uid:SUMMARY``."""
    found: set[Dated] = set()
    for calendar in icalendar.Calendar.from_ical(data, multiple=True):
        calendar = x_wr_timezone.to_standard(calendar)
        for vevent in calendar.walk("VEVENT"):
            if "UID" not in vevent:
                vevent["UID"] = f"no-uid:{vevent['SUMMARY']}"
        query = recurring_ical_events.of(calendar)
        for item in query.between(start - timedelta(days=1), end + timedelta(days=1)):
            if str(item.get("STATUS", "")).upper() == "CANCELLED":
                continue
            begin = _utc(item["DTSTART"].dt, zone)
            finish = _utc(item["DTEND"].dt, zone) if "DTEND" in item else begin
            if start <= begin < end:
                found.add((str(item["UID"]), begin, finish))
    return found
