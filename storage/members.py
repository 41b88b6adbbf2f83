"""Members, their platform identities and admin grants."""

from __future__ import annotations

import json
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


class Member(BaseModel):
    id: int
    name: str
    company: str
    region: str
    competencies: list[str]
    language: str
    timezone: str | None
    status: str
    reminders_enabled: bool
    consent_at: datetime
    created_at: datetime


class IdentityRecord(BaseModel):
    platform: str
    user_id: str
    member_id: int
    chat_id: str
    display_name: str | None
    unreachable_at: datetime | None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


EDITABLE_FIELDS = ("name", "company", "region", "competencies", "language", "timezone")


def delivery_targets_sql(member_ids: str, *, active_only: bool = True) -> str:
    """The one rule for who receives a notification and where, as SQL: for the active
    members among ``member_ids`` (a list of ``?`` or a ``SELECT`` of member ids), one row
    each with their ``language`` and the columns of the reachable identity they used most
    recently on their preferred platform, else the one used most recently.
    :meth:`MemberRepository.delivery_targets` and set-based enqueues (broadcasts) both use
    it, so the rule lives in one place. ``active_only=False`` also finds members who are
    not (or no longer) active: for the one message that tells them about their status."""
    status = " AND m.status = 'active'" if active_only else ""
    return (
        "SELECT * FROM (SELECT m.language AS language, m.timezone AS member_timezone, i.*,"
        " ROW_NUMBER() OVER ("
        " PARTITION BY i.member_id ORDER BY COALESCE(i.platform = s.preferred_platform, 0) DESC,"
        " i.last_seen_at DESC, i.created_at DESC, i.platform"
        " ) AS choice FROM members m JOIN identities i ON i.member_id = m.id"
        " LEFT JOIN member_settings s ON s.member_id = m.id"
        f" WHERE m.id IN ({member_ids}){status} AND i.unreachable_at IS NULL"
        ") WHERE choice = 1"
    )


def _member(row: object) -> Member:
    r = dict(row)  # type: ignore[call-overload]
    return Member(
        id=r["id"],
        name=r["name"],
        company=r["company"],
        region=r["region"],
        competencies=json.loads(r["competencies"]),
        language=r["language"],
        timezone=r["timezone"],
        status=r["status"],
        reminders_enabled=bool(r["reminders_enabled"]),
        consent_at=from_db_time(r["consent_at"]),
        created_at=from_db_time(r["created_at"]),
    )


def _identity(row: object) -> IdentityRecord:
    r = dict(row)  # type: ignore[call-overload]
    r["unreachable_at"] = from_db_time(r["unreachable_at"])
    return IdentityRecord(**{k: r[k] for k in IdentityRecord.model_fields})


class MemberRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self,
        *,
        name: str,
        company: str,
        region: str,
        competencies: list[str],
        language: str,
        status: str = "active",
    ) -> Member:
        now = to_db_time(utcnow())
        tags = json.dumps(competencies, ensure_ascii=False)
        cursor = await self.db.execute(
            "INSERT INTO members (name, company, region, competencies, language, status,"
            " consent_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, company, region, tags, language, status, now, now, now),
        )
        member = await self.get(int(cursor.lastrowid or 0))
        assert member is not None
        return member

    async def get(self, member_id: int) -> Member | None:
        row = await self.db.fetchone("SELECT * FROM members WHERE id = ?", (member_id,))
        return _member(row) if row else None

    async def update_field(self, member_id: int, field: str, value: object) -> None:
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"not an editable field: {field}")
        stored = json.dumps(value, ensure_ascii=False) if field == "competencies" else value
        await self.db.execute(
            f"UPDATE members SET {field} = ?, updated_at = ? WHERE id = ?",
            (stored, to_db_time(utcnow()), member_id),
        )

    async def set_status(self, member_id: int, status: str) -> None:
        await self.db.execute(
            "UPDATE members SET status = ?, updated_at = ? WHERE id = ?",
            (status, to_db_time(utcnow()), member_id),
        )

    async def set_reminders(self, member_id: int, enabled: bool) -> None:
        await self.db.execute(
            "UPDATE members SET reminders_enabled = ?, updated_at = ? WHERE id = ?",
            (int(enabled), to_db_time(utcnow()), member_id),
        )

    async def delete(self, member_id: int) -> None:
        await self.db.execute("DELETE FROM members WHERE id = ?", (member_id,))

    async def count(self) -> int:
        return int(await self.db.fetchval("SELECT COUNT(*) FROM members"))

    async def everyone(self) -> list[Member]:
        """Every member by name, for matching names as typed (see handlers/names.py)."""
        rows = await self.db.fetchall("SELECT * FROM members ORDER BY name COLLATE NOCASE, id")
        return [_member(r) for r in rows]

    async def list_by_status(self, status: str) -> list[Member]:
        rows = await self.db.fetchall(
            "SELECT * FROM members WHERE status = ? ORDER BY id", (status,)
        )
        return [_member(r) for r in rows]

    async def set_announcements(
        self, member_id: int, enabled: bool, source: str = "command"
    ) -> None:
        """The member's choice about broadcasts from the network team, with its time; the
        choice is also a consent event (given or withdrawn), kept apart from the setting."""
        now = to_db_time(utcnow())
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO announcement_settings (member_id, enabled, changed_at)"
                " VALUES (?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET"
                " enabled = excluded.enabled, changed_at = excluded.changed_at",
                (member_id, int(enabled), now),
            )
            await conn.execute(
                "INSERT INTO consent_events (member_id, kind, granted, source, at)"
                " VALUES (?, 'announcements', ?, ?, ?)",
                (member_id, int(enabled), source, now),
            )

    async def announcements_enabled(self, member_id: int) -> bool:
        """On unless the member turned announcements off."""
        value = await self.db.fetchval(
            "SELECT enabled FROM announcement_settings WHERE member_id = ?", (member_id,)
        )
        return value is None or bool(value)

    # identities -------------------------------------------------------------------------

    async def add_identity(
        self,
        member_id: int,
        platform: str,
        user_id: str,
        chat_id: str,
        display_name: str | None = None,
    ) -> None:
        now = to_db_time(utcnow())
        await self.db.execute(
            "INSERT INTO identities (platform, user_id, member_id, chat_id, display_name,"
            " last_seen_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (platform, user_id, member_id, chat_id, display_name, now, now),
        )

    async def find_by_identity(self, platform: str, user_id: str) -> Member | None:
        row = await self.db.fetchone(
            "SELECT m.* FROM members m JOIN identities i ON i.member_id = m.id"
            " WHERE i.platform = ? AND i.user_id = ?",
            (platform, user_id),
        )
        return _member(row) if row else None

    async def identities(self, member_id: int) -> list[IdentityRecord]:
        rows = await self.db.fetchall(
            "SELECT * FROM identities WHERE member_id = ? ORDER BY created_at", (member_id,)
        )
        return [_identity(r) for r in rows]

    async def touch_identity(self, platform: str, user_id: str, chat_id: str) -> None:
        """A person wrote to us privately: that chat is current and reachable again."""
        await self.db.execute(
            "UPDATE identities SET chat_id = ?, unreachable_at = NULL, last_seen_at = ?"
            " WHERE platform = ? AND user_id = ?",
            (chat_id, to_db_time(utcnow()), platform, user_id),
        )

    async def delivery_targets(
        self, member_ids: list[int], *, active_only: bool = True
    ) -> dict[int, tuple[str, IdentityRecord]]:
        """For active members: their language and the one identity that receives things.

        The one place that decides it: a reachable identity on the member's preferred
        platform (``member_settings``), else the reachable identity used most recently. So
        a member with Telegram and Slack gets everything once, never once per identity.
        """
        zoned = await self.delivery_targets_zoned(member_ids, active_only=active_only)
        return {member: (language, identity) for member, (language, _z, identity) in zoned.items()}

    async def delivery_targets_zoned(
        self, member_ids: list[int], *, active_only: bool = True
    ) -> dict[int, tuple[str, str | None, IdentityRecord]]:
        """:meth:`delivery_targets` with each member's own time zone (None: the network's),
        for messages that show times: one query per 500 members."""
        targets: dict[int, tuple[str, str | None, IdentityRecord]] = {}
        for start in range(0, len(member_ids), 500):
            chunk = member_ids[start : start + 500]
            sql = delivery_targets_sql(",".join("?" for _ in chunk), active_only=active_only)
            rows = await self.db.fetchall(sql, chunk)
            for row in rows:
                targets[row["member_id"]] = (
                    row["language"],
                    row["member_timezone"],
                    _identity(row),
                )
        return targets

    async def mark_unreachable(self, platform: str, chat_id: str) -> None:
        await self.db.execute(
            "UPDATE identities SET unreachable_at = ? WHERE platform = ? AND chat_id = ?",
            (to_db_time(utcnow()), platform, chat_id),
        )

    async def set_identity_reachable(self, platform: str, user_id: str, *, reachable: bool) -> bool:
        """Mark a person's identity (un)reachable by their user id, as the platform reports
        a block or an unblock; whether anything changed."""
        if reachable:
            cursor = await self.db.execute(
                "UPDATE identities SET unreachable_at = NULL"
                " WHERE platform = ? AND user_id = ? AND unreachable_at IS NOT NULL",
                (platform, user_id),
            )
        else:
            cursor = await self.db.execute(
                "UPDATE identities SET unreachable_at = ?"
                " WHERE platform = ? AND user_id = ? AND unreachable_at IS NULL",
                (to_db_time(utcnow()), platform, user_id),
            )
        return cursor.rowcount > 0

    # admin grants -----------------------------------------------------------------------

    async def grant_admin(self, identity_key: str) -> bool:
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO admin_grants (identity, granted_at) VALUES (?, ?)",
            (identity_key, to_db_time(utcnow())),
        )
        return cursor.rowcount > 0

    async def revoke_admin(self, identity_keys: list[str]) -> int:
        """Withdraw the grants of these accounts; how many there were."""
        if not identity_keys:
            return 0
        marks = ",".join("?" for _ in identity_keys)
        cursor = await self.db.execute(
            f"DELETE FROM admin_grants WHERE identity IN ({marks})", identity_keys
        )
        return cursor.rowcount

    async def is_granted_admin(self, identity_keys: list[str]) -> bool:
        if not identity_keys:
            return False
        marks = ",".join("?" for _ in identity_keys)
        found = await self.db.fetchval(
            f"SELECT 1 FROM admin_grants WHERE identity IN ({marks}) LIMIT 1", identity_keys
        )
        return found is not None

    async def admin_identity_keys(self) -> list[str]:
        rows = await self.db.fetchall("SELECT identity FROM admin_grants ORDER BY identity")
        return [r[0] for r in rows]

    async def admin_member_ids(self, configured: list[str]) -> list[int]:
        """The members who are admins: by a configured key (``KNOTENPUNKT_ADMINS``) or a
        grant, on any of their accounts, reachable or not. Each member once, in order of
        their id; where a message to them goes is :meth:`delivery_targets`' decision (their
        preferred platform), so an admin with linked accounts hears everything once."""
        rows = await self.db.fetchall(
            "WITH keys(k) AS (SELECT value FROM json_each(?) UNION SELECT identity FROM"
            " admin_grants) SELECT DISTINCT i.member_id FROM identities i"
            " JOIN members m ON m.id = i.member_id WHERE m.status = 'active'"
            " AND (i.platform, i.user_id) IN (SELECT substr(k, 1, instr(k, ':') - 1),"
            " substr(k, instr(k, ':') + 1) FROM keys) ORDER BY i.member_id",
            (json.dumps(configured, ensure_ascii=False),),
        )
        return [int(r[0]) for r in rows]
