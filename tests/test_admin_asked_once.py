"""An admin with linked Telegram and Slack accounts is one member: each approval request and
each join request to a group without moderators reaches them once, on their preferred
platform, also when the account named in KNOTENPUNKT_ADMINS cannot be reached."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.groups_support import make_group
from tests.helpers import FakeAdapter
from tests.linking_support import TwoPlatforms, code_in, two_platforms


async def _linked_admin(world: TwoPlatforms) -> int:
    """Petra registers on Telegram and links her Slack account."""
    telegram = world.on_telegram("42")
    await telegram.register(name="Petra Admin")
    await telegram.say("/verknuepfen")
    await world.on_slack("UADMIN").say(f"/start {code_in(telegram)}")
    member = await world.services.store.members.find_by_identity("slack", "UADMIN")
    assert member is not None
    return member.id


def _requests(adapter: FakeAdapter, chat: str, needle: str) -> list[str]:
    return [s.message.text for s in adapter.sent if s.chat_id == chat and needle in s.message.text]


async def test_each_request_reaches_a_linked_admin_once_on_the_preferred_platform(
    make_settings: Callable[..., Settings],
) -> None:
    def settings(**overrides: object) -> Settings:
        admins = ["telegram:42", "slack:UADMIN"]
        return make_settings(approval_required=True, admins=admins, **overrides)

    async with two_platforms(settings) as world:
        store = world.services.store
        petra = await _linked_admin(world)
        await store.linking.set_preferred_platform(petra, "slack")
        await world.delivered()
        carla = world.on_telegram("77")
        await carla.answer_until_consent(name="Carla Test")
        await carla.press("Ja")
        bob = world.on_slack("U5", language_hint="en")
        await bob.answer_until_consent(name="Bob Builder", language="English")
        await bob.press("Yes")
        await world.delivered()
        asked = _requests(world.slack, "UADMIN", "Neue Anmeldung")
        assert [text.split(":")[1].split("(")[0].strip() for text in asked] == [
            "Carla Test",
            "Bob Builder",
        ]
        assert _requests(world.telegram, "42", "Neue Anmeldung") == []

        # a join request to a group without moderators: the admins decide, Petra once
        await make_group(store, world.services.settings, "AG Drohnen", "request")
        admin = world.on_slack("UADMIN")
        await admin.say("/freigeben")
        for _ in range(2):  # Carla and Bob are let in
            await admin.press("Freigeben")
            await admin.say("/freigeben")
        assert "Keine Anmeldungen" in admin.texts()
        await carla.say("/gruppen AG Drohnen")
        await carla.press("Beitritt anfragen")
        await world.delivered()
        join = _requests(world.slack, "UADMIN", "AG Drohnen")
        assert len(join) == 1 and _requests(world.telegram, "42", "AG Drohnen") == []


async def test_an_admin_whose_configured_account_is_unreachable_is_asked_on_the_other(
    make_settings: Callable[..., Settings],
) -> None:
    def settings(**overrides: object) -> Settings:
        return make_settings(approval_required=True, admins=["telegram:42"], **overrides)

    async with two_platforms(settings) as world:
        await _linked_admin(world)
        await world.services.store.members.mark_unreachable("telegram", "42")  # blocked
        carla = world.on_telegram("77")
        await carla.answer_until_consent(name="Carla Test")
        await carla.press("Ja")
        await world.delivered()
        assert len(_requests(world.slack, "UADMIN", "Neue Anmeldung: Carla Test")) == 1
