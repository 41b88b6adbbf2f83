"""The structured company profile: vocabularies per facet (processes, materials,
certifications, industries, what a company looks for, size bands), the entries each member
chose, and the facets a cooperation request is tagged with.

Members may type new entries: they are kept as ``proposed`` until the staff merge them into
a vocabulary entry (every member's choice follows) or accept them. The labels of a member's
entries are part of the directory and matching texts (triggers of migration 0033).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from storage.db import Database

FACETS = ("process", "material", "certification", "industry", "looking_for", "size")
FILTER_FACETS = ("certification", "process", "industry")  # /suche's buttons, beside region
SINGLE_FACETS = frozenset({"size"})  # one choice only


class VocabEntry(BaseModel):
    id: int
    facet: str
    label: str
    proposed: bool
    members: int = 0


def fold(label: str) -> str:
    """How two spellings of an entry are the same entry."""
    return " ".join(label.split()).casefold()


class UnknownEntry(Exception):
    """No such vocabulary entry (or not of the facet meant)."""


class FacetRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # vocabularies ---------------------------------------------------------------------------

    async def entries(
        self, facet: str | None = None, *, proposed: bool | None = None
    ) -> list[VocabEntry]:
        """A facet's entries (all facets without one) in their order, with how many members
        chose each; proposed ones only with ``proposed=True``, accepted only with False."""
        rows = await self.db.fetchall(
            "SELECT v.id, v.facet, v.label, v.proposed,"
            " (SELECT COUNT(*) FROM member_facets f WHERE f.entry_id = v.id) AS members"
            " FROM vocab_entries v WHERE (:facet IS NULL OR v.facet = :facet)"
            " AND (:proposed IS NULL OR v.proposed = :proposed)"
            " ORDER BY v.facet, v.proposed, v.position, v.folded",
            {"facet": facet, "proposed": None if proposed is None else int(proposed)},
        )
        return [VocabEntry(**dict(r)) for r in rows]

    async def entry(self, entry_id: int) -> VocabEntry | None:
        row = await self.db.fetchone(
            "SELECT id, facet, label, proposed FROM vocab_entries WHERE id = ?", (entry_id,)
        )
        return VocabEntry(**dict(row)) if row else None

    async def find(self, facet: str, label: str) -> VocabEntry | None:
        row = await self.db.fetchone(
            "SELECT id, facet, label, proposed FROM vocab_entries WHERE facet = ? AND folded = ?",
            (facet, fold(label)),
        )
        return VocabEntry(**dict(row)) if row else None

    async def add(
        self, facet: str, label: str, *, proposed: bool = False, by: int | None = None
    ) -> VocabEntry:
        """The entry of that label, added if new; a staff ``add`` of a proposed entry
        accepts it."""
        label = " ".join(label.split())
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO vocab_entries (facet, label, folded, proposed, proposed_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (facet, folded) DO UPDATE SET"
                " proposed = MIN(proposed, excluded.proposed)",
                (facet, label, fold(label), int(proposed), by if proposed else None),
            )
        found = await self.find(facet, label)
        assert found is not None
        return found

    async def merge(self, source_id: int, target_id: int) -> int:
        """Fold ``source`` into ``target`` (same facet): every member and request that had
        the source has the target; the source is gone. Returns how many members moved."""
        source, target = await self.entry(source_id), await self.entry(target_id)
        if source is None or target is None or source.facet != target.facet:
            raise UnknownEntry(source_id if source is None else target_id)
        if source_id == target_id:
            return 0
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO member_facets (member_id, entry_id)"
                " SELECT member_id, ? FROM member_facets WHERE entry_id = ?",
                (target_id, source_id),
            )
            moved = cursor.rowcount
            await conn.execute(
                "INSERT OR IGNORE INTO cooperation_request_facets (request_id, entry_id)"
                " SELECT request_id, ? FROM cooperation_request_facets WHERE entry_id = ?",
                (target_id, source_id),
            )
            await conn.execute("DELETE FROM member_facets WHERE entry_id = ?", (source_id,))
            await conn.execute("DELETE FROM vocab_entries WHERE id = ?", (source_id,))
            await conn.execute("UPDATE vocab_entries SET proposed = 0 WHERE id = ?", (target_id,))
        return max(moved, 0)

    # a member's facets ----------------------------------------------------------------------

    async def of_member(self, member_id: int) -> dict[str, list[VocabEntry]]:
        """The member's entries by facet (facets without any are left out)."""
        rows = await self.db.fetchall(
            "SELECT v.id, v.facet, v.label, v.proposed FROM member_facets f"
            " JOIN vocab_entries v ON v.id = f.entry_id WHERE f.member_id = ?"
            " ORDER BY v.facet, v.position, v.folded",
            (member_id,),
        )
        found: dict[str, list[VocabEntry]] = {}
        for r in rows:
            found.setdefault(r["facet"], []).append(VocabEntry(**dict(r)))
        return found

    async def set_member(self, member_id: int, entry_ids: Iterable[int]) -> None:
        """The member's whole choice: entries not in ``entry_ids`` are dropped."""
        wanted = set(entry_ids)
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "SELECT entry_id FROM member_facets WHERE member_id = ?", (member_id,)
            )
            have = {r[0] for r in await cursor.fetchall()}
            for entry_id in have - wanted:
                await conn.execute(
                    "DELETE FROM member_facets WHERE member_id = ? AND entry_id = ?",
                    (member_id, entry_id),
                )
            for entry_id in sorted(wanted - have):
                await conn.execute(
                    "INSERT INTO member_facets (member_id, entry_id) VALUES (?, ?)",
                    (member_id, entry_id),
                )

    async def listed_counts(self, facet: str, region: str | None = None) -> list[VocabEntry]:
        """The facet's entries that listed, active members chose, most chosen first (the
        filter buttons offer only what finds someone)."""
        rows = await self.db.fetchall(
            "SELECT v.id, v.facet, v.label, v.proposed, COUNT(*) AS members"
            " FROM vocab_entries v JOIN member_facets f ON f.entry_id = v.id"
            " JOIN members m ON m.id = f.member_id"
            " JOIN member_settings s ON s.member_id = m.id"
            " WHERE v.facet = :facet AND s.listed_in_directory = 1 AND m.status = 'active'"
            " AND (:region IS NULL OR m.region = :region)"
            " GROUP BY v.id ORDER BY members DESC, v.position, v.folded",
            {"facet": facet, "region": region},
        )
        return [VocabEntry(**dict(r)) for r in rows]

    # requests -------------------------------------------------------------------------------

    async def set_request(self, request_id: int, entry_ids: Iterable[int]) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM cooperation_request_facets WHERE request_id = ?", (request_id,)
            )
            await conn.executemany(
                "INSERT OR IGNORE INTO cooperation_request_facets (request_id, entry_id)"
                " VALUES (?, ?)",
                [(request_id, entry_id) for entry_id in entry_ids],
            )

    async def of_request(self, request_id: int) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT entry_id FROM cooperation_request_facets WHERE request_id = ?"
            " ORDER BY entry_id",
            (request_id,),
        )
        return [r[0] for r in rows]
