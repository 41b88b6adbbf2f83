"""Seeds for the event figures: two past quarters (relative to now) with answers,
check-ins, walk-ins, no-shows and feedback, and the figures they must give.

Check-ins and feedback are written here as rows (the check-in and feedback flows that
write them are built elsewhere); everything else goes through the store's calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.events.figures import Period, previous_quarter, quarter_of
from storage import Store
from storage.db import to_db_time
from storage.events import Event, EventFields


async def check_in(
    store: Store, event: Event, occurrence: datetime, member_id: int, *, walk_in: bool = False
) -> None:
    await store.db.execute(
        "INSERT INTO event_checkins (event_id, occurrence, member_id, how, walk_in,"
        " checked_in_at) VALUES (?, ?, ?, 'staff', ?, ?)",
        (event.id, to_db_time(occurrence), member_id, int(walk_in), to_db_time(occurrence)),
    )


async def rate(
    store: Store, event: Event, occurrence: datetime, member_id: int, stars: int
) -> None:
    at = to_db_time(occurrence + timedelta(hours=4))
    await store.db.execute(
        "INSERT INTO event_feedback (event_id, occurrence, member_id, stars, comment,"
        " show_name, created_at, updated_at) VALUES (?, ?, ?, ?, 'gut', 0, ?, ?)",
        (event.id, to_db_time(occurrence), member_id, stars, at, at),
    )


@dataclass
class Seeded:
    older: Period  # the quarter before the last: the check-in date
    last: Period  # the last quarter: the date without check-in
    names: dict[str, int]  # name -> member id
    listed_and_reached: str
    not_listed: list[str]


PEOPLE = [
    # name, company, region, listed in the directory
    ("Anna Adler", "Adler GmbH", "Hagen", True),
    ("Bernd Berg", "adler  gmbh", "Hagen", False),  # the same company, typed otherwise
    ("Clara Cramer", "Cramer AG", "Siegen", False),
    ("Dieter Dorn", "", "other", False),  # no company given
    ("Eva Ernst", "Ernst KG", "Olpe", False),
    ("Frank Fuchs", "Fuchs OHG", "Siegen", True),  # listed, but reached by nothing
]


def _evening(period: Period, days: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(period.first + timedelta(days=days), time(18, 0), tzinfo=zone)
    return local.astimezone(UTC)


async def dated_event(store: Store, title: str, start: datetime, **extra: object) -> Event:
    fields = EventFields(
        title=title,
        start=start,
        end=start + timedelta(hours=2),
        **extra,  # type: ignore[arg-type]
    )
    event = await store.events.create(fields, f"{title}-{start.timestamp()}@test", "test")
    if fields.topic_ids:
        await store.events.set_topics(event.id, fields.topic_ids)
    return event


async def seed(store: Store, zone: ZoneInfo, now: datetime) -> Seeded:
    """Totals over both quarters: 2 dates, 5 yes, 2 maybe, 3 checked in, 1 walk-in,
    1 no-show, 5 people from 3 companies and 4 regions, 3 ratings averaging 4 stars."""
    today = now.astimezone(zone).date()
    last = previous_quarter(today)
    older = previous_quarter(last.first)
    ids: dict[str, int] = {}
    for name, company, region, listed in PEOPLE:
        member = await store.members.create(
            name=name, company=company, region=region, competencies=[], language="de"
        )
        ids[name] = member.id
        await store.directory.set_listed(member.id, listed)
    topic = await store.topics.create("Wasserstoff", "")
    group = await store.groups.create("AG Robotik", "", "open", None, "test")
    a, b, c, d, e, f = (ids[p[0]] for p in PEOPLE)

    # the quarter before the last: a date with check-in
    first = await dated_event(
        store, "Wasserstoff-Tag", _evening(older, 20, zone), topic_ids=[topic.id]
    )
    at = first.start
    for member_id in (a, b, c):
        await store.rsvps.record(first.id, at, member_id, "yes", False)
    await store.rsvps.record(first.id, at, f, "maybe", False)
    await check_in(store, first, at, a)
    await check_in(store, first, at, b)
    await check_in(store, first, at, e, walk_in=True)  # never answered
    await rate(store, first, at, a, 5)
    await rate(store, first, at, e, 3)

    # the last quarter: a date without check-in (those who said yes count as reached)
    second = await dated_event(store, "+Robotik-Treff", _evening(last, 30, zone), group_id=group.id)
    at = second.start
    await store.rsvps.record(second.id, at, c, "yes", False)
    await store.rsvps.record(second.id, at, d, "yes", False)
    await store.rsvps.record(second.id, at, f, "yes", True)  # on the waiting list
    await store.rsvps.record(second.id, at, a, "maybe", False)
    await store.rsvps.record(second.id, at, b, "no", False)
    await rate(store, second, at, c, 4)

    # not counted: a cancelled date, a cancelled event, a date still to come
    dropped = await dated_event(store, "Abgesagt", _evening(last, 40, zone))
    await store.rsvps.record(dropped.id, dropped.start, a, "yes", False)
    await store.events.set_override(dropped.id, dropped.start, cancelled=True)
    called_off = await dated_event(store, "Ganz abgesagt", _evening(last, 41, zone))
    await store.rsvps.record(called_off.id, called_off.start, b, "yes", False)
    await store.events.update(called_off.id, status="cancelled")
    coming = await dated_event(store, "Kommt noch", now + timedelta(days=2))
    await store.rsvps.record(coming.id, coming.start, a, "yes", False)
    await check_in(store, coming, coming.start, e, walk_in=True)

    return Seeded(
        older=older,
        last=last,
        names=ids,
        listed_and_reached="Anna Adler",
        not_listed=[p[0] for p in PEOPLE if not p[3]],
    )


def current_quarter_moment(zone: ZoneInfo, now: datetime) -> datetime:
    """A moment in the current quarter that has passed: halfway from its start to now."""
    start, _ = quarter_of(now.astimezone(zone).date()).bounds(zone)
    return start + (now - start) / 2
