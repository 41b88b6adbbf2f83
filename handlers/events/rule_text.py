"""A recurrence rule in words: ``FREQ=MONTHLY;BYDAY=1TH`` reads "Monatlich am 1. Donnerstag"
or "Monthly on the 1st Thursday". Used by the wizard (its preset buttons and summary),
every event message and the CLI, so a rule reads the same wherever it is shown.

Rules with parts that have no plain wording (BYSETPOS, BYWEEKNO, ...) are shown as the
rule itself, introduced in words.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import format_date
from babel.lists import format_list

from bot.i18n import format_day, t, tn

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_PLAIN_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH"}


class _NoWords(ValueError):
    """The rule has a part this module does not put into words."""


def ordinal(lang: str, n: int) -> str:
    """``1.``/``1st``, and "letzten"/"last" for -1."""
    if n == -1:
        return t(lang, "events.rule.last")
    if n == -2:
        return t(lang, "events.rule.second_last")
    if n < 1:
        raise _NoWords(str(n))
    if lang == "de":
        return f"{n}."
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def weekday_name(lang: str, index: int) -> str:
    return t(lang, "events.weekdays").split(",")[index]


def _locale(lang: str) -> str:
    return "de_DE" if lang == "de" else "en_GB"


def _parts(rule: str) -> dict[str, str]:
    text = "".join(rule.split()).upper().removeprefix("RRULE:")
    return {k: v for k, _, v in (p.partition("=") for p in text.split(";") if p)}


def describe_rule(lang: str, rule: str | None, local_start: datetime | date) -> str:
    """The rule in words, relative to the series' first local start."""
    if not rule:
        return t(lang, "events.rec_none")
    parts = _parts(rule)
    try:
        if not set(parts) <= _PLAIN_PARTS:
            raise _NoWords(rule)
        text = _frequency(lang, parts, local_start)
        return ", ".join([text, *_limits(lang, parts)])
    except (_NoWords, ValueError):
        return t(lang, "events.rule.custom", rule=rule)


def _interval(parts: dict[str, str]) -> int:
    return int(parts.get("INTERVAL", "1"))


def _days(parts: dict[str, str], local_start: datetime | date) -> list[tuple[int, int]]:
    """(n, weekday) pairs of BYDAY; n = 0 when the weekday has no position."""
    if "BYDAY" not in parts:
        return [(0, local_start.weekday())]
    days = []
    for item in parts["BYDAY"].split(","):
        match = _BYDAY.match(item)
        if not match:
            raise _NoWords(item)
        days.append((int(match.group(1) or 0), _WEEKDAYS.index(match.group(2))))
    return days


def _frequency(lang: str, parts: dict[str, str], local_start: datetime | date) -> str:
    freq, interval = parts.get("FREQ"), _interval(parts)
    if freq == "DAILY":
        if "BYDAY" in parts or "BYMONTHDAY" in parts or "BYMONTH" in parts:
            raise _NoWords("DAILY with filters")
        return tn(lang, "events.rule.daily", interval)
    if freq == "WEEKLY":
        days = _days(parts, local_start)
        if any(n for n, _ in days) or "BYMONTHDAY" in parts or "BYMONTH" in parts:
            raise _NoWords("WEEKLY with positions")
        names = format_list([weekday_name(lang, d) for _, d in days], locale=_locale(lang))
        if interval == 1:
            return t(lang, "events.rec_weekly", day=names)
        if interval == 2:
            return t(lang, "events.rec_biweekly", day=names)
        every = tn(lang, "events.rule.weekly", interval)
        return t(lang, "events.rule.on", every=every, what=names)
    if freq == "MONTHLY":
        if "BYMONTH" in parts:
            raise _NoWords("MONTHLY with BYMONTH")
        every = tn(lang, "events.rule.monthly", interval)
        return t(lang, "events.rule.on", every=every, what=_monthly_what(lang, parts, local_start))
    if freq == "YEARLY":
        if set(parts) & {"BYDAY", "BYMONTHDAY", "BYMONTH"}:
            raise _NoWords("YEARLY with filters")
        every = tn(lang, "events.rule.yearly", interval)
        pattern = "d. MMMM" if lang == "de" else "d MMMM"
        what = format_date(local_start, pattern, locale=_locale(lang))
        return t(lang, "events.rule.on", every=every, what=what)
    raise _NoWords(str(freq))


def _monthly_what(lang: str, parts: dict[str, str], local_start: datetime | date) -> str:
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        raise _NoWords("BYDAY with BYMONTHDAY")
    if "BYDAY" in parts:
        items = []
        for n, day in _days(parts, local_start):
            if n == 0:
                raise _NoWords("every weekday of a month")
            items.append(
                t(lang, "events.rule.nth_day", nth=ordinal(lang, n), day=weekday_name(lang, day))
            )
        return format_list(items, locale=_locale(lang))
    month_days = parts.get("BYMONTHDAY", str(local_start.day)).split(",")
    items = []
    for value in month_days:
        number = int(value)
        if not 1 <= number <= 31:
            raise _NoWords(value)
        items.append(t(lang, "events.rule.month_day", day=number))
    return format_list(items, locale=_locale(lang))


def _limits(lang: str, parts: dict[str, str]) -> list[str]:
    if "COUNT" in parts:
        return [tn(lang, "events.rule.count", int(parts["COUNT"]))]
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
        return [t(lang, "events.rule.until", day=format_day(until, lang))]
    return []
