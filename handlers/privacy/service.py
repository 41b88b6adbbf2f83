"""The rules of a member's data: export, erasure, consent and retention. Chat, CLI and a
later web dashboard call these, so the audit entries and the order of things live here.

Erasure is one transaction: seats the member holds go to the first on each waitlist through
the events service (the promoted are told), then every table's step runs
(``storage/privacy_steps.py``). The audit entry of an erasure names no one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.arguments import record_id
from bot.context import Context
from bot.delivery.notify import Notifier
from bot.models import Document
from bot.settings import Settings
from handlers.events.service import EventService
from handlers.privacy.notice import notice_version
from storage import Store
from storage.db import to_db_time, utcnow
from storage.members import Member
from storage.privacy import ErasedRows, StaleIdentity
from storage.privacy_steps import DATA_STEPS, ERASED

EXPORT_FORMAT = "knotenpunkt-export-1"


@dataclass
class MemberExport:
    member_id: int
    tables: dict[str, list[dict[str, Any]]]
    document: dict[str, Any]

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])

    def as_file(self) -> Document:
        """The JSON document, readable by people and programs (GDPR Art. 20)."""
        day = str(self.document["exported_at"])[:10].replace("-", "")
        return Document(
            filename=f"knotenpunkt-export-{self.member_id}-{day}.json",
            content=json.dumps(self.document, ensure_ascii=False, indent=2).encode(),
            mime_type="application/json",
        )


@dataclass
class Erasure:
    """What an erasure deleted and what it kept anonymised, by table, and who moved up a
    waitlist."""

    rows: ErasedRows
    promoted: list[int] = field(default_factory=list)


@dataclass
class StaleCleanup:
    members: int  # erased entirely: none of their accounts was reachable
    identities: int  # accounts removed from members who are reachable elsewhere


@dataclass
class PrivacyService:
    store: Store
    notifier: Notifier
    settings: Settings
    actor: str | None = None  # who acts, for the audit log (None: the member themselves)

    # export -----------------------------------------------------------------------------

    async def export(self, member_id: int, *, by_staff: bool = False) -> MemberExport:
        tables = await self.store.privacy.export(member_id)
        now = utcnow()
        document = {
            "format": EXPORT_FORMAT,
            "network": self.settings.network_name,
            "exported_at": to_db_time(now),
            "member_id": member_id,
            "privacy_notice": {
                "current_version": notice_version(self.settings),
                "accepted_version": await self.store.privacy.accepted_version(member_id),
            },
            "tables": tables,
            "what_the_tables_hold": {
                step.table: step.why for step in DATA_STEPS if step.table in tables
            },
        }
        await self.store.audit.record(
            "member.exported",
            self.actor,
            member_id=member_id,
            by="staff" if by_staff else "self",
        )
        return MemberExport(member_id, tables, document)

    # erasure ----------------------------------------------------------------------------

    async def erase(self, member_id: int, *, by: str = "self") -> Erasure:
        """Erase everything about the member (``by``: self, staff or retention)."""
        events = EventService(self.store, self.notifier, self.settings, self.actor)
        async with self.store.transaction():
            promoted = await events.release_member(member_id)
            rows = await self.store.privacy.erase(member_id)
            actor = self.actor if by != "self" else ERASED
            await self.store.audit.record("member.erased", actor, by=by, rows=rows.total)
        return Erasure(rows, promoted)

    async def stale(self, now: datetime | None = None) -> list[StaleIdentity]:
        """Accounts unreachable for longer than ``KNOTENPUNKT_UNREACHABLE_RETENTION_DAYS``."""
        days = self.settings.unreachable_retention_days
        return await self.store.privacy.stale_identities((now or utcnow()) - timedelta(days=days))

    async def erase_stale(self, now: datetime | None = None) -> StaleCleanup:
        """Members with no reachable account are erased; a stale account of a member who is
        reachable elsewhere is removed alone. One transaction."""
        members, identities = 0, 0
        async with self.store.transaction():
            stale = await self.stale(now)
            whole = {s.member_id for s in stale if not s.reachable_elsewhere}
            for member_id in sorted(whole):
                await self.erase(member_id, by="retention")
                members += 1
            for account in stale:
                if account.reachable_elsewhere:
                    await self.store.privacy.forget_identity(account.platform, account.user_id)
                    identities += 1
            await self.store.audit.record(
                "member.retention", self.actor, members=members, identities=identities
            )
        return StaleCleanup(members, identities)

    # consent ----------------------------------------------------------------------------

    async def accept_notice(self, member_id: int, source: str) -> str:
        """Record that the member accepted the current privacy notice; its version."""
        version = notice_version(self.settings)
        await self.store.privacy.record_consent(
            member_id, "privacy", True, version=version, source=source
        )
        return version

    async def needs_consent(self, member_id: int) -> bool:
        """A new notice version was published since the member last accepted one. Members
        without any consent record (only rows made by tools; registration and the migration
        always write one) are not asked."""
        accepted = await self.store.privacy.accepted_version(member_id)
        return accepted is not None and accepted != notice_version(self.settings)


def from_context(ctx: Context) -> PrivacyService:
    """The service acting for whoever sent this update."""
    return PrivacyService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


def member_ref(member: Member) -> str:
    """A button argument naming this member and no other: a deleted member's id can be given
    again, so the registration time (ms) goes with it and an old button finds no one."""
    return f"{member.id}.{int(member.created_at.timestamp() * 1000)}"


async def member_from_ref(store: Store, ref: str) -> Member | None:
    member_id = record_id(ref.partition(".")[0])
    if member_id is None:
        return None
    member = await store.members.get(member_id)
    if member is None or member_ref(member) != ref:
        return None
    return member
