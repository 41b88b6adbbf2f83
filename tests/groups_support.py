"""Helpers shared by the working-group tests: members made through the store, a group
service, and the texts a fake adapter delivered to one chat."""

from __future__ import annotations

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.groups.service import GroupService
from storage import Store
from storage.groups import Group
from tests.helpers import FakeAdapter


async def console_member(
    store: Store, user_id: str, name: str, company: str = "Muster GmbH", language: str = "de"
) -> int:
    """A registered member chatting on the console (private chat id = user id)."""
    member = await store.members.create(
        name=name, company=company, region="Hagen", competencies=[], language=language
    )
    await store.members.add_identity(member.id, "console", user_id, user_id, name)
    return member.id


def group_service(store: Store, settings: Settings, actor: str = "test") -> GroupService:
    return GroupService(store, Notifier(store, settings.language), settings, actor)


async def make_group(
    store: Store,
    settings: Settings,
    name: str = "AG Wasserstoff",
    policy: str = "open",
    members: tuple[int, ...] = (),
) -> Group:
    group = await group_service(store, settings).create(name, "H2 in der Produktion", policy)
    for member_id in members:
        await store.groups.join(group.id, member_id)
    return group


def titles_to(adapter: FakeAdapter, chat_id: str) -> list[str]:
    return [s.message.title or "" for s in adapter.sent if s.chat_id == chat_id]


def texts_to(adapter: FakeAdapter, chat_id: str) -> list[str]:
    return [
        f"{s.message.title or ''}\n{s.message.text}" for s in adapter.sent if s.chat_id == chat_id
    ]
