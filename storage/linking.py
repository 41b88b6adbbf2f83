"""One person, several platform identities: link codes, merging two members into one,
splitting an identity off again, and where a member wants notifications.

Link codes are stored only as a SHA-256 hash. The merge is one transaction with one step
per table that references ``members(id)``: :data:`MERGE_STEPS` is the list to extend when
a table is added (``tests/test_linking_store.py`` fails until every such table has a step).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


class LinkCode(BaseModel):
    member_id: int
    platform: str  # where the code was asked for: that chat is told when it is used
    chat_id: str
    expires_at: datetime
    used_at: datetime | None


@dataclass(frozen=True)
class MergeStep:
    """How one table follows a merge: statements with ``:keep`` and ``:drop``. Rows still
    pointing at ``:drop`` afterwards are duplicates and go with the dropped member."""

    table: str
    why: str
    statements: tuple[str, ...]


def _rank(alias: str) -> str:
    """Order of RSVP answers: a seat > the waitlist > maybe > no; then waitlist position."""
    return (
        f"(CASE {alias}.status WHEN 'yes' THEN 0 WHEN 'maybe' THEN 2 ELSE 3 END"
        f" + {alias}.waitlisted), COALESCE({alias}.position, 0)"
    )


def _strength(alias: str) -> str:
    """Order of answers to a cooperation request: interested > not for me > none."""
    return f"(CASE {alias}.answer WHEN 'interested' THEN 2 WHEN 'declined' THEN 1 ELSE 0 END)"


MERGE_STEPS: tuple[MergeStep, ...] = (
    MergeStep(
        "members",
        "profile of the older registration wins; reminders off on either account stay off",
        (
            "UPDATE members SET reminders_enabled = MIN(reminders_enabled,"
            " (SELECT reminders_enabled FROM members WHERE id = :drop)) WHERE id = :keep",
        ),
    ),
    MergeStep(
        "identities",
        "every platform account now belongs to the kept member (conversation state is kept"
        " per account, so it moves with it)",
        ("UPDATE identities SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "subscriptions",
        "union: one subscription per topic",
        ("UPDATE OR IGNORE subscriptions SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "rsvps",
        "one answer per date, the better one (yes > maybe > no), waitlist position kept",
        (
            "DELETE FROM rsvps AS k WHERE k.member_id = :keep AND EXISTS (SELECT 1 FROM rsvps"
            " AS d WHERE d.member_id = :drop AND d.event_id = k.event_id"
            f" AND d.occurrence = k.occurrence AND ({_rank('d')}) < ({_rank('k')}))",
            "UPDATE OR IGNORE rsvps SET member_id = :keep WHERE member_id = :drop",
        ),
    ),
    MergeStep(
        "polls",
        "date polls either account organised belong to the kept member",
        ("UPDATE polls SET organiser_id = :keep WHERE organiser_id = :drop",),
    ),
    MergeStep(
        "poll_audience",
        "asked in a date poll on either account: asked once",
        ("UPDATE OR IGNORE poll_audience SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "poll_answers",
        "one answer per date of a poll: the kept account's where both answered",
        ("UPDATE OR IGNORE poll_answers SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "event_checkins",
        "one check-in per date: the earlier one where both accounts checked in",
        (
            "DELETE FROM event_checkins AS k WHERE k.member_id = :keep AND EXISTS (SELECT 1"
            " FROM event_checkins AS d WHERE d.member_id = :drop AND d.event_id = k.event_id"
            " AND d.occurrence = k.occurrence AND d.checked_in_at < k.checked_in_at)",
            "UPDATE OR IGNORE event_checkins SET member_id = :keep WHERE member_id = :drop",
            "UPDATE event_checkins SET checked_in_by = :keep WHERE checked_in_by = :drop",
        ),
    ),
    MergeStep(
        "event_feedback",
        "one feedback per date: the later one where both accounts answered",
        (
            "DELETE FROM event_feedback AS k WHERE k.member_id = :keep AND EXISTS (SELECT 1"
            " FROM event_feedback AS d WHERE d.member_id = :drop AND d.event_id = k.event_id"
            " AND d.occurrence = k.occurrence AND d.updated_at > k.updated_at)",
            "UPDATE OR IGNORE event_feedback SET member_id = :keep WHERE member_id = :drop",
        ),
    ),
    MergeStep(
        "feedback_requests",
        "a feedback request sent to either account counts as sent",
        ("UPDATE OR IGNORE feedback_requests SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "sent_reminders",
        "a reminder sent to either account counts as sent",
        ("UPDATE OR IGNORE sent_reminders SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "calendar_tokens",
        "the kept member's feed address stays; the other one moves if there is none",
        ("UPDATE OR IGNORE calendar_tokens SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "member_event_settings",
        "topic reminders on if either account asked for them",
        (
            "INSERT INTO member_event_settings (member_id, remind_topics)"
            " SELECT :keep, remind_topics FROM member_event_settings WHERE member_id = :drop"
            " ON CONFLICT (member_id) DO UPDATE SET"
            " remind_topics = MAX(member_event_settings.remind_topics, excluded.remind_topics)",
        ),
    ),
    MergeStep(
        "member_settings",
        "the kept member's directory choice wins; a preferred platform is kept if either set"
        " one; cooperation requests turned off on either account stay off, else the kept"
        " member's choice, else the other's; feedback requests turned off on either stay off",
        (
            "INSERT INTO member_settings (member_id, listed_in_directory, preferred_platform,"
            " cooperation_requests, feedback_requests, overview_weekday, overview_hour)"
            " SELECT :keep, listed_in_directory, preferred_platform, cooperation_requests,"
            " feedback_requests, overview_weekday, overview_hour FROM member_settings"
            " WHERE member_id = :drop"
            " ON CONFLICT (member_id) DO UPDATE SET preferred_platform"
            " = COALESCE(member_settings.preferred_platform, excluded.preferred_platform),"
            " cooperation_requests = CASE WHEN 0 IN (member_settings.cooperation_requests,"
            " excluded.cooperation_requests) THEN 0 ELSE COALESCE("
            "member_settings.cooperation_requests, excluded.cooperation_requests) END,"
            " feedback_requests = MIN(member_settings.feedback_requests,"
            " excluded.feedback_requests)",
        ),
    ),
    MergeStep(
        "announcement_settings",
        "announcements off on either account stay off; the later change's time is kept",
        (
            "INSERT INTO announcement_settings (member_id, enabled, changed_at)"
            " SELECT :keep, enabled, changed_at FROM announcement_settings"
            " WHERE member_id = :drop ON CONFLICT (member_id) DO UPDATE SET"
            " enabled = MIN(announcement_settings.enabled, excluded.enabled),"
            " changed_at = MAX(announcement_settings.changed_at, excluded.changed_at)",
        ),
    ),
    MergeStep(
        "quiet_hours",
        "the kept member's own quiet hours win; else the other account's",
        (
            "INSERT OR IGNORE INTO quiet_hours (member_id, enabled, start_minute, end_minute,"
            " changed_at) SELECT :keep, enabled, start_minute, end_minute, changed_at"
            " FROM quiet_hours WHERE member_id = :drop",
        ),
    ),
    MergeStep(
        "broadcasts",
        "who asked for the delivery report of a broadcast",
        ("UPDATE broadcasts SET report_member_id = :keep WHERE report_member_id = :drop",),
    ),
    MergeStep(
        "group_members",
        "one membership per group; a moderator on either account stays moderator",
        (
            "UPDATE group_members AS k SET role = 'moderator' WHERE k.member_id = :keep"
            " AND EXISTS (SELECT 1 FROM group_members AS d WHERE d.member_id = :drop"
            " AND d.group_id = k.group_id AND d.role = 'moderator')",
            "UPDATE OR IGNORE group_members SET member_id = :keep WHERE member_id = :drop",
        ),
    ),
    MergeStep(
        "group_requests",
        "open requests move, unless the kept member is already in that group",
        (
            "UPDATE OR IGNORE group_requests SET member_id = :keep WHERE member_id = :drop",
            "DELETE FROM group_requests WHERE member_id = :keep AND group_id IN"
            " (SELECT group_id FROM group_members WHERE member_id = :keep)",
        ),
    ),
    MergeStep(
        "group_posts",
        "updates written from either account belong to the person",
        ("UPDATE group_posts SET author_id = :keep WHERE author_id = :drop",),
    ),
    MergeStep(
        "group_digests",
        "a weekly digest sent to either account counts as sent",
        ("UPDATE OR IGNORE group_digests SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "outbox",
        "queued and delivered notifications stay with the person (delivery reports)",
        ("UPDATE outbox SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "bindings",
        "who bound a group chat",
        ("UPDATE bindings SET bound_by = :keep WHERE bound_by = :drop",),
    ),
    MergeStep(
        "link_codes",
        "open codes of the dropped member are void",
        ("DELETE FROM link_codes WHERE member_id = :drop",),
    ),
    MergeStep(
        "directory_searches",
        "the search rate limit is per person",
        ("UPDATE directory_searches SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "cooperation_requests",
        "the requests stay with their author",
        ("UPDATE cooperation_requests SET author_id = :keep WHERE author_id = :drop",),
    ),
    MergeStep(
        "cooperation_responses",
        "notices and answers of either account count; where both have a row for one request,"
        " the stronger answer (interested > not for me > none) and any connection are kept;"
        " nobody stays interested in their own request",
        (
            "DELETE FROM cooperation_responses WHERE member_id IN (:keep, :drop) AND request_id"
            " IN (SELECT id FROM cooperation_requests WHERE author_id IN (:keep, :drop))",
            "UPDATE cooperation_responses AS k SET"
            " notified_at = COALESCE(k.notified_at, d.notified_at),"
            " connected_at = COALESCE(k.connected_at, d.connected_at),"
            f" answer = CASE WHEN {_strength('d')} > {_strength('k')} THEN d.answer"
            " ELSE k.answer END,"
            f" answered_at = CASE WHEN {_strength('d')} > {_strength('k')} THEN d.answered_at"
            " ELSE k.answered_at END"
            " FROM cooperation_responses AS d WHERE k.member_id = :keep"
            " AND d.member_id = :drop AND d.request_id = k.request_id",
            "UPDATE OR IGNORE cooperation_responses SET member_id = :keep WHERE member_id = :drop",
        ),
    ),
    MergeStep(
        "consent_events",
        "every consent either account gave stays on record; the latest notice accepted counts",
        ("UPDATE consent_events SET member_id = :keep WHERE member_id = :drop",),
    ),
    MergeStep(
        "invitations",
        "invitations the person created",
        ("UPDATE invitations SET created_by = :keep WHERE created_by = :drop",),
    ),
    MergeStep(
        "invited_members",
        "joined by invitation if either account did; whom the person invited",
        (
            "INSERT OR IGNORE INTO invited_members (member_id, invitation_id, invited_by, at)"
            " SELECT :keep, invitation_id, invited_by, at FROM invited_members"
            " WHERE member_id = :drop",
            "UPDATE invited_members SET invited_by = :keep WHERE invited_by = :drop",
            "UPDATE invited_members SET invited_by = NULL WHERE member_id = invited_by",
        ),
    ),
    MergeStep(
        "member_facets",
        "union of both company profiles (inserted, so the search indexes follow); the kept"
        " member's size band wins",
        (
            "INSERT OR IGNORE INTO member_facets (member_id, entry_id) SELECT :keep, f.entry_id"
            " FROM member_facets f JOIN vocab_entries v ON v.id = f.entry_id"
            " WHERE f.member_id = :drop AND NOT (v.facet = 'size' AND EXISTS (SELECT 1"
            " FROM member_facets k JOIN vocab_entries kv ON kv.id = k.entry_id"
            " WHERE k.member_id = :keep AND kv.facet = 'size'))",
        ),
    ),
    MergeStep(
        "vocab_entries",
        "entries either account proposed stay proposed by the kept member",
        ("UPDATE vocab_entries SET proposed_by = :keep WHERE proposed_by = :drop",),
    ),
)

# What a member split off by /unlink starts with besides the copied profile.
SPLIT_COPY_STEPS: tuple[MergeStep, ...] = (
    MergeStep(
        "subscriptions",
        "the same topic channels",
        (
            "INSERT INTO subscriptions (member_id, topic_id, created_at, level, level_since)"
            " SELECT :new, topic_id, created_at, level, level_since FROM subscriptions"
            " WHERE member_id = :old",
        ),
    ),
    MergeStep(
        "member_event_settings",
        "the same reminder choice",
        (
            "INSERT INTO member_event_settings (member_id, remind_topics)"
            " SELECT :new, remind_topics FROM member_event_settings WHERE member_id = :old",
        ),
    ),
    MergeStep(
        "consent_events",
        "the privacy notice accepted for the shared profile holds for both (announcements"
        " start on, like their setting)",
        (
            "INSERT INTO consent_events (member_id, kind, granted, version, source, at)"
            " SELECT :new, kind, granted, version, source, at FROM consent_events"
            " WHERE member_id = :old AND kind = 'privacy' ORDER BY id",
        ),
    ),
)


@dataclass
class MergeOutcome:
    kept: int
    dropped: int
    freed_seats: list[tuple[int, datetime]]  # (event, occurrence) where two seats became one


class LinkRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # codes ------------------------------------------------------------------------------

    async def add_code(
        self, member_id: int, code: str, platform: str, chat_id: str, expires_at: datetime
    ) -> bool:
        """A new code replaces the member's open ones; used codes are kept a day. False if
        the code is taken (a one in millions chance): the caller draws another."""
        now = utcnow()
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM link_codes WHERE (member_id = ? AND used_at IS NULL)"
                " OR expires_at < ?",
                (member_id, _day_before(now)),
            )
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO link_codes (code_hash, member_id, platform, chat_id,"
                " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    hash_code(code),
                    member_id,
                    platform,
                    chat_id,
                    to_db_time(now),
                    to_db_time(expires_at),
                ),
            )
        return cursor.rowcount > 0

    async def find_code(self, code: str) -> LinkCode | None:
        row = await self.db.fetchone(
            "SELECT member_id, platform, chat_id, expires_at, used_at FROM link_codes"
            " WHERE code_hash = ?",
            (hash_code(code),),
        )
        if row is None:
            return None
        return LinkCode(
            member_id=row["member_id"],
            platform=row["platform"],
            chat_id=row["chat_id"],
            expires_at=from_db_time(row["expires_at"]),
            used_at=from_db_time(row["used_at"]),
        )

    async def use_code(self, code: str, at: datetime) -> bool:
        """Mark a code used; False if it was used already (single use, also under races)."""
        cursor = await self.db.execute(
            "UPDATE link_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
            (to_db_time(at), hash_code(code)),
        )
        return cursor.rowcount > 0

    async def record_failure(self, subject: str, at: datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM link_failures WHERE at < ?", (_day_before(at),))
            await conn.execute(
                "INSERT INTO link_failures (subject, at) VALUES (?, ?)", (subject, to_db_time(at))
            )

    async def failures_since(self, subject: str, since: datetime) -> list[datetime]:
        rows = await self.db.fetchall(
            "SELECT at FROM link_failures WHERE subject = ? AND at >= ? ORDER BY at",
            (subject, to_db_time(since)),
        )
        return [from_db_time(r[0]) for r in rows]

    # merge and split --------------------------------------------------------------------

    async def merge(self, first: int, second: int) -> MergeOutcome:
        """Join two members into the one registered earlier, in one transaction."""
        async with self.db.transaction() as conn:
            rows = await self.db.fetchall(
                "SELECT id FROM members WHERE id IN (?, ?) ORDER BY created_at, id",
                (first, second),
            )
            if len(rows) != 2:
                raise LookupError(f"cannot merge members {first} and {second}")
            keep, drop = rows[0][0], rows[1][0]
            params = {"keep": keep, "drop": drop}
            freed = await self.db.fetchall(
                "SELECT k.event_id, k.occurrence FROM rsvps k JOIN rsvps d"
                " ON d.event_id = k.event_id AND d.occurrence = k.occurrence"
                " WHERE k.member_id = :keep AND d.member_id = :drop AND k.status = 'yes'"
                " AND d.status = 'yes' AND k.waitlisted = 0 AND d.waitlisted = 0",
                params,
            )
            for step in MERGE_STEPS:
                for statement in step.statements:
                    await conn.execute(statement, params)
            await conn.execute("DELETE FROM members WHERE id = :drop", params)
        return MergeOutcome(keep, drop, [(r[0], from_db_time(r[1])) for r in freed])

    async def split(self, member_id: int, platform: str, user_id: str) -> int:
        """Move one identity into a new member with a copy of the profile; its id."""
        now = to_db_time(utcnow())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO members (name, company, region, competencies, language, timezone,"
                " status, reminders_enabled, consent_at, created_at, updated_at)"
                " SELECT name, company, region, competencies, language, timezone, status,"
                " reminders_enabled, consent_at, ?, ? FROM members WHERE id = ?",
                (now, now, member_id),
            )
            new_id = int(cursor.lastrowid or 0)
            params = {"old": member_id, "new": new_id}
            for step in SPLIT_COPY_STEPS:
                for statement in step.statements:
                    await conn.execute(statement, params)
            moved = await conn.execute(
                "UPDATE identities SET member_id = ? WHERE member_id = ? AND platform = ?"
                " AND user_id = ?",
                (new_id, member_id, platform, user_id),
            )
            if moved.rowcount != 1:
                raise LookupError(f"{platform}:{user_id} is not an identity of {member_id}")
        return new_id

    # preferred platform -----------------------------------------------------------------

    async def preferred_platform(self, member_id: int) -> str | None:
        value = await self.db.fetchval(
            "SELECT preferred_platform FROM member_settings WHERE member_id = ?", (member_id,)
        )
        return None if value is None else str(value)

    async def set_preferred_platform(self, member_id: int, platform: str | None) -> None:
        await self.db.execute(
            "INSERT INTO member_settings (member_id, preferred_platform) VALUES (?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET preferred_platform = excluded.preferred_platform",
            (member_id, platform),
        )


def _day_before(moment: datetime) -> str:
    return to_db_time(moment - timedelta(days=1)) or ""
