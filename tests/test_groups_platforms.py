"""Working groups across platforms, with the real Slack and Telegram adapters against the
fake servers: an update posted in a bound Slack channel reaches a group member on Telegram
and the bound Telegram group once each, and not the channel it came from."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.app import Services
from bot.settings import Settings
from handlers.groups.service import post_batch
from tests.fake_telegram import group_chat, user
from tests.groups_support import group_service
from tests.platforms_support import both_platforms
from tests.slack_signing import add_member

TELEGRAM_ADMIN = user(42, "Petra", "de")
UPDATE = "Förderaufruf Wasserstoff: Einreichung bis 30.6. https://example.org/h2"


async def test_update_from_a_slack_channel_reaches_telegram_once_and_not_its_channel(
    make_settings: Callable[..., Settings],
) -> None:
    async with both_platforms(make_settings) as world:
        services, store = world.services, world.services.store
        group = await group_service(store, services.settings).create("AG Wasserstoff")
        anna = await add_member(services, "U1", "Anna")  # posts from Slack
        await add_member(services, "UADMIN", "Chefin")
        # Tom has Slack and Telegram; he wrote on Telegram last, so that is where he reads
        tom = await add_member(services, "U2", "Tom")
        await store.members.add_identity(tom, "telegram", "501", "501", "Tom")
        await store.members.touch_identity("telegram", "501", "501")
        mia = await add_member(services, "U3", "Mia")  # muted
        await store.members.add_identity(mia, "telegram", "502", "502", "Mia")
        for member_id in (anna, tom, mia):
            await store.groups.join(group.id, member_id)
        await store.groups.set_level(group.id, mia, "muted")

        # the admins bind the Slack channel and the Telegram group, each on its platform
        await world.send.command("UADMIN", "binden gruppe AG Wasserstoff", "C1", "wasserstoff-ag")
        await world.settle()
        assert "Arbeitsgruppe „AG Wasserstoff“" in world.slack.last_in("C1").all_text()
        h2_chat = group_chat(-300, "AG Wasserstoff")
        await world.telegram_says(
            TELEGRAM_ADMIN, "/binden@KnotenpunktTestBot gruppe AG Wasserstoff", h2_chat
        )
        bound = await store.bindings.for_target("group", group.id)
        assert sorted((b.platform, b.chat_id) for b in bound) == [
            ("slack", "C1"),
            ("telegram", "-300"),
        ]

        await world.send.command("U1", f"update {UPDATE}", "C1", "wasserstoff-ag")
        await world.settle()
        [post] = await store.groups.recent_posts(group.id)
        await wait_for_report(services, post_batch(post.id), {"sent": 2})

        attributed = "Anna (Anna GmbH) in AG Wasserstoff"
        to_tom = [m.text for m in world.telegram.sent_to(501)]
        assert len(to_tom) == 1 and attributed in to_tom[0] and UPDATE in to_tom[0]
        in_group = [m.text for m in world.telegram.sent_to(-300) if UPDATE in m.text]
        assert len(in_group) == 1 and attributed in in_group[0]
        assert world.telegram.sent_to(502) == []  # muted
        # Slack: the channel sees the answer to the command, nothing through the outbox
        in_channel = [m for m in world.slack.messages_in("C1") if UPDATE in m.all_text()]
        assert len(in_channel) == 1 and "Auch an 1 Mitglied und" in in_channel[0].all_text()
        rows = await store.db.fetchall(
            "SELECT platform, chat_id FROM outbox WHERE batch = ? ORDER BY chat_id",
            (post_batch(post.id),),
        )
        assert [tuple(r) for r in rows] == [("telegram", "-300"), ("telegram", "501")]
        for dm in ("DU1", "DU2", "DU3"):
            assert not [m for m in world.slack.messages_in(dm) if UPDATE in m.all_text()], dm


async def wait_for_report(services: Services, batch: str, expected: dict[str, int]) -> None:
    deadline = time.monotonic() + 10
    while (report := await services.store.outbox.batch_report(batch)) != expected:
        assert time.monotonic() < deadline, f"{batch}: {report} != {expected}"
        await services.worker.drain(within=10.0)
