"""Dates, times, ends and durations as members type them, in German and English.

Why a small grammar of our own rather than a library: dateparser 1.5 misreads silently
(``morgen 18 Uhr`` as 12:00, ``Donnerstag 18 Uhr`` as 18 December); ctparse reads the
examples but makes a moment out of ``kein Datum`` unless guarded, and has had no release
since 2022. What members type is a short list of forms, so they are written down here, each
one explicitly, and the whole text must be one of them: anything else is refused with the
forms that are accepted, never guessed.

Accepted (case, umlauts/``ue`` and invisible characters do not matter; both languages are
read whatever the member's language, since German members type ``tomorrow 6pm`` and English
ones ``1.4.``):

- a day: ``1.4.``, ``1.4.2027``, ``01.04.27``, ``2027-04-01``, ``1. April [2027]``,
  ``1 Apr 2027``, ``April 1[, 2027]``, ``heute``/``morgen``/``übermorgen``,
  ``today``/``tomorrow``, ``Donnerstag``/``Do.``/``Thursday``, ``nächsten Montag``/
  ``next Monday``; ``am``/``on`` before it and a weekday before a written date
  (``Do., 01.04.2027``, the bot's own display format), which must then be that date's;
- a time: ``18:30``, ``18.30``, ``18 Uhr``, ``18 Uhr 30``, ``18:30 Uhr``, ``6pm``,
  ``6:30 p.m.``; ``um``/``at`` before it;
- a date-time: a day and a time in either order, with or without a comma;
- an end after a start: a time (that day), ``bis 20 Uhr``, a date-time, a duration
  (``2 Stunden``, ``90 min``, ``1h30``, ``1,5 h``, ``2 hours``);
- a start typed with its end: ``01.04.2027 18:30–20:00``, ``1.4. 18:30 bis 20 Uhr``,
  ``1.4. 18–20 Uhr``, ``tomorrow 6–8pm``.

How days are chosen: a day without a year is the next such day from today in the zone
(today counts while the typed moment is still ahead); two-digit years are 20xx; weekdays
and ``heute``/``morgen``/``übermorgen`` count from today in the zone; ``nächsten Montag``
is the next Monday after today. A year written out is taken as written, even in the past:
whether a moment is acceptable (in the future, not too far) is the caller's to say.

Wall times become moments in the zone as RFC 5545 reads them: a time that occurs twice
(the last night of summer time) is its first occurrence; a time that does not exist (the
hour skipped when summer time starts) is refused, since no one means it. Results are
aware UTC datetimes, as the store keeps them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as _babel_datetime

from bot.router import Invalid

MAX_TEXT = 80  # longer than any date anyone types: refused before any matching
MAX_DURATION = timedelta(days=366)  # beyond this a typed duration is surely a typo
SHOWN = 40  # how much of the refused text a message quotes
_YEARS_AHEAD = 8  # enough for the next 29 February
YEARS = range(1900, 3000)  # a year outside is a typo (and 0001 cannot be moved to UTC)

WEEKDAYS = {
    **dict.fromkeys(("montag", "mo", "monday", "mon"), 0),
    **dict.fromkeys(("dienstag", "di", "tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("mittwoch", "mi", "wednesday", "wed"), 2),
    **dict.fromkeys(("donnerstag", "do", "thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("freitag", "fr", "friday", "fri"), 4),
    **dict.fromkeys(("samstag", "sonnabend", "sa", "saturday", "sat"), 5),
    **dict.fromkeys(("sonntag", "so", "sunday", "sun"), 6),
}
MONTHS = {
    **dict.fromkeys(("januar", "jänner", "jaenner", "january", "jan"), 1),
    **dict.fromkeys(("februar", "february", "feb"), 2),
    **dict.fromkeys(("märz", "maerz", "mär", "mrz", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("dezember", "december", "dez", "dec"), 12),
}
RELATIVE_DAYS = {
    **dict.fromkeys(("heute", "today"), 0),
    **dict.fromkeys(("morgen", "tomorrow"), 1),
    **dict.fromkeys(("übermorgen", "uebermorgen", "day after tomorrow"), 2),
    "the day after tomorrow": 2,
}
_NEXT_WORDS = [
    "nächsten",
    "nächster",
    "nächste",
    "naechsten",
    "naechster",
    "naechste",
    "kommenden",
    "kommender",
    "kommende",
    "next",
    "coming",
]
_LONGEST_DAY = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_END_OF_WORD = r"(?![\w])"
_WD = rf"(?P<wd>{_alternatives(WEEKDAYS)})\.?{_END_OF_WORD}"
_MON = rf"(?P<mon>{_alternatives(MONTHS)})\.?{_END_OF_WORD}"
_YEAR4 = r"(?P<y>[0-9]{4})(?![0-9])"

_ON = re.compile(r"(?:am|on)\s+")
_WEEKDAY_BEFORE_DATE = re.compile(rf"{_WD}\s*,?\s*(?:(?:den|dem)\s+)?")
_DAY_FORMS = (
    re.compile(r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?:(?P<y>[0-9]{4}|[0-9]{2})(?![0-9]))?"),
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"),
    re.compile(rf"(?P<d>[0-9]{{1,2}})(?:\.|st|nd|rd|th)?\s*{_MON}(?:\s*,?\s*{_YEAR4})?"),
    re.compile(rf"{_MON}\s*(?P<d>[0-9]{{1,2}})(?:\.|st|nd|rd|th)?(?![0-9])(?:\s*,?\s*{_YEAR4})?"),
)
_RELATIVE = re.compile(rf"(?P<rel>{_alternatives(RELATIVE_DAYS)}){_END_OF_WORD}")
_WEEKDAY = re.compile(rf"(?:(?P<next>{_alternatives(_NEXT_WORDS)})\s+|this\s+)?{_WD}")

_MERIDIEM = r"(?P<ap>[ap])\.?\s?m\.?(?![\w])"
_AT = re.compile(r"(?:um|at|ab|von|from)\s+")
_TIME_FORMS = (
    re.compile(
        rf"(?P<h>[0-9]{{1,2}})[:.](?P<mi>[0-9]{{2}})(?::(?P<s>[0-9]{{2}}))?"  # seconds: ISO
        rf"(?:\s*{_MERIDIEM}|\s*(?P<uhr>uhr){_END_OF_WORD})?"
    ),
    re.compile(rf"(?P<h>[0-9]{{1,2}})\s*{_MERIDIEM}"),
    re.compile(
        rf"(?P<h>[0-9]{{1,2}})\s*(?P<uhr>uhr){_END_OF_WORD}(?:\s+(?P<mi>[0-9]{{2}})(?![0-9]))?"
    ),
)
_BARE_HOUR = re.compile(r"(?:.*\s)?[0-9]{1,2}")  # "1.4. 18" before "–20 Uhr"
_BETWEEN = re.compile(r"\s*,\s*|\s+|(?<=[0-9])t(?=[0-9])")  # ISO's T too
_RANGE_MARK = re.compile(r"\s*(?:–|-)\s*|\s+(?:bis|until|till|to)\s+")
_UNTIL = re.compile(r"(?:–|-|(?:bis|until|till|to)(?![\w]))\s*")

_AMOUNT = (
    r"(?:(?P<n>[0-9]+(?:[.,][0-9]+)?)|(?P<n_word>eine|einer|ein|one|an|a|anderthalb|eineinhalb)\s)"
)
_DURATION_FORMS = (
    re.compile(
        rf"{_AMOUNT}\s*(?P<unit>stunden|stunde|std|hours|hour|hrs|hr|h)\.?"
        r"(?:\s*(?:und|and)?\s*(?P<mi>[0-9]{1,3})\s*(?:minuten|minute|minutes|mins|min|m)?\.?)?"
    ),
    re.compile(rf"{_AMOUNT}\s*(?P<unit>minuten|minute|minutes|mins|min|m)\.?"),
    re.compile(rf"{_AMOUNT}\s*(?P<unit>tage|tag|days|day)"),
)
_WORD_AMOUNTS: dict[str, float] = {"eine": 1, "einer": 1, "ein": 1, "one": 1, "an": 1, "a": 1}
_WORD_AMOUNTS |= {"anderthalb": 1.5, "eineinhalb": 1.5}
_UNIT_LENGTH = {
    **dict.fromkeys(("stunden", "stunde", "std", "hours", "hour", "hrs", "hr", "h"), 3600),
    **dict.fromkeys(("minuten", "minute", "minutes", "mins", "min", "m"), 60),
    **dict.fromkeys(("tage", "tag", "days", "day"), 86400),
}
_CLOCK_DURATION = re.compile(r"(?P<h>[0-9]{1,3}):(?P<mi>[0-9]{2})")
_PLAIN_MINUTES = re.compile(r"[0-9]{1,4}")
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


class Span(NamedTuple):
    """A start, and the end when it was typed with it."""

    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class _Day:
    """A day as written, before it is placed in the calendar."""

    written: str
    day: int | None = None  # a written date: day, month, year (None: the next one)
    month: int | None = None
    year: int | None = None
    offset: int | None = None  # heute/morgen/übermorgen
    weekday: int | None = None  # a weekday alone ...
    after_today: bool = False  # ... "nächsten": not today
    check_weekday: int | None = None  # "Do., 01.04.2027": the date must be a Thursday


@dataclass(frozen=True)
class _Clock:
    hour: int
    minute: int
    meridiem: str | None  # "a", "p" or None
    uhr: bool
    second: int = 0


# the text --------------------------------------------------------------------------------


def _normal(text: str) -> str:
    """NFKC, without invisible format characters, case-folded, dashes as ``–``, one space."""
    value = unicodedata.normalize("NFKC", text)
    value = "".join(c for c in value if unicodedata.category(c) != "Cf")
    value = _DASHES.sub("–", value.casefold())
    return " ".join(value.split())


def _shown(text: str) -> str:
    return " ".join(text.split())[:SHOWN]


def _refuse(key: str, text: str, **params: object) -> Invalid:
    return Invalid(key, {"value": _shown(text), **params})


def _checked(text: str, key: str) -> str:
    value = _normal(text)
    if not value or len(value) > MAX_TEXT:
        raise _refuse(key, text)
    return value


# pieces of the grammar ------------------------------------------------------------------


def _days_at(text: str, pos: int) -> Iterator[tuple[_Day, int]]:
    """Every way a day can be read from ``pos`` on, with where it ends."""
    if on := _ON.match(text, pos):
        yield from _days_at(text, on.end())
    check: int | None = None
    starts: list[tuple[int, int | None]] = [(pos, None)]
    if prefix := _WEEKDAY_BEFORE_DATE.match(text, pos):
        check = WEEKDAYS[prefix.group("wd")]
        starts.append((prefix.end(), check))
    for start, check in starts:
        for form in _DAY_FORMS:
            if found := form.match(text, start):
                groups = found.groupdict()
                month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mon"]]
                year = groups["y"]
                day = _Day(
                    written=text[pos if check is not None else start : found.end()],
                    day=int(groups["d"]),
                    month=month,
                    year=None if year is None else int(year) + (2000 if len(year) == 2 else 0),
                    check_weekday=check,
                )
                yield day, found.end()
    if found := _RELATIVE.match(text, pos):
        yield _Day(found.group(0), offset=RELATIVE_DAYS[found.group("rel")]), found.end()
    if found := _WEEKDAY.match(text, pos):
        weekday = WEEKDAYS[found.group("wd")]
        yield (
            _Day(found.group(0), weekday=weekday, after_today=bool(found.group("next"))),
            found.end(),
        )


def _clock_at(text: str, pos: int) -> tuple[_Clock, int] | None:
    if at := _AT.match(text, pos):
        pos = at.end()
    for form in _TIME_FORMS:
        if found := form.match(text, pos):
            groups = found.groupdict()
            clock = _Clock(
                int(groups["h"]),
                int(groups.get("mi") or 0),
                groups.get("ap"),
                bool(groups.get("uhr")),
                int(groups.get("s") or 0),
            )
            return clock, found.end()
    return None


def _whole_day(text: str) -> _Day | None:
    return next((day for day, end in _days_at(text, 0) if end == len(text)), None)


def _whole_clock(text: str) -> _Clock | None:
    found = _clock_at(text, 0)
    return found[0] if found and found[1] == len(text) else None


def _whole_date_time(text: str) -> tuple[_Day, _Clock] | None:
    """A day then a time, or a time then a day, covering the whole text."""
    for day, end in _days_at(text, 0):
        between = _BETWEEN.match(text, end)
        clock = _clock_at(text, between.end()) if between else None
        if clock is not None and clock[1] == len(text):
            return day, clock[0]
    if (clock := _clock_at(text, 0)) and (between := _BETWEEN.match(text, clock[1])):
        for day, end in _days_at(text, between.end()):
            if end == len(text):
                return day, clock[0]
    return None


# placing it in the calendar ----------------------------------------------------------------


def _time_of(clock: _Clock, text: str, key: str) -> time:
    hour = clock.hour
    if clock.meridiem is not None:
        if not 1 <= hour <= 12:
            raise _refuse(key, text)
        hour = hour % 12 + (12 if clock.meridiem == "p" else 0)
    if hour > 23 or clock.minute > 59 or clock.second > 59:
        raise _refuse(key, text)
    return time(hour, clock.minute, clock.second)


def _day_of(spec: _Day, at: time | None, now: datetime, zone: ZoneInfo) -> date:
    """The calendar day ``spec`` names, seen from ``now``; ``at`` is the typed time, if
    any (a day without a year, or a weekday, is today only while that time is ahead)."""
    local_now = now.astimezone(zone).replace(tzinfo=None)
    today = local_now.date()

    def ahead(day: date) -> bool:
        return day > today or (
            day == today and (at is None or datetime.combine(day, at) >= local_now)
        )

    if spec.offset is not None:
        return today + timedelta(days=spec.offset)
    if spec.weekday is not None:
        days = (spec.weekday - today.weekday()) % 7
        if days == 0 and (spec.after_today or not ahead(today)):
            days = 7
        return today + timedelta(days=days)
    assert spec.day is not None and spec.month is not None
    if spec.year is not None:
        try:
            if spec.year not in YEARS:
                raise ValueError(spec.year)
            found = date(spec.year, spec.month, spec.day)
        except ValueError:
            raise _refuse("dates.no_such_date", spec.written) from None
    else:
        if not 1 <= spec.month <= 12 or not 1 <= spec.day <= _LONGEST_DAY[spec.month]:
            raise _refuse("dates.no_such_date", spec.written)
        found = next(
            candidate
            for year in range(today.year, today.year + _YEARS_AHEAD + 1)
            if (candidate := _date_or_none(year, spec.month, spec.day)) and ahead(candidate)
        )
    if spec.check_weekday is not None and found.weekday() != spec.check_weekday:
        raise _refuse("dates.wrong_weekday", spec.written)
    return found


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _moment(local: datetime, zone: ZoneInfo, text: str) -> datetime:
    """A wall time in ``zone`` as a UTC moment: the first of two, none of none."""
    moment = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local:
        raise _refuse("dates.skipped_time", text, zone=zone.key)
    return moment


# what callers use ---------------------------------------------------------------------------


def parse_date(text: str, now: datetime, zone: ZoneInfo) -> date:
    """A calendar day (``31.1.``, ``31.01.27``, ``morgen``, ``Freitag``, ``2027-01-31``)."""
    value = _checked(text, "dates.bad_date")
    spec = _whole_day(value)
    if spec is None:
        raise _refuse("dates.bad_date", text)
    return _day_of(spec, None, now, zone)


def parse_time(text: str) -> time:
    """A time of day (``18:30``, ``18 Uhr``, ``6pm``)."""
    value = _checked(text, "dates.bad_time")
    clock = _whole_clock(value)
    if clock is None:
        raise _refuse("dates.bad_time", text)
    return _time_of(clock, text, "dates.bad_time")


def parse_datetime(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """A day and a time (``1.4. 18 Uhr``, ``morgen 18 Uhr``, ``tomorrow 6pm``) in ``zone``,
    as an aware UTC moment. A day alone is refused: the time must be typed."""
    value = _checked(text, "dates.bad_datetime")
    found = _whole_date_time(value)
    if found is None:
        if (day := _whole_day(value)) is not None:
            _day_of(day, None, now, zone)  # a day that does not exist is told as such
        raise _refuse("dates.bad_datetime", text)
    spec, clock = found
    at = _time_of(clock, text, "dates.bad_datetime")
    return _moment(datetime.combine(_day_of(spec, at, now, zone), at), zone, text)


def parse_duration(text: str, refusal: str = "dates.bad_duration") -> timedelta:
    """``2 Stunden``, ``90 min``, ``2h``, ``1h30``, ``1,5 h``, ``1:30`` or plain minutes;
    anything else is refused with the catalog key ``refusal`` (an event's length is refused
    as an end, the way the form asks for it).

    Zero is read as zero: whether a length is acceptable is for the caller to say.
    """
    value = _checked(text, refusal)
    length = _duration(value)
    if length is None:
        if _PLAIN_MINUTES.fullmatch(value):
            length = timedelta(minutes=int(value))
        elif clock := _CLOCK_DURATION.fullmatch(value):
            length = timedelta(hours=int(clock["h"]), minutes=int(clock["mi"]))
        else:
            raise _refuse(refusal, text)
    if length > MAX_DURATION:
        raise _refuse(refusal, text)
    return length


def _duration(value: str) -> timedelta | None:
    """A duration with its unit, or None."""
    for form in _DURATION_FORMS:
        if found := form.fullmatch(value):
            amount = found["n"]
            number = (
                _WORD_AMOUNTS[found["n_word"]]
                if amount is None
                else float(amount.replace(",", "."))
            )
            seconds = number * _UNIT_LENGTH[found["unit"]]
            minutes = found.groupdict().get("mi")
            if minutes:
                seconds += int(minutes) * 60
            if seconds > MAX_DURATION.total_seconds():
                return None
            return timedelta(seconds=round(seconds))
    return None


def parse_end(text: str, start: datetime, zone: ZoneInfo) -> datetime:
    """An end after ``start``: a time on the start's day (``20 Uhr``, ``bis 20:00``), a
    date-time, or a duration (``2 Stunden``, ``90 min``).

    Everything in it counts from the start, not from today: ``2.4. 12 Uhr`` after a
    start on 1 April is the 2 April after it. The end may come out at or before the start (``09:00`` for an event at 18:00): the
    caller says so in words rather than "cannot read". A bare number is refused: ``20``
    may be 20 minutes or 20 o'clock.
    """
    value = _checked(text, "dates.bad_end")
    if until := _UNTIL.match(value):
        value = value[until.end() :]
    if (clock := _whole_clock(value)) is not None:
        at = _time_of(clock, text, "dates.bad_end")
        day = start.astimezone(zone).date()
        return _moment(datetime.combine(day, at), zone, text)
    if _whole_date_time(value) is not None:
        return parse_datetime(value, start, zone)
    length = _duration(value) if value else None
    if length is None:
        raise _refuse("dates.bad_end", text)
    return start + length


def parse_start(text: str, now: datetime, zone: ZoneInfo) -> Span:
    """A start, or a start with its end (``01.04.2027 18:30–20:00``, ``1.4. 18:30 bis 20
    Uhr``, ``1.4. 18–20 Uhr``); the end is None when only the start was typed."""
    value = _checked(text, "dates.bad_datetime")
    if _whole_date_time(value) is not None or _whole_day(value) is not None:
        return Span(parse_datetime(value, now, zone), None)
    backwards: Span | None = None  # read, but ending before it starts: the caller says so
    for mark in _RANGE_MARK.finditer(value):
        head, tail = value[: mark.start()], value[mark.end() :]
        for start_text in _with_the_ends_unit(head, tail):
            if _whole_date_time(start_text) is None:
                continue
            start = parse_datetime(start_text, now, zone)
            try:
                end = parse_end(tail, start, zone)
            except Invalid:
                continue
            if end > start:
                return Span(start, end)
            backwards = backwards or Span(start, end)
    if backwards is not None:
        return backwards
    raise _refuse("dates.bad_datetime", text)


def _with_the_ends_unit(head: str, tail: str) -> list[str]:
    """The start as typed, and where its time has no unit of its own, with the end's
    (``18–20 Uhr``: 18 Uhr; ``6:30–8 pm``: 6:30 pm, or am when pm would end before)."""
    clock = _whole_clock(tail)
    typed_alone = _BARE_HOUR.fullmatch(head) or re.search(r"[0-9]:[0-9]{2}$", head)
    if clock is None or not typed_alone:
        return [head]
    if clock.uhr:
        return [f"{head} uhr", head]
    if clock.meridiem == "p":
        return [f"{head} pm", f"{head} am", head]
    if clock.meridiem == "a":
        return [f"{head} am", head]
    return [head]


# echoing it back -----------------------------------------------------------------------------


def format_span(start: datetime, end: datetime | None, lang: str, zone: ZoneInfo) -> str:
    """The span in full, so a misreading is seen before it is saved:
    ``Do., 01.04.2027, 18:30–20:00 Uhr`` / ``Thu, 1 Apr 2027, 6:30–8:00 pm``."""
    first = start.astimezone(zone)
    last = end.astimezone(zone) if end is not None else None
    if lang == "de":
        day = _babel_datetime(first, "EEE, dd.MM.yyyy", locale="de_DE")
        if last is None:
            return f"{day}, {first:%H:%M} Uhr"
        if last.date() == first.date():
            return f"{day}, {first:%H:%M}–{last:%H:%M} Uhr"
        other = _babel_datetime(last, "EEE, dd.MM.yyyy", locale="de_DE")
        return f"{day}, {first:%H:%M} Uhr – {other}, {last:%H:%M} Uhr"
    day = _babel_datetime(first, "EEE, d MMM yyyy", locale="en_GB")
    clock = _babel_datetime(first, "h:mm a", locale="en_GB")
    if last is None:
        return f"{day}, {clock}"
    until = _babel_datetime(last, "h:mm a", locale="en_GB")
    if last.date() == first.date():
        same_half = (first.hour < 12) == (last.hour < 12)
        begin = _babel_datetime(first, "h:mm", locale="en_GB") if same_half else clock
        return f"{day}, {begin}–{until}" if same_half else f"{day}, {begin} – {until}"
    other = _babel_datetime(last, "EEE, d MMM yyyy", locale="en_GB")
    return f"{day}, {clock} – {other}, {until}"
