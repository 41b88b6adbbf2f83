"""The competence directory: who is listed, the FTS5 search over listed members, the
overview, and the search log behind the rate limit and the "more" button.

The index itself is kept in sync by triggers (migration 0009): this module only reads it.
German folding happens on both sides the same way: ``ß`` becomes ``ss`` (here for the
query, in the ``directory_entries`` view for the index), the tokenizer removes diacritics,
and a word with umlauts is also looked up with them spelt out (``müller`` -> ``mueller``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time

MAX_QUERY_WORDS = 8
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# What the index view (migration 0019) replaces, in this order: ß and ı as the tokenizer
# does not fold them, and the names of languages and legal forms that are more than their
# letters (the tokenizer would make "C++" a "c" that "CNC" and "Co. KG" begin with).
INDEX_REPLACEMENTS = (
    ("ß", "ss"), ("ẞ", "SS"), ("ı", "i"), ("İ", "I"),
    ("C++", " cplusplus "), ("c++", " cplusplus "), ("C#", " csharp "), ("c#", " csharp "),
    ("F#", " fsharp "), ("f#", " fsharp "),
    (".NET", " dotnet "), (".Net", " dotnet "), (".net", " dotnet "),
    ("e.K.", " ek "), ("e. K.", " ek "), ("E.K.", " ek "),
)  # fmt: skip
_SPECIAL = {"c++": "cplusplus", "c#": "csharp", "f#": "fsharp", ".net": "dotnet", "e.k.": "ek"}
_TOKEN = re.compile(r"c\+\+|[cf]#|\.net|e\.\s?k\.|[^\W_]+", re.IGNORECASE)
_LETTERS = str.maketrans({"ß": "ss", "ẞ": "SS", "ı": "i", "İ": "I"})
# Words a member writes between the words they mean: they need not appear in a match.
FILLER_WORDS = frozenset({
    "und", "u", "für", "fuer", "mit", "der", "die", "das", "den", "dem", "des", "ein", "eine",
    "einer", "einem", "einen", "im", "in", "am", "an", "auf", "von", "vom", "zu", "zur", "zum",
    "bei", "aus", "sowie", "bzw", "and", "for", "with", "the", "a", "of", "on", "at", "to",
    "by", "from",
})  # fmt: skip
EITHER_WORDS = frozenset({"oder", "or"})  # between words: either is enough


def fold_for_index(text: str) -> str:
    """What the index view makes of a text (mirrors the SQL; a test keeps them equal)."""
    base = text
    for old, new in INDEX_REPLACEMENTS:
        base = base.replace(old, new)
    spelt = base.translate(_UMLAUTS)
    return base if spelt == base else f"{base} {spelt}"


def _words(term: str) -> list[tuple[str, bool]]:
    """The words of a search term, each with whether it must match as a whole word (the
    indexed names of C++, C#, .NET, e.K.)."""
    found = []
    for token in _TOKEN.findall(term):
        special = _SPECIAL.get(re.sub(r"\s", "", token.casefold()))
        found.append((special, True) if special else (token.translate(_LETTERS), False))
    return found


def _alternatives(term: str) -> list[list[tuple[str, bool]]]:
    """The term's words in groups that ``oder``/``or`` separate, filler words left out
    (unless a group is only filler words: then they are what was meant)."""
    groups: list[list[tuple[str, bool]]] = [[]]
    for word, whole in _words(term)[: MAX_QUERY_WORDS * 2]:
        if word.casefold() in EITHER_WORDS and not whole:
            groups.append([])
        else:
            groups[-1].append((word, whole))
    meant = []
    for group in groups:
        content = [(w, whole) for w, whole in group if whole or w.casefold() not in FILLER_WORDS]
        if content or group:
            meant.append((content or group)[:MAX_QUERY_WORDS])
    return meant


def fts_query(term: str, whole_below: int = 0) -> str | None:
    """A search term as an FTS5 query: every word as a prefix, all words required (``AND``),
    filler words (``und``, ``für``, ``with``) not required, ``oder``/``or`` between words
    meaning either.

    Words shorter than ``whole_below`` characters must match a whole word (so that a
    matching rule can keep "KI" from finding "Kinematik"). Words are quoted, so nothing a
    member types is read as FTS5 syntax.
    """
    either = []
    for group in _alternatives(term):
        parts = []
        for word, whole in group:
            star = "" if whole or len(word) < whole_below else "*"
            spelt = word.translate(_UMLAUTS)
            if spelt == word:
                parts.append(f'"{word}"{star}')
            else:
                parts.append(f'("{word}"{star} OR "{spelt}"{star})')
        # explicit AND: FTS5 reads implicit AND only between plain phrases, and refuses
        # ``"anna"* ("müller"* OR "mueller"*)`` with a syntax error
        if parts:
            either.append(" AND ".join(parts))
    if len(either) > 1:
        return " OR ".join(f"({part})" for part in either)
    return either[0] if either else None


def _preferred(spelling: tuple[str, int]) -> tuple[int, bool, bool, str]:
    """Which of a tag's spellings the overview shows: the most frequent, then one that is
    neither all capitals nor all lower case, then one with its umlauts."""
    tag, count = spelling
    return (-count, tag.isupper() or tag.islower(), tag.isascii(), tag)


class SearchFilters(BaseModel):
    """What a search is narrowed to besides its words: a region and vocabulary entries
    (a member must have every one of them)."""

    region: str | None = None
    entries: list[int] = []

    @property
    def empty(self) -> bool:
        return self.region is None and not self.entries


def facet_filter(column: str, entry_ids: list[int]) -> tuple[str, dict[str, int]]:
    """The condition that the member in ``column`` has every entry of ``entry_ids``: one
    ``IN`` per entry, each answered from the ``member_facets_entry`` index (shared by the
    directory search and cooperation matching)."""
    parts, params = [], {}
    for n, entry_id in enumerate(dict.fromkeys(entry_ids)):
        parts.append(
            f" AND {column} IN (SELECT member_id FROM member_facets WHERE entry_id = :e{n})"
        )
        params[f"e{n}"] = entry_id
    return "".join(parts), params


class DirectoryEntry(BaseModel):
    """A listed member as a search shows them; ``reach`` maps platform -> user id."""

    member_id: int
    name: str
    company: str
    region: str
    competencies: list[str]
    reach: dict[str, str]


class SearchPage(BaseModel):
    entries: list[DirectoryEntry]
    total: int
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.entries) < self.total


