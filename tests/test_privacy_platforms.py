"""``/meinedaten`` and ``/loeschen`` through the real adapters: the JSON document arrives as
a file on Telegram (sendDocument) and on Slack (file upload into the DM); an erasure leaves
none of the member's platform ids in the database file, inbox included."""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_slack import FakeSlack
from tests.fake_telegram import group_chat, user
from tests.fake_telegram_harness import running_bot
from tests.platforms_support import both_platforms
from tests.privacy_support import file_bytes, traces, vacuum
from tests.slack_signing import add_member, running_slack, standard_fake

ZACHARIAS = user(7391846205, "Zacharias", "de")
SLACK_USER = "U0QUENDEL7"


def _link_code(text: str) -> str:
    for line in text.splitlines():
        if line.startswith(("/link ", "/verknuepfen ")):
            return line.split()[1]
    raise AssertionError(f"no code in {text!r}")


async def test_export_file_on_telegram(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        member_id = await bot.member(330, name="Anna Muster")
        await bot.say(user(330, "Anna", "de"), "/meinedaten")
        [call] = bot.fake.calls_to("sendDocument")
        filename, content = call.files["document"]
        assert filename == f"knotenpunkt-export-{member_id}-{filename[-13:-5]}.json"
        assert call.params["chat_id"] == "330"
        document = json.loads(content)
        assert document["tables"]["members"][0]["name"] == "Anna Muster"
        assert any("Anna Muster" in m.text for m in bot.fake.sent)  # the summary too


async def test_export_file_on_slack(make_settings: Callable[..., Settings]) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        await add_member(slack.services, "U1", "Anna Muster")
        await slack.send.dm("U1", "meinedaten")
        await slack.settle()
        [content] = slack.fake.uploads.values()
        document = json.loads(content)
        assert document["tables"]["identities"][0]["user_id"] == "U1"
        [upload] = slack.fake.calls_to("files.completeUploadExternal")
        assert upload["channel_id"] == "DU1"


async def test_erasure_from_slack_leaves_no_platform_id_in_the_file(
    make_settings: Callable[..., Settings],
) -> None:
    """Zacharias registers on Telegram, links Slack, uses both (his private chats, a group, a
    channel, the Home tab, a mistyped code, a search) and erases from Slack. Every update went
    through the inbox; after a checkpoint and after VACUUM none of his ids is in the file."""
    slack = standard_fake()
    slack.add_user(SLACK_USER, "zacharias", "de-DE")
    async with both_platforms(make_settings, slack) as world:
        store = world.services.store
        await world.telegram_says(ZACHARIAS, "/start")
        await world.telegram_press(ZACHARIAS, "Deutsch")
        for answer in ("Zacharias Quendelberg", "Quendelwerk GmbH"):
            await world.telegram_says(ZACHARIAS, answer)
        await world.telegram_press(ZACHARIAS, "Kreis Olpe")
        await world.telegram_says(ZACHARIAS, "Xylophonbau")
        await world.telegram_press(ZACHARIAS, "Ja, einverstanden")
        await world.telegram_says(ZACHARIAS, "/hilfe@KnotenpunktTestBot", group_chat(-300, "AG"))
        await world.send.dm(SLACK_USER, "start QQQQQQ")  # a mistyped code: rate-limited by key
        await world.telegram_says(ZACHARIAS, "/verknuepfen")
        code = _link_code(world.telegram.sent_to(ZACHARIAS["id"])[-1].text)
        await world.send.dm(SLACK_USER, f"start {code}")
        await world.settle()
        member = await store.members.find_by_identity("slack", SLACK_USER)
        assert member is not None and member.name == "Zacharias Quendelberg"
        await world.send.command(SLACK_USER, "profil", "C1", "wasserstoff-ag")  # ephemeral
        await world.send.home_opened(SLACK_USER)
        await world.send.dm(SLACK_USER, "suche Xylophonbau")
        await world.send.command(SLACK_USER, "loeschen")
        await world.settle()
        dm = FakeSlack.dm(SLACK_USER)
        await world.send.click(SLACK_USER, world.slack.last_in(dm), "Ja, alles löschen")
        await world.settle()
        assert "Ihre Daten sind gelöscht" in world.slack.last_in(dm).all_text()
        assert await store.members.get(member.id) is None

        path = world.services.settings.db_path
        ids = (str(ZACHARIAS["id"]), SLACK_USER, dm)
        needles = (*ids, "Zacharias", "Quendelberg", "Quendelwerk", "Xylophonbau")
        assert traces(file_bytes(path), needles) == []
        vacuum(path)
        assert traces(file_bytes(path), needles) == []
        handled = await store.db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NOT NULL")
        assert handled >= 14  # the update ids stay, to refuse re-deliveries
