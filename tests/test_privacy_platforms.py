"""``/meinedaten`` through the real adapters: the JSON document arrives as a file on
Telegram (sendDocument) and on Slack (file upload into the DM)."""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot
from tests.slack_signing import add_member, running_slack, standard_fake


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
