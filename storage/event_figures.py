"""Who an event's dates reached, for the figures page, ``/stats`` and the funder report
(issue 28): per date yes / maybe / checked in / walk-ins / no-shows, the companies and
regions reached, the feedback; and the same summed over a period, per topic and per
working group.

Which dates count: those that began in the window and by ``now`` (a report is about dates
held), of events not cancelled, not cancelled themselves. A date is found by its answers,
check-ins or feedback (``event_dates`` forgets dates after 60 days, the answers stay), and
placed at its effective start (a moved date at its new time).

Who counts as reached: those who checked in; for a date without any check-in (no check-in
was run), those who said yes and hold a seat. Companies are counted by name as typed,
ignoring case and spacing; an empty company is not one. No-shows (said yes, did not check
in) exist only for dates that had check-ins.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time


class DateFigures(BaseModel):
    """One date of an event."""

    event_id: int
    occurrence: datetime  # the date's key (its original start)
    starts_at: datetime  # where it took place in time (a moved date at its new start)
    title: str
    group: str | None
    topics: list[str]
    yes: int  # said yes and hold a seat
    maybe: int
    checked_in: int
    walk_ins: int  # checked in without having said yes or maybe
    no_shows: int | None  # None: no check-in was run at this date
    people: int  # members reached
    companies: int
    regions: int
    feedback: int
    stars_total: int  # the sum of the stars given, for averages over several dates

    @property
    def stars_average(self) -> float | None:
        return round(self.stars_total / self.feedback, 2) if self.feedback else None


class Aggregate(BaseModel):
    """Several dates summed: people, companies and regions counted once however often they
    came."""

    label: str
    dates: int = 0
    yes: int = 0
    maybe: int = 0
    checked_in: int = 0
    walk_ins: int = 0
    no_shows: int = 0  # over the dates that had check-ins
    people: int = 0
    companies: int = 0
    regions: int = 0
    feedback: int = 0
    stars_total: int = 0

    @property
    def stars_average(self) -> float | None:
        return round(self.stars_total / self.feedback, 2) if self.feedback else None


class RegionReach(BaseModel):
    region: str
    people: int
    companies: int


class NamedMember(BaseModel):
    """A member reached who agreed to be shown by name (listed in the directory)."""

    name: str
    company: str
    region: str
    dates: int


class EventFigures(BaseModel):
    start: datetime
    end: datetime  # exclusive
    dates: list[DateFigures]
    total: Aggregate
    by_topic: list[Aggregate]
    by_group: list[Aggregate]
    by_region: list[RegionReach]


def company_key(company: str) -> str:
    """The same company typed as "Muster GmbH" and "muster  gmbh" is one company."""
    return " ".join(company.split()).casefold()


# The dates in the window: every (event, date) with an answer, a check-in or feedback, or
# still in event_dates; at its effective start; not cancelled. The candidates are those whose
# original start lies in the window, or whose effective start does (a moved date is in
# event_dates or event_overrides at its new time), so no table is read whole.
_PICKED = """
WITH bounds(start, stop) AS (VALUES (?, ?)),
keys(event_id, occurrence) AS (
    SELECT event_id, occurrence FROM rsvps
    WHERE occurrence >= (SELECT start FROM bounds) AND occurrence < (SELECT stop FROM bounds)
    UNION SELECT event_id, occurrence FROM event_checkins
    WHERE occurrence >= (SELECT start FROM bounds) AND occurrence < (SELECT stop FROM bounds)
    UNION SELECT event_id, occurrence FROM event_feedback
    WHERE occurrence >= (SELECT start FROM bounds) AND occurrence < (SELECT stop FROM bounds)
    UNION SELECT event_id, occurrence FROM event_dates
    WHERE starts_at >= (SELECT start FROM bounds) AND starts_at < (SELECT stop FROM bounds)
    UNION SELECT event_id, occurrence FROM event_overrides
    WHERE starts_at >= (SELECT start FROM bounds) AND starts_at < (SELECT stop FROM bounds)
),
picked AS (
    SELECT k.event_id, k.occurrence, COALESCE(d.starts_at, o.starts_at, k.occurrence) AS starts_at
    FROM keys k JOIN events e ON e.id = k.event_id
    LEFT JOIN event_dates d ON d.event_id = k.event_id AND d.occurrence = k.occurrence
    LEFT JOIN event_overrides o ON o.event_id = k.event_id AND o.occurrence = k.occurrence
    WHERE e.status != 'cancelled' AND COALESCE(o.cancelled, 0) = 0
      AND COALESCE(d.cancelled, 0) = 0
      AND COALESCE(d.starts_at, o.starts_at, k.occurrence) >= (SELECT start FROM bounds)
      AND COALESCE(d.starts_at, o.starts_at, k.occurrence) < (SELECT stop FROM bounds)
),
reached(event_id, occurrence, member_id) AS (
    SELECT c.event_id, c.occurrence, c.member_id FROM event_checkins c
    JOIN picked p ON p.event_id = c.event_id AND p.occurrence = c.occurrence
    UNION
    SELECT r.event_id, r.occurrence, r.member_id FROM rsvps r
    JOIN picked p ON p.event_id = r.event_id AND p.occurrence = r.occurrence
    WHERE r.status = 'yes' AND r.waitlisted = 0 AND NOT EXISTS (
        SELECT 1 FROM event_checkins c WHERE c.event_id = r.event_id
        AND c.occurrence = r.occurrence)
)
"""


class EventFiguresRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def figures(self, start: datetime, end: datetime, now: datetime) -> EventFigures:
        """The dates that began in [start, end) and by ``now``, each and summed; one
        statement, so the counts and the people reached are of the same moment."""
        window = (to_db_time(start), to_db_time(min(end, now)))
        rows = await self.db.fetchall(
            _PICKED
            + """
            SELECT p.event_id, p.occurrence, p.starts_at, e.title, g.name AS group_name,
              (SELECT json_group_array(t.name) FROM event_topics et
               JOIN topics t ON t.id = et.topic_id WHERE et.event_id = p.event_id) AS topics,
              (SELECT COUNT(*) FROM rsvps r WHERE r.event_id = p.event_id
               AND r.occurrence = p.occurrence AND r.status = 'yes' AND r.waitlisted = 0) AS yes,
              (SELECT COUNT(*) FROM rsvps r WHERE r.event_id = p.event_id
               AND r.occurrence = p.occurrence AND r.status = 'maybe') AS maybe,
              (SELECT COUNT(*) FROM event_checkins c WHERE c.event_id = p.event_id
               AND c.occurrence = p.occurrence) AS checked_in,
              (SELECT COUNT(*) FROM event_checkins c WHERE c.event_id = p.event_id
               AND c.occurrence = p.occurrence AND c.walk_in = 1) AS walk_ins,
              (SELECT COUNT(*) FROM rsvps r WHERE r.event_id = p.event_id
               AND r.occurrence = p.occurrence AND r.status = 'yes' AND r.waitlisted = 0
               AND NOT EXISTS (SELECT 1 FROM event_checkins c WHERE c.event_id = r.event_id
                 AND c.occurrence = r.occurrence AND c.member_id = r.member_id)) AS absent,
              (SELECT COUNT(*) FROM event_feedback f WHERE f.event_id = p.event_id
               AND f.occurrence = p.occurrence) AS feedback,
              (SELECT COALESCE(SUM(f.stars), 0) FROM event_feedback f
               WHERE f.event_id = p.event_id AND f.occurrence = p.occurrence) AS stars_total,
              (SELECT json_group_array(json_array(m.id, m.company, m.region)) FROM (
                 SELECT c.member_id AS id FROM event_checkins c
                 WHERE c.event_id = p.event_id AND c.occurrence = p.occurrence
                 UNION ALL
                 SELECT r.member_id FROM rsvps r WHERE r.event_id = p.event_id
                 AND r.occurrence = p.occurrence AND r.status = 'yes' AND r.waitlisted = 0
                 AND NOT EXISTS (SELECT 1 FROM event_checkins c WHERE c.event_id = p.event_id
                   AND c.occurrence = p.occurrence)
               ) x JOIN members m ON m.id = x.id) AS reached
            FROM picked p JOIN events e ON e.id = p.event_id
            LEFT JOIN work_groups g ON g.id = e.group_id
            ORDER BY p.starts_at, e.title COLLATE NOCASE, p.event_id
            """,
            window,
        )
        dates: list[DateFigures] = []
        members_of: list[list[tuple[int, str, str]]] = []
        for r in rows:
            who = [
                (member, company_key(company), region)
                for member, company, region in json.loads(r["reached"])
            ]
            members_of.append(who)
            dates.append(
                DateFigures(
                    event_id=r["event_id"],
                    occurrence=from_db_time(r["occurrence"]),
                    starts_at=from_db_time(r["starts_at"]),
                    title=r["title"],
                    group=r["group_name"],
                    topics=sorted(json.loads(r["topics"] or "[]"), key=str.casefold),
                    yes=r["yes"],
                    maybe=r["maybe"],
                    checked_in=r["checked_in"],
                    walk_ins=r["walk_ins"],
                    no_shows=r["absent"] if r["checked_in"] else None,
                    people=len(who),
                    companies=len({company for _, company, _ in who if company}),
                    regions=len({region for _, _, region in who}),
                    feedback=r["feedback"],
                    stars_total=r["stars_total"],
                )
            )
        paired = list(zip(dates, members_of, strict=True))
        topics = sorted({topic for d in dates for topic in d.topics}, key=str.casefold)
        groups = sorted({d.group for d in dates if d.group}, key=str.casefold)
        return EventFigures(
            start=start,
            end=end,
            dates=dates,
            total=_summed("", paired),
            by_topic=[
                _summed(topic, [p for p in paired if topic in p[0].topics]) for topic in topics
            ],
            by_group=[
                _summed(group, [p for p in paired if p[0].group == group]) for group in groups
            ],
            by_region=_by_region(who for _, who in paired),
        )

    async def named_members(
        self, start: datetime, end: datetime, now: datetime
    ) -> list[NamedMember]:
        """The members reached in the window who are listed in the competence directory:
        the one standing agreement a member gives that others may see their name and
        company. Everyone else stays a number."""
        rows = await self.db.fetchall(
            _PICKED
            + """
            SELECT m.name, m.company, m.region, COUNT(*) AS dates
            FROM reached x JOIN members m ON m.id = x.member_id
            JOIN member_settings s ON s.member_id = m.id
            WHERE s.listed_in_directory = 1 AND m.status = 'active'
            GROUP BY m.id ORDER BY m.name COLLATE NOCASE, m.id
            """,
            (to_db_time(start), to_db_time(min(end, now))),
        )
        return [
            NamedMember(name=r["name"], company=r["company"], region=r["region"], dates=r["dates"])
            for r in rows
        ]


def _summed(label: str, dated: list[tuple[DateFigures, list[tuple[int, str, str]]]]) -> Aggregate:
    who = [person for _, people in dated for person in people]
    return Aggregate(
        label=label,
        dates=len(dated),
        yes=sum(d.yes for d, _ in dated),
        maybe=sum(d.maybe for d, _ in dated),
        checked_in=sum(d.checked_in for d, _ in dated),
        walk_ins=sum(d.walk_ins for d, _ in dated),
        no_shows=sum(d.no_shows or 0 for d, _ in dated),
        people=len({member for member, _, _ in who}),
        companies=len({company for _, company, _ in who if company}),
        regions=len({region for _, _, region in who}),
        feedback=sum(d.feedback for d, _ in dated),
        stars_total=sum(d.stars_total for d, _ in dated),
    )


def _by_region(groups: Iterable[list[tuple[int, str, str]]]) -> list[RegionReach]:
    """People and companies reached per region (each counted once), most people first."""
    people: dict[str, set[int]] = defaultdict(set)
    companies: dict[str, set[str]] = defaultdict(set)
    for who in groups:
        for member, company, region in who:
            people[region].add(member)
            if company:
                companies[region].add(company)
    found = [
        RegionReach(region=r, people=len(p), companies=len(companies[r])) for r, p in people.items()
    ]
    return sorted(found, key=lambda r: (-r.people, r.region.casefold()))
