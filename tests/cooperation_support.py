"""Helpers for the cooperation tests: members made straight in the store, posting through
the service, and who got a notice of which request (read from the outbox)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.settings import Settings
from handlers.cooperation.service import CooperationService, Draft, Posted
from storage import Store
from storage.db import utcnow


async def add_member(
    store: Store,
    name: str,
    competencies: list[str],
    *,
    region: str = "Hagen",
    listed: bool = True,
    takes: bool | None = None,
    topics: tuple[int, ...] = (),
    status: str = "active",
    language: str = "de",
    identities: tuple[tuple[str, str], ...] | None = None,
) -> int:
    """A member (console identity ``name.casefold()`` unless given), listed in the directory
    unless ``listed`` is False, with an explicit request setting if ``takes`` is given."""
    member = await store.members.create(
        name=name,
        company=f"{name} GmbH",
        region=region,
        competencies=competencies,
        language=language,
        status=status,
    )
    for platform, user_id in identities or (("console", name.casefold()),):
        await store.members.add_identity(member.id, platform, user_id, user_id)
    if listed:
        await store.directory.set_listed(member.id, True)
    if takes is not None:
        await store.cooperation.set_takes_requests(member.id, takes)
    for topic_id in topics:
        await store.topics.subscribe(member.id, topic_id)
    return member.id


def service(
    store: Store, settings: Settings, clock: Callable[[], datetime] = utcnow
) -> CooperationService:
    return CooperationService(store, Notifier(store, settings.language), settings, clock=clock)


async def post(
    store: Store,
    settings: Settings,
    author_id: int,
    tags: list[str],
    *,
    title: str = "Partner gesucht",
    kind: str = "seek",
    region: str | None = None,
    at: datetime | None = None,
    weeks: int = 6,
) -> Posted:
    now = at or utcnow()
    author = await store.members.get(author_id)
    assert author is not None
    draft = Draft(
        kind=kind,
        title=title,
        description="Wir suchen einen Partner für ein gemeinsames Projekt.",
        tags=tags,
        region=region,
        expires_at=now + timedelta(weeks=weeks),
    )
    return await service(store, settings, lambda: now).post(author, draft, "test")


async def noticed(store: Store, request_id: int) -> list[int]:
    """Members with a notice of the request in the outbox, in the order they were queued."""
    rows = await store.db.fetchall(
        "SELECT member_id FROM outbox WHERE dedupe_key LIKE ? ORDER BY id",
        (f"cooperation:{request_id}:%",),
    )
    return [r[0] for r in rows]


async def messages_to(store: Store, member_id: int) -> list[Outgoing]:
    """Everything queued for a member, oldest first."""
    rows = await store.db.fetchall(
        "SELECT payload FROM outbox WHERE member_id = ? ORDER BY id", (member_id,)
    )
    return [Outgoing.model_validate_json(r[0]) for r in rows]
