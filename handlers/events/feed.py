"""Personal calendar feeds over HTTP: ``/calendar/{token}.ics``.

The token is a secret per member (``secrets.token_urlsafe``); an unknown token gets a
plain 404 that says nothing about which tokens exist. The feed holds the dates the member
answered yes or maybe to, or with ``?scope=topics`` all dates of their topics' events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from bot.calendar.ics import MIME_TYPE, feed_ics
from bot.calendar.recurrence import Occurrence
from handlers.events.dates import PAST, as_occurrence
from storage import Store
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services


async def member_occurrences(store: Store, member_id: int, scope: str) -> list[Occurrence]:
    """What a member's feed shows: answered dates, or every date of their topics, from
    the materialised dates (cancelled ones too, so calendars show them as cancelled)."""
    since = utcnow() - PAST
    if scope == "topics":
        topics = await store.topics.subscribed_ids(member_id)
        dated = await store.dates.of_topics(topics, since)
    else:
        answered = {
            (r.event_id, r.occurrence)
            for r in await store.rsvps.for_member(member_id)
            if r.status != "no" and r.occurrence >= since
        }
        found = await store.dates.of_events({event_id for event_id, _ in answered}, since)
        dated = [(e, d) for e, d in found if (e.id, d.occurrence) in answered]
    return [as_occurrence(event, date) for event, date in dated]


async def feed_body(store: Store, member_id: int, scope: str, name: str) -> bytes:
    occs = await member_occurrences(store, member_id, scope)
    categories: dict[int, list[str]] = {}
    for event_id in {o.event.id for o in occs}:
        names = []
        for topic_id in await store.events.topic_ids(event_id):
            topic = await store.topics.get(topic_id)
            if topic is not None:
                names.append(topic.name)
        categories[event_id] = names
    return feed_ics(occs, name, categories)


def install(services: Services) -> None:
    """Add the feed route to the HTTP server, when there is one."""
    http = services.http
    if http is None:
        return
    store, settings = services.store, services.settings

    async def feed(request: web.Request) -> web.Response:
        token = request.match_info.get("token", "")
        member_id = await store.events.member_for_token(token) if len(token) >= 16 else None
        if member_id is None:
            raise web.HTTPNotFound()
        scope = "topics" if request.query.get("scope") == "topics" else "rsvps"
        body = await feed_body(store, member_id, scope, settings.network_name)
        return web.Response(
            body=body,
            content_type=MIME_TYPE,
            charset="utf-8",
            headers={"Cache-Control": "private, max-age=300"},
        )

    http.add_route("GET", "/calendar/{token}.ics", feed)
