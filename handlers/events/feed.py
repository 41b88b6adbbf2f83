"""Personal calendar feeds over HTTP: ``/calendar/{token}.ics``.

The token is a secret per member (``secrets.token_urlsafe``); an unknown token gets a
plain 404 that says nothing about which tokens exist. The feed holds the dates the member
answered yes or maybe to, or with ``?scope=topics`` all dates of their topics' events.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from aiohttp import web

from bot.calendar.ics import MIME_TYPE, feed_ics
from bot.calendar.recurrence import HORIZON, Occurrence, find_occurrence, occurrences
from storage import Store
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services

PAST = timedelta(days=60)


async def member_occurrences(store: Store, member_id: int, scope: str) -> list[Occurrence]:
    """What a member's feed shows: answered dates, or every date of their topics."""
    now = utcnow()
    found: list[Occurrence] = []
    if scope == "topics":
        topics = await store.topics.subscribed_ids(member_id)
        for event_id in sorted(await store.events.ids_for_topics(topics)):
            event = await store.events.get(event_id)
            if event is None:
                continue
            overrides = await store.events.overrides(event.id)
            found += occurrences(
                event, overrides, now - PAST, now + HORIZON, include_cancelled=True
            )
    else:
        for rsvp in await store.rsvps.for_member(member_id):
            if rsvp.status == "no" or rsvp.occurrence < now - PAST:
                continue
            event = await store.events.get(rsvp.event_id)
            if event is None:
                continue
            occ = find_occurrence(event, await store.events.overrides(event.id), rsvp.occurrence)
            if occ is not None:
                found.append(occ)
    return sorted(found, key=lambda o: (o.start, o.event.id))


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
