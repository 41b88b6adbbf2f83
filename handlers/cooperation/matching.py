"""Who hears of a new request: members who take requests and whose competencies or
subscribed topics match one of its tags (one FTS5 index, best matches first), or who have
all of the request's facets (a process, a certification: those members come first), never the
author, within the author's region if the request is meant for it, and nobody more than
``KNOTENPUNKT_REQUEST_NOTICES_PER_WEEK`` times in seven days. The rest find it in
``/gesuche``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from bot.delivery.notify import Notifier
from handlers.cooperation import render
from storage import Store
from storage.cooperation import CooperationRequest
from storage.cooperation_index import match_query

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Match:
    member_id: int
    tags: tuple[str, ...]  # the request's tags that made the match, for "why you got this"


async def find(store: Store, request: CooperationRequest, cap: int, now: datetime) -> list[Match]:
    """The members to tell of ``request`` now, best match first. Nobody for a request that
    is closed or expired, or when the weekly cap is 0."""
    query = match_query(request.tags)
    if query is None or cap <= 0 or not request.is_open(now):
        return []
    facets = await store.facets.of_request(request.id)
    ranked = await store.cooperation.matching_members(
        query,
        author_id=request.author_id,
        region=request.region,
        since=now - WEEK,
        cap=cap,
        facets=facets,
    )
    hits: dict[int, list[str]] = {member_id: [] for member_id in ranked}
    for tag in request.tags:
        tag_query = match_query([tag])
        if tag_query is None:
            continue
        for member_id in await store.cooperation.members_matching(tag_query):
            if member_id in hits:
                hits[member_id].append(tag)
    return [Match(member_id, tuple(hits[member_id])) for member_id in ranked]


async def notify(
    store: Store,
    notifier: Notifier,
    request: CooperationRequest,
    *,
    cap: int,
    zone: ZoneInfo,
    now: datetime,
) -> int:
    """Tell the matching members, best first, and count the notices against their weekly
    cap; returns how many were queued. Runs in the caller's transaction."""
    matches = await find(store, request, cap, now)
    if not matches:
        return 0
    await store.cooperation.record_notices(request.id, [m.member_id for m in matches], now)
    queued = 0
    for tags, member_ids in _by_reason(matches):
        queued += await notifier.to_members(
            member_ids,
            partial(render.notice, zone=zone, request=request, matched=list(tags)),
            dedupe=lambda member_id: f"cooperation:{request.id}:{member_id}",
            quiet=True,  # waits out each member's quiet hours
        )
    return queued


def _by_reason(matches: list[Match]) -> list[tuple[tuple[str, ...], list[int]]]:
    """Matches grouped by the tags that made them, so each group's notice is rendered once
    per language; groups in the order of their best match, members best first within."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for match in matches:
        groups.setdefault(match.tags, []).append(match.member_id)
    return list(groups.items())
