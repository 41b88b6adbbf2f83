"""The date parser (bot.parsing.dates): every form of issue 32 read to the exact moment
from a given "now" (mid-year, across a year's end, across both daylight-saving changes),
and nonsense refused with a message that shows the forms that are read, in German and
English. Nothing here depends on today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import examples, t
from bot.parsing.dates import (
    format_span,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_end,
    parse_start,
    parse_time,
)
from bot.router import Invalid, Refusal

BERLIN = ZoneInfo("Europe/Berlin")
MID_YEAR = datetime(2026, 7, 15, 10, 0, tzinfo=BERLIN)  # a Wednesday
YEAR_END = datetime(2026, 12, 30, 15, 0, tzinfo=BERLIN)  # a Wednesday
SPRING = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)  # Saturday; summer time starts Sunday 02:00
AUTUMN = datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN)  # Saturday; summer time ends Sunday 03:00


def berlin(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=BERLIN)


ACCEPTED = [
    # the examples of the issue, mid-year
    (MID_YEAR, "1.4. 18 Uhr", berlin(2027, 4, 1, 18)),
    (MID_YEAR, "1.4.2027 18 Uhr", berlin(2027, 4, 1, 18)),
    (MID_YEAR, "01.04.27 18:30", berlin(2027, 4, 1, 18, 30)),
    (MID_YEAR, "morgen 18 Uhr", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "übermorgen 9:30", berlin(2026, 7, 17, 9, 30)),
    (MID_YEAR, "uebermorgen 9:30", berlin(2026, 7, 17, 9, 30)),
    (MID_YEAR, "Donnerstag 18 Uhr", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "nächsten Montag 9 Uhr", berlin(2026, 7, 20, 9)),
    (MID_YEAR, "24.12.2026 9 Uhr", berlin(2026, 12, 24, 9)),
    (MID_YEAR, "Do., 01.04.2027 18:30", berlin(2027, 4, 1, 18, 30)),
    (MID_YEAR, "Do., 01.04.2027, 18:30 Uhr", berlin(2027, 4, 1, 18, 30)),  # format_datetime
    (MID_YEAR, "tomorrow 6pm", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "April 1, 6:30 pm", berlin(2027, 4, 1, 18, 30)),
    (MID_YEAR, "Thu, 1 Apr 2027, 6:30 pm", berlin(2027, 4, 1, 18, 30)),  # English display
    (MID_YEAR, "2027-04-01 18:30", berlin(2027, 4, 1, 18, 30)),
    (MID_YEAR, "2027-04-01T18:30", berlin(2027, 4, 1, 18, 30)),
    (MID_YEAR, "1. April 18 Uhr", berlin(2027, 4, 1, 18)),
    (MID_YEAR, "1. März 2027, 9.15 Uhr", berlin(2027, 3, 1, 9, 15)),
    # more of the same kind
    (MID_YEAR, "am 1.4. um 18 Uhr", berlin(2027, 4, 1, 18)),
    (MID_YEAR, "18 Uhr morgen", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "6pm tomorrow", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "MORGEN 18 UHR", berlin(2026, 7, 16, 18)),
    (MID_YEAR, "morgen\u00a0 18\u200b Uhr", berlin(2026, 7, 16, 18)),  # pasted from a phone
    (MID_YEAR, "morgen 18 Uhr 30", berlin(2026, 7, 16, 18, 30)),
    (MID_YEAR, "next Monday 9 am", berlin(2026, 7, 20, 9)),
    (MID_YEAR, "heute 18 Uhr", berlin(2026, 7, 15, 18)),
    (MID_YEAR, "Mittwoch 18 Uhr", berlin(2026, 7, 15, 18)),  # today, still ahead
    (MID_YEAR, "Mittwoch 9 Uhr", berlin(2026, 7, 22, 9)),  # today's 9:00 is past
    (MID_YEAR, "nächsten Mittwoch 18 Uhr", berlin(2026, 7, 22, 18)),  # after today
    (MID_YEAR, "15.7. 18 Uhr", berlin(2026, 7, 15, 18)),  # today counts while ahead
    (MID_YEAR, "15.7. 9 Uhr", berlin(2027, 7, 15, 9)),  # else next year
    (MID_YEAR, "29.2. 10 Uhr", berlin(2028, 2, 29, 10)),  # the next 29 February
    (MID_YEAR, "12:00 am tomorrow", berlin(2026, 7, 16, 0)),
    (MID_YEAR, "12 pm tomorrow", berlin(2026, 7, 16, 12)),
    # across a year's end
    (YEAR_END, "2.1. 10 Uhr", berlin(2027, 1, 2, 10)),
    (YEAR_END, "2. Januar 10 Uhr", berlin(2027, 1, 2, 10)),
    (YEAR_END, "January 2, 10 am", berlin(2027, 1, 2, 10)),
    (YEAR_END, "morgen 18 Uhr", berlin(2026, 12, 31, 18)),
    (YEAR_END, "übermorgen 9:30", berlin(2027, 1, 1, 9, 30)),
    (YEAR_END, "Freitag 9 Uhr", berlin(2027, 1, 1, 9)),
    (YEAR_END, "nächsten Montag 9 Uhr", berlin(2027, 1, 4, 9)),
    (YEAR_END, "30.12. 16 Uhr", berlin(2026, 12, 30, 16)),
    (YEAR_END, "30.12. 14 Uhr", berlin(2027, 12, 30, 14)),
    (YEAR_END, "1.4. 18 Uhr", berlin(2027, 4, 1, 18)),
    # across daylight-saving changes: the wall time in the zone on that day
    (SPRING, "heute 18 Uhr", datetime(2026, 3, 28, 17, tzinfo=UTC)),
    (SPRING, "morgen 18 Uhr", datetime(2026, 3, 29, 16, tzinfo=UTC)),
    (SPRING, "Sonntag 1:30", datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
    (SPRING, "tomorrow 3 am", datetime(2026, 3, 29, 1, tzinfo=UTC)),
    (AUTUMN, "morgen 18 Uhr", datetime(2026, 10, 25, 17, tzinfo=UTC)),
    (AUTUMN, "morgen 2:30", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # the first 2:30
]


@pytest.mark.parametrize(("now", "text", "expected"), ACCEPTED)
def test_what_members_type_is_read_as_they_mean_it(
    now: datetime, text: str, expected: datetime
) -> None:
    moment = parse_datetime(text, now, BERLIN)
    assert moment == expected
    assert moment.tzinfo == UTC
    assert parse_start(text, now, BERLIN) == (expected, None)


REFUSED = [
    ("13.13.2027", "dates.no_such_date"),
    ("32.1.", "dates.no_such_date"),
    ("32.1. 18 Uhr", "dates.no_such_date"),
    ("31.02.2027 9 Uhr", "dates.no_such_date"),
    ("kein Datum", "dates.bad_datetime"),
    ("Hallo", "dates.bad_datetime"),
    ("", "dates.bad_datetime"),
    ("1.4. 18 Uhr und so", "dates.bad_datetime"),  # trailing words
    ("1.4.", "dates.bad_datetime"),  # no time
    ("morgen", "dates.bad_datetime"),
    ("18 Uhr", "dates.bad_datetime"),  # no day
    ("morgen 25 Uhr", "dates.bad_datetime"),
    ("morgen 18:75", "dates.bad_datetime"),
    ("tomorrow 13 pm", "dates.bad_datetime"),
    ("1/4 18:00", "dates.bad_datetime"),  # day or month first? not guessed
    ("Mi., 01.04.2027 18:30", "dates.wrong_weekday"),
    ("01.01.0001 00:30", "dates.no_such_date"),  # no year anyone means
    ("31.12.9999 23:59", "dates.no_such_date"),
    ("morgen 18 Uhr " + "und " * 50, "dates.bad_datetime"),  # long: refused at once
]


@pytest.mark.parametrize(("text", "key"), REFUSED)
def test_nonsense_is_refused_never_guessed(text: str, key: str) -> None:
    with pytest.raises(Invalid) as refused:
        parse_datetime(text, MID_YEAR, BERLIN)
    assert refused.value.key == key
    assert isinstance(refused.value, Refusal)  # the core answers it


def test_the_hour_skipped_by_summer_time_is_refused() -> None:
    with pytest.raises(Invalid) as refused:
        parse_datetime("morgen 2:30", SPRING, BERLIN)
    assert refused.value.key == "dates.skipped_time"
    assert refused.value.params["zone"] == "Europe/Berlin"


@pytest.mark.parametrize(
    ("lang", "forms"),
    [("de", ("morgen 18 Uhr", "nächsten Montag 9 Uhr")), ("en", ("tomorrow 6 pm",))],
)
@pytest.mark.parametrize("text", ["kein Datum", "Hallo", "13.13.2027", "32.1."])
def test_a_refusal_shows_the_accepted_forms_in_the_readers_language(
    lang: str, forms: tuple[str, ...], text: str
) -> None:
    with pytest.raises(Invalid) as refused:
        parse_datetime(text, MID_YEAR, BERLIN)
    message = t(lang, refused.value.key, **refused.value.params)
    assert text in message
    shown = examples()
    if refused.value.key == "dates.bad_datetime":
        assert all(form in message for form in forms)
        assert shown["ex_datetime_iso"] in message  # an example of now, never a fixed year
    else:
        assert shown["ex_month_day" if lang == "en" else "ex_day_month"] in message


START = berlin(2027, 4, 1, 18)

ENDS = [
    ("20 Uhr", berlin(2027, 4, 1, 20)),
    ("bis 20 Uhr", berlin(2027, 4, 1, 20)),
    ("20:00", berlin(2027, 4, 1, 20)),
    ("bis 20:30 Uhr", berlin(2027, 4, 1, 20, 30)),
    ("until 8pm", berlin(2027, 4, 1, 20)),
    ("2 Stunden", berlin(2027, 4, 1, 20)),
    ("eine Stunde", berlin(2027, 4, 1, 19)),
    ("90 min", berlin(2027, 4, 1, 19, 30)),
    ("1,5 h", berlin(2027, 4, 1, 19, 30)),
    ("1h30", berlin(2027, 4, 1, 19, 30)),
    ("2 hours", berlin(2027, 4, 1, 20)),
    ("2.4.2027 12 Uhr", berlin(2027, 4, 2, 12)),
    ("2.4. 12 Uhr", berlin(2027, 4, 2, 12)),  # the next 2 April from the start
    ("17 Uhr", berlin(2027, 4, 1, 17)),  # before the start: the caller says so in words
]


@pytest.mark.parametrize(("text", "expected"), ENDS)
def test_an_end_after_a_start(text: str, expected: datetime) -> None:
    assert parse_end(text, START, BERLIN) == expected


@pytest.mark.parametrize("text", ["20", "bis", "Hallo", "später", "20 Uhr und so"])
def test_an_end_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(Invalid) as refused:
        parse_end(text, START, BERLIN)
    assert refused.value.key == "dates.bad_end"
    assert "2 Stunden" in t("de", refused.value.key, **refused.value.params)
    assert "2 hours" in t("en", refused.value.key, **refused.value.params)


def test_an_end_across_the_change_to_summer_time_lasts_the_real_hours() -> None:
    start = parse_datetime("morgen 1:00", SPRING, BERLIN)
    assert parse_end("4 Uhr", start, BERLIN) - start == timedelta(hours=2)
    assert parse_end("2 Stunden", start, BERLIN) - start == timedelta(hours=2)


RANGES = [
    (MID_YEAR, "01.04.2027 18:30–20:00", berlin(2027, 4, 1, 18, 30), berlin(2027, 4, 1, 20)),
    (MID_YEAR, "1.4. 18:30 bis 20 Uhr", berlin(2027, 4, 1, 18, 30), berlin(2027, 4, 1, 20)),
    (MID_YEAR, "1.4. 18-20 Uhr", berlin(2027, 4, 1, 18), berlin(2027, 4, 1, 20)),
    (MID_YEAR, "am 1.4. von 18 bis 20 Uhr", berlin(2027, 4, 1, 18), berlin(2027, 4, 1, 20)),
    (MID_YEAR, "2027-04-01 18:30-20:00", berlin(2027, 4, 1, 18, 30), berlin(2027, 4, 1, 20)),
    (MID_YEAR, "tomorrow 6-8pm", berlin(2026, 7, 16, 18), berlin(2026, 7, 16, 20)),
    (MID_YEAR, "tomorrow 6:30 – 8 pm", berlin(2026, 7, 16, 18, 30), berlin(2026, 7, 16, 20)),
    (MID_YEAR, "tomorrow 11-1 pm", berlin(2026, 7, 16, 11), berlin(2026, 7, 16, 13)),
    (MID_YEAR, "morgen 18 Uhr, 2 Stunden", None, None),  # not a range form: refused
    (MID_YEAR, "1.4. 18 Uhr – 2.4. 12 Uhr", berlin(2027, 4, 1, 18), berlin(2027, 4, 2, 12)),
    (YEAR_END, "31.12. 22 Uhr bis 1.1. 2 Uhr", berlin(2026, 12, 31, 22), berlin(2027, 1, 1, 2)),
]


@pytest.mark.parametrize(("now", "text", "start", "end"), RANGES)
def test_a_start_typed_with_its_end(
    now: datetime, text: str, start: datetime | None, end: datetime | None
) -> None:
    if start is None:
        with pytest.raises(Invalid):
            parse_start(text, now, BERLIN)
        return
    assert parse_start(text, now, BERLIN) == (start, end)


def test_a_day_alone() -> None:
    assert parse_date("31.1.", MID_YEAR, BERLIN) == date(2027, 1, 31)
    assert parse_date("31.01.27", MID_YEAR, BERLIN) == date(2027, 1, 31)
    assert parse_date("15.7.", MID_YEAR, BERLIN) == date(2026, 7, 15)  # today counts
    assert parse_date("morgen", YEAR_END, BERLIN) == date(2026, 12, 31)
    assert parse_date("Freitag", YEAR_END, BERLIN) == date(2027, 1, 1)
    assert parse_date("2027-01-31", MID_YEAR, BERLIN) == date(2027, 1, 31)
    for text, key in (("32.1.", "dates.no_such_date"), ("Hallo", "dates.bad_date")):
        with pytest.raises(Invalid) as refused:
            parse_date(text, MID_YEAR, BERLIN)
        assert refused.value.key == key


def test_a_time_alone() -> None:
    assert parse_time("18 Uhr") == time(18)
    assert parse_time("6:30 pm") == time(18, 30)
    assert parse_time("12 am") == time(0)
    assert parse_time("9.15 Uhr") == time(9, 15)
    for text in ("24:00", "13 pm", "Mittag"):
        with pytest.raises(Invalid):
            parse_time(text)


def test_a_duration_alone() -> None:
    assert parse_duration("2 Stunden") == timedelta(hours=2)
    assert parse_duration("90") == timedelta(minutes=90)
    assert parse_duration("1:30") == timedelta(minutes=90)
    assert parse_duration("anderthalb Stunden") == timedelta(minutes=90)
    for text in ("viel", "am", "9999 Tage"):
        with pytest.raises(Invalid):
            parse_duration(text)


def test_the_range_is_echoed_in_full() -> None:
    start, end = parse_start("1.4. 18:30 bis 20 Uhr", MID_YEAR, BERLIN)
    assert format_span(start, end, "de", BERLIN) == "Do., 01.04.2027, 18:30–20:00 Uhr"
    assert format_span(start, end, "en", BERLIN) == "Thu, 1 Apr 2027, 6:30–8:00 pm"
    assert format_span(start, None, "de", BERLIN) == "Do., 01.04.2027, 18:30 Uhr"
    later = berlin(2027, 4, 2, 12)
    assert format_span(start, later, "de", BERLIN) == (
        "Do., 01.04.2027, 18:30 Uhr – Fr., 02.04.2027, 12:00 Uhr"
    )
    assert format_span(berlin(2027, 4, 1, 11), berlin(2027, 4, 1, 13), "en", BERLIN) == (
        "Thu, 1 Apr 2027, 11:00 am – 1:00 pm"
    )
    # what is echoed is read back as the same span
    assert parse_start(format_span(start, end, "de", BERLIN), MID_YEAR, BERLIN) == (start, end)
