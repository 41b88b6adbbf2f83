"""Who takes cooperation requests and who matches one: the setting, the FTS5 index
``cooperation_index`` and the notices counted against the weekly cap.

The index is kept in sync by triggers (migration 0010) from the same folded member texts
as the directory (the ``member_search_texts`` view); the query side folds with
:func:`storage.directory.fts_query`.
"""

from __future__ import annotations

import builtins
from datetime import datetime

from storage.db import Database, to_db_time
from storage.directory import facet_filter, fts_query

WHOLE_WORD_BELOW = 4  # "KI" or "3D" in a request must not find "Kinematik" or "3D-Druck…"
MAX_MATCH_TAGS = 10


def match_query(tags: builtins.list[str]) -> str | None:
    """An FTS5 query matching a member with any of the tags (each tag: all its words)."""
    parts = [fts_query(tag, whole_below=WHOLE_WORD_BELOW) for tag in tags[:MAX_MATCH_TAGS]]
    found = [f"({part})" for part in parts if part]
    return " OR ".join(found) or None


class MatchingIndex:
    def __init__(self, db: Database) -> None:
        self.db = db

    # the setting ---------------------------------------------------------------------------

    async def takes_requests(self, member_id: int) -> bool:
        """On when the member said so, else when they are listed in the directory."""
        value = await self.db.fetchval(
            "SELECT COALESCE(cooperation_requests, listed_in_directory, 0) FROM member_settings"
            " WHERE member_id = ?",
            (member_id,),
        )
        return bool(value)

    async def set_takes_requests(self, member_id: int, on: bool) -> None:
        await self.db.execute(
            "INSERT INTO member_settings (member_id, cooperation_requests) VALUES (?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET"
            " cooperation_requests = excluded.cooperation_requests",
            (member_id, int(on)),
        )

    async def indexed_ids(self) -> builtins.list[int]:
        rows = await self.db.fetchall("SELECT rowid FROM cooperation_index ORDER BY rowid")
        return [r[0] for r in rows]

    # matching ------------------------------------------------------------------------------

    async def matching_members(
        self,
        query: str,
        *,
        author_id: int,
        region: str | None,
        since: datetime,
        cap: int,
        facets: builtins.list[int] | None = None,
    ) -> builtins.list[int]:
        """Members who take requests and match ``query`` or have every one of ``facets``;
        those with all the facets first, then best match (bm25: competencies before
        topics); without the author, within the region if one is given, and with fewer
        than ``cap`` notices since ``since``. The facet condition is the directory's."""
        params: dict[str, object] = {
            "query": query,
            "author": author_id,
            "region": region,
            "since": to_db_time(since),
            "cap": cap,
        }
        if facets:
            having, extra = facet_filter("rowid", facets)
            params |= extra
            faceted = f"SELECT rowid AS id FROM cooperation_index WHERE 1 = 1{having}"
        else:
            faceted = "SELECT NULL AS id WHERE 0"
        rows = await self.db.fetchall(
            "WITH hit AS (SELECT rowid AS id, rank FROM cooperation_index"
            " WHERE cooperation_index MATCH :query),"
            f" faceted AS ({faceted}),"
            " candidate AS (SELECT id FROM hit UNION SELECT id FROM faceted)"
            " SELECT c.id FROM candidate c JOIN members m ON m.id = c.id"
            " LEFT JOIN hit ON hit.id = c.id"
            " WHERE m.id != :author AND m.status = 'active'"
            " AND (:region IS NULL OR m.region = :region)"
            " AND (SELECT COUNT(*) FROM cooperation_responses n WHERE n.member_id = m.id"
            " AND n.notified_at >= :since) < :cap"
            " ORDER BY c.id IN (SELECT id FROM faceted) DESC, COALESCE(hit.rank, 0), m.id",
            params,
        )
        return [r[0] for r in rows]

    async def members_matching(self, query: str) -> set[int]:
        """Every indexed member matching ``query`` (to say which tag made a match)."""
        rows = await self.db.fetchall(
            "SELECT rowid FROM cooperation_index WHERE cooperation_index MATCH ?", (query,)
        )
        return {r[0] for r in rows}

    async def record_notices(
        self, request_id: int, member_ids: builtins.list[int], at: datetime
    ) -> None:
        async with self.db.transaction() as conn:
            await conn.executemany(
                "INSERT INTO cooperation_responses (request_id, member_id, notified_at)"
                " VALUES (?, ?, ?) ON CONFLICT (request_id, member_id) DO UPDATE SET"
                " notified_at = excluded.notified_at",
                [(request_id, member_id, to_db_time(at)) for member_id in member_ids],
            )
            await conn.execute(
                "UPDATE cooperation_requests SET notified = notified + ? WHERE id = ?",
                (len(member_ids), request_id),
            )

    async def notices_since(self, member_id: int, since: datetime) -> int:
        return int(
            await self.db.fetchval(
                "SELECT COUNT(*) FROM cooperation_responses WHERE member_id = ?"
                " AND notified_at >= ?",
                (member_id, to_db_time(since)),
            )
        )
