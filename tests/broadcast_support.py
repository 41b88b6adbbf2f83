"""Helpers for the broadcast tests: members made straight in the store, the service."""

from __future__ import annotations

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, Sender
from storage import Store
from storage.broadcasts import batch_of


async def add_member(
    store: Store,
    name: str,
    *,
    region: str = "Hagen",
    language: str = "de",
    identities: tuple[tuple[str, str], ...] | None = None,
    topics: tuple[int, ...] = (),
    status: str = "active",
) -> int:
    """A member with identities ``(platform, user_id)`` (the chat id is the user id)."""
    member = await store.members.create(
        name=name,
        company=f"{name} GmbH",
        region=region,
        competencies=[],
        language=language,
        status=status,
    )
    for platform, user_id in identities or (("console", name.casefold()),):
        await store.members.add_identity(member.id, platform, user_id, user_id)
    for topic_id in topics:
        await store.topics.subscribe(member.id, topic_id)
    return member.id


def service(store: Store, settings: Settings) -> BroadcastService:
    return BroadcastService(store, Notifier(store, settings.language), settings)


CLI = Sender(actor="test", language="de")


async def queued_members(store: Store, broadcast_id: int) -> list[int]:
    rows = await store.db.fetchall(
        "SELECT member_id FROM outbox WHERE batch = ? ORDER BY member_id",
        (batch_of(broadcast_id),),
    )
    return [r[0] for r in rows]