class Overview(BaseModel):
    listed: int
    regions: list[tuple[str, int]]
    competencies: list[tuple[str, int]]


class DirectoryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # the listing setting ------------------------------------------------------------------

    async def is_listed(self, member_id: int) -> bool:
        value = await self.db.fetchval(
            "SELECT listed_in_directory FROM member_settings WHERE member_id = ?", (member_id,)
        )
        return bool(value)

    async def set_listed(self, member_id: int, listed: bool) -> None:
        await self.db.execute(
            "INSERT INTO member_settings (member_id, listed_in_directory) VALUES (?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET"
            " listed_in_directory = excluded.listed_in_directory",
            (member_id, int(listed)),
        )

    async def indexed_ids(self) -> list[int]:
        rows = await self.db.fetchall("SELECT rowid FROM directory_index ORDER BY rowid")
        return [r[0] for r in rows]

    async def indexed_text(self, member_id: int) -> dict[str, str] | None:
        """The index row of a member, for checking the folding."""
        row = await self.db.fetchone(
            "SELECT name, company, region, competencies FROM directory_index WHERE rowid = ?",
            (member_id,),
        )
        return dict(row) if row else None

    # search -------------------------------------------------------------------------------

    async def search(
        self,
        term: str,
        offset: int = 0,
        limit: int = 10,
        filters: SearchFilters | None = None,
    ) -> SearchPage:
        """Listed active members matching every word of ``term`` (bm25 first, competencies
        weigh most; the weights are set in migration 0009) and every filter: the region and
        each chosen vocabulary entry. An empty term with filters lists by name.

        The one query behind ``/suche``, the dashboard's search and the benchmark."""
        filters = filters or SearchFilters()
        query = fts_query(term) if term.strip() else None
        if query is None and (term.strip() or filters.empty):
            return SearchPage(entries=[], total=0, offset=offset)
        params: dict[str, object] = {
            "limit": limit, "offset": offset, "region": filters.region,
        }  # fmt: skip
        region = " AND (:region IS NULL OR m.region = :region)"
        # Without a term the joins run left to right (CROSS JOIN): the first entry's members,
        # then whether they are listed, and only then their rows. (With a term, a facet
        # condition on the hit's id would be pushed into the FTS5 query, once per id.)
        if query is not None:
            where, extra = facet_filter("m.id", filters.entries)
            source = (
                "(SELECT rowid AS id, rank FROM directory_index WHERE directory_index MATCH :q)"
                " hit JOIN members m ON m.id = hit.id"
            )
            order = "hit.rank, m.id"
            params["q"] = query
        elif filters.entries:
            where, extra = facet_filter("f0.member_id", filters.entries[1:])
            source = (
                "member_facets f0 CROSS JOIN member_settings s ON s.member_id = f0.member_id"
                " AND s.listed_in_directory = 1 CROSS JOIN members m ON m.id = f0.member_id"
                " AND m.status = 'active'"
            )
            where = f" AND f0.entry_id = :first{where}"
            params["first"] = filters.entries[0]
            order = "m.name COLLATE NOCASE, m.id"
        else:
            where, extra = "", {}
            source = (
                "members m JOIN member_settings s ON s.member_id = m.id"
                " AND s.listed_in_directory = 1 AND m.status = 'active'"
            )
            order = "m.name COLLATE NOCASE, m.id"
        params |= extra
        # the page's ids first (with the count), over narrow rows; then their profiles
        rows = await self.db.fetchall(
            "SELECT m.id, m.name, m.company, m.region, m.competencies, page.total FROM"
            f" (SELECT m.id, COUNT(*) OVER () AS total, {order.replace(', m.id', '')} AS sort"
            f" FROM {source} WHERE 1 = 1{region}{where}"
            f" ORDER BY {order} LIMIT :limit OFFSET :offset) page"
            " JOIN members m ON m.id = page.id ORDER BY page.sort, m.id",
            params,
        )
        if rows:
            total = int(rows[0]["total"])
        elif offset:  # past the end: the count is still wanted
            total = int(
                await self.db.fetchval(
                    f"SELECT COUNT(*) FROM {source} WHERE 1 = 1{region}{where}", params
                )
            )
        else:
            total = 0
        reach = await self.reach([r["id"] for r in rows])
        entries = [
            DirectoryEntry(
                member_id=r["id"],
                name=r["name"],
                company=r["company"],
                region=r["region"],
                competencies=json.loads(r["competencies"]),
                reach=reach.get(r["id"], {}),
            )
            for r in rows
        ]
        return SearchPage(entries=entries, total=total, offset=offset)

    async def reach(self, member_ids: list[int]) -> dict[int, dict[str, str]]:
        """Per member and platform the account seen last, to show how to reach them
        (search results here, introductions of cooperation partners)."""
        if not member_ids:
            return {}
        marks = ",".join("?" for _ in member_ids)
        rows = await self.db.fetchall(
            "SELECT member_id, platform, user_id FROM identities"
            f" WHERE member_id IN ({marks}) ORDER BY last_seen_at DESC",
            member_ids,
        )
        found: dict[int, dict[str, str]] = {}
        for r in rows:
            found.setdefault(r["member_id"], {}).setdefault(r["platform"], r["user_id"])
        return found

    async def overview(self, top: int = 10, same: Callable[[str], str] = str.casefold) -> Overview:
        """How many listed members per region, and the most frequent competencies: those
        ``same`` makes equal count as one, under their most frequent spelling (SQLite's
        ``lower()`` folds ASCII only, so the caller brings the folding)."""
        listed = (
            "FROM members m JOIN member_settings s ON s.member_id = m.id"
            " WHERE s.listed_in_directory = 1 AND m.status = 'active'"
        )
        regions = await self.db.fetchall(
            f"SELECT m.region, COUNT(*) AS n {listed} GROUP BY m.region ORDER BY n DESC, m.region"
        )
        tags = await self.db.fetchall(
            "SELECT j.value AS tag, COUNT(*) AS n FROM members m"
            " JOIN member_settings s ON s.member_id = m.id, json_each(m.competencies) j"
            " WHERE s.listed_in_directory = 1 AND m.status = 'active'"
            " GROUP BY j.value ORDER BY n DESC, tag"
        )
        counted: dict[str, list[tuple[str, int]]] = {}
        for tag, count in tags:
            counted.setdefault(same(tag) or tag, []).append((tag, count))
        merged = [
            (min(spellings, key=_preferred)[0], sum(n for _, n in spellings))
            for spellings in counted.values()
        ]
        merged.sort(key=lambda item: (-item[1], item[0]))
        return Overview(
            listed=sum(r[1] for r in regions),
            regions=[(r[0], r[1]) for r in regions],
            competencies=merged[:top],
        )

    # the search log (rate limit, "more") -------------------------------------------------

    async def log_search(
        self, member_id: int, query: str, at: datetime, filters: SearchFilters | None = None
    ) -> int:
        """Remember a search (and its filters) for a day; returns its id for "more"."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM directory_searches WHERE at < ?",
                (to_db_time(at - timedelta(days=1)),),
            )
            cursor = await conn.execute(
                "INSERT INTO directory_searches (member_id, query, at, filters)"
                " VALUES (?, ?, ?, ?)",
                (
                    member_id,
                    query,
                    to_db_time(at),
                    (filters or SearchFilters()).model_dump_json(exclude_defaults=True),
                ),
            )
        return int(cursor.lastrowid or 0)

    async def searches_since(self, member_id: int, since: datetime) -> list[datetime]:
        rows = await self.db.fetchall(
            "SELECT at FROM directory_searches WHERE member_id = ? AND at >= ? ORDER BY at",
            (member_id, to_db_time(since)),
        )
        return [from_db_time(r[0]) for r in rows]

    async def logged_query(self, search_id: int, member_id: int) -> str | None:
        logged = await self.logged_search(search_id, member_id)
        return None if logged is None else logged[0]

    async def logged_search(
        self, search_id: int, member_id: int
    ) -> tuple[str, SearchFilters] | None:
        """The term and filters of an earlier search of this member."""
        row = await self.db.fetchone(
            "SELECT query, filters FROM directory_searches WHERE id = ? AND member_id = ?",
            (search_id, member_id),
        )
        if row is None:
            return None
        return str(row["query"]), SearchFilters.model_validate_json(row["filters"])
