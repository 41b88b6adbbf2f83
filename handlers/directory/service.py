"""The rules of the directory: what a search term may be, how often a member may search,
and paging. Chat (and later a dashboard) go through here; the index lives in storage."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.parsing.names import spelling
from storage import Store
from storage.db import utcnow
from storage.directory import Overview, SearchFilters, SearchPage

PAGE_SIZE = 10
SEARCHES_PER_WINDOW = 20
WINDOW = timedelta(minutes=1)
MAX_TERM = 100
_HAS_WORD = re.compile(r"[^\W_]")


@dataclass
class RateLimited(Exception):
    seconds: int


class BadTerm(Exception):
    """Nothing searchable in the term, or far too long."""


@dataclass
class SearchResult:
    search_id: int  # for the "more" button
    term: str
    page: SearchPage
    filters: SearchFilters = field(default_factory=SearchFilters)


@dataclass
class DirectoryService:
    store: Store
    clock: Callable[[], datetime] = utcnow

    async def search(
        self,
        member_id: int,
        term: str,
        offset: int = 0,
        filters: SearchFilters | None = None,
    ) -> SearchResult:
        """One page of matches; every page counts against the member's rate limit. A term
        may be left out when there are filters."""
        filters = filters or SearchFilters()
        term = " ".join(term.split())
        if len(term) > MAX_TERM or not (_HAS_WORD.search(term) or (not term and not filters.empty)):
            raise BadTerm(term)
        now = self.clock()
        await self._check_rate(member_id, now)
        search_id = await self.store.directory.log_search(member_id, term, now, filters)
        page = await self.store.directory.search(term, max(offset, 0), PAGE_SIZE, filters)
        return SearchResult(search_id, term, page, filters)

    async def more(self, member_id: int, search_id: int, offset: int) -> SearchResult | None:
        """The next page of an earlier search; None when it is no longer known."""
        logged = await self.store.directory.logged_search(search_id, member_id)
        if logged is None:
            return None
        return await self.search(member_id, logged[0], offset, logged[1])

    async def logged(self, member_id: int, search_id: int) -> tuple[str, SearchFilters] | None:
        """An earlier search's term and filters (to add a filter to it)."""
        return await self.store.directory.logged_search(search_id, member_id)

    async def overview(self) -> Overview:
        return await self.store.directory.overview(same=spelling)

    async def is_listed(self, member_id: int) -> bool:
        return await self.store.directory.is_listed(member_id)

    async def set_listed(self, member_id: int, listed: bool, actor: str | None) -> None:
        await self.store.directory.set_listed(member_id, listed)
        await self.store.audit.record("directory.listed", actor, member_id=member_id, on=listed)

    async def _check_rate(self, member_id: int, now: datetime) -> None:
        recent = await self.store.directory.searches_since(member_id, now - WINDOW)
        if len(recent) >= SEARCHES_PER_WINDOW:
            free_at = recent[-SEARCHES_PER_WINDOW] + WINDOW
            raise RateLimited(max(1, math.ceil((free_at - now).total_seconds())))
