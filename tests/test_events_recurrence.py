"""RRULE expansion in the event's local zone, overrides, DST and display zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.calendar.parse import BadTime, NoSuchDate, SkippedTime, parse_end, parse_local
from bot.calendar.recurrence import BadRule, find_occurrence, normalize_rule, occurrences
from bot.i18n import format_datetime
from handlers.events.render import when
from storage.events import Event, Override

BERLIN = ZoneInfo("Europe/Berlin")


def make_event(
    start_local: datetime, rrule: str | None, hours: float = 2, **extra: object
) -> Event:
    start = start_local.replace(tzinfo=BERLIN).astimezone(UTC)
    values: dict[str, object] = {
        "id": 1,
        "uid": "x@test",
        "title": "KI-Stammtisch",
        "description": "",
        "start": start,
        "end": start + timedelta(hours=hours),
        "timezone": "Europe/Berlin",
        "location": "",
        "url": None,
        "format": "meetup",
        "capacity": None,
        "organiser": None,
        "status": "scheduled",
        "rrule": rrule,
        "source": None,
        "fingerprint": None,
        "sequence": 0,
        "created_at": start,
        "updated_at": start,
    }
    values.update(extra)
    return Event(**values)  # type: ignore[arg-type]


def local(occ_start: datetime) -> datetime:
    return occ_start.astimezone(BERLIN).replace(tzinfo=None)


def window(year: int = 2026) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def test_monthly_second_tuesday_at_local_18_00() -> None:
    event = make_event(datetime(2026, 1, 13, 18), "FREQ=MONTHLY;BYDAY=2TU")
    found = occurrences(event, {}, *window())
    days = [local(o.start) for o in found]
    assert len(days) == 12
    assert days[:4] == [
        datetime(2026, 1, 13, 18),
        datetime(2026, 2, 10, 18),
        datetime(2026, 3, 10, 18),
        datetime(2026, 4, 14, 18),
    ]
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 and d.hour == 18 for d in days)
    # UTC differs by season: 17:00 UTC in winter, 16:00 UTC in summer
    assert found[0].start.hour == 17 and found[5].start.hour == 16


def test_every_other_thursday() -> None:
    event = make_event(datetime(2026, 1, 8, 16), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", hours=1)
    found = occurrences(
        event, {}, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)
    )
    assert [local(o.start).day for o in found] == [8, 22, 5, 19]
    assert all(local(o.start).weekday() == 3 for o in found)
    assert all(o.end - o.start == timedelta(hours=1) for o in found)


def test_moved_and_cancelled_occurrences() -> None:
    event = make_event(datetime(2026, 1, 13, 18), "FREQ=MONTHLY;BYDAY=2TU")
    feb = datetime(2026, 2, 10, 18, tzinfo=BERLIN).astimezone(UTC)
    mar = datetime(2026, 3, 10, 18, tzinfo=BERLIN).astimezone(UTC)
    moved_to = datetime(2026, 3, 12, 19, tzinfo=BERLIN).astimezone(UTC)
    overrides = {
        feb: Override(occurrence=feb, cancelled=True, start=None, end=None),
        mar: Override(occurrence=mar, cancelled=False, start=moved_to, end=None),
    }
    found = occurrences(
        event, overrides, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)
    )
    assert [local(o.start) for o in found] == [datetime(2026, 1, 13, 18), datetime(2026, 3, 12, 19)]
    moved = found[1]
    assert moved.moved and moved.key == mar and moved.end - moved.start == timedelta(hours=2)
    with_cancelled = occurrences(
        event,
        overrides,
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 4, 1, tzinfo=UTC),
        include_cancelled=True,
    )
    assert [o.cancelled for o in with_cancelled] == [False, True, False]
    assert find_occurrence(event, overrides, feb).cancelled  # type: ignore[union-attr]
    assert find_occurrence(event, overrides, feb + timedelta(hours=1)) is None


def test_weekly_series_keeps_18_00_berlin_across_end_of_summer_time() -> None:
    event = make_event(datetime(2026, 10, 13, 18), "FREQ=WEEKLY;BYDAY=TU")
    found = occurrences(
        event, {}, datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 11, 15, tzinfo=UTC)
    )
    assert [local(o.start) for o in found][:4] == [
        datetime(2026, 10, 13, 18),
        datetime(2026, 10, 20, 18),
        datetime(2026, 10, 27, 18),  # after 2026-10-25: CET
        datetime(2026, 11, 3, 18),
    ]
    assert [o.start.hour for o in found[:4]] == [16, 16, 17, 17]  # UTC shifts, local stays
    assert found[1].start.utcoffset() == timedelta(0)


def test_member_in_new_york_sees_their_own_time() -> None:
    year = datetime.now(UTC).year + 1  # a winter Tuesday ahead: Berlin is 6 hours ahead
    first = datetime(year, 12, 1, 18)
    day = first + timedelta(days=(1 - first.weekday()) % 7 + 7)  # the second Tuesday
    event = make_event(day, None)
    occ = occurrences(event, {}, *window(year))[0]
    new_york = ZoneInfo("America/New_York")
    assert format_datetime(occ.start, "en", new_york) == f"Tue, {day.day} Dec {year}, 12:00 pm"
    assert format_datetime(occ.start, "de", BERLIN) == f"Di., {day:%d.%m.%Y}, 18:00 Uhr"
    assert when("de", BERLIN, occ.start, occ.end) == f"Di., {day:%d.%m.%Y}, 18:00–20:00 Uhr"
    assert when("en", new_york, occ.start, occ.end) == (
        f"Tue, {day.day} Dec {year}, 12:00 – 2:00 pm"
    )


def test_rules_are_checked() -> None:
    assert normalize_rule("rrule:freq=monthly;byday=2tu") == "FREQ=MONTHLY;BYDAY=2TU"
    for bad in ("FREQ=SECONDLY", "every tuesday", "FREQ=WEEKLY;BYDAY=XX", ""):
        with pytest.raises(BadRule):
            normalize_rule(bad)


def test_until_in_utc_limits_a_local_series() -> None:
    event = make_event(datetime(2026, 1, 13, 18), "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260401T000000Z")
    assert len(occurrences(event, {}, *window())) == 3


def test_dates_are_parsed_strictly() -> None:
    expected = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert parse_local("03.12.2026 18:00", BERLIN) == expected
    assert parse_local("2026-12-03 18:00", BERLIN) == expected
    for bad in ("12/03/2026 18:00", "31.02.2026 18:00", "morgen", "03.12.2026", "29.03.2026 02:30"):
        with pytest.raises(BadTime):
            parse_local(bad, BERLIN)
    assert parse_end("20:00", expected, BERLIN) == expected + timedelta(hours=2)
    assert parse_end("90m", expected, BERLIN) == expected + timedelta(minutes=90)
    assert parse_end("17:00", expected, BERLIN) < expected  # the caller says why it is wrong
    with pytest.raises(NoSuchDate) as no_such:
        parse_local("31.02.2027 09:00", BERLIN)
    assert no_such.value.day == "31.02.2027"
    with pytest.raises(SkippedTime):
        parse_local("29.03.2026 02:30", BERLIN)
    with pytest.raises(BadTime):
        parse_local("03.12.2026 25:00", BERLIN)
    assert not isinstance(_raised(lambda: parse_local("03.12.2026 25:00", BERLIN)), NoSuchDate)


def _raised(call: object) -> BaseException | None:
    try:
        call()  # type: ignore[operator]
    except BaseException as exc:
        return exc
    return None
