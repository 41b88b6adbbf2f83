"""Broadcasts through the real adapters: Telegram against the fake Bot API (the preview as
valid HTML, one recipient blocking the bot during sending, the report and its button), and
Slack against the fake Web API (typed in Slack, delivered as mrkdwn)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_slack import FakeSlack
from tests.fake_telegram import Call, user
from tests.fake_telegram_harness import Bot, running_bot, wait_for
from tests.slack_signing import add_member as add_slack_member
from tests.slack_signing import running_slack, standard_fake

ADMIN = user(1, "Chefin", "de")
MEMBER = user(101, "Anna", "de")
TEXT = "Einladung zur *Jahreskonferenz* & <Messe>: [Anmeldung](https://example.org/k?a=1&b=2)"


async def test_broadcast_with_a_blocked_member_reports_it_unreachable(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:1"]) as bot:
        await bot.member(101, "Anna Muster")
        await bot.member(102, "Bernd Blockiert")
        await bot.member(103, "Carla Weber", language="en")
        await bot.say(ADMIN, "/rundschreiben")
        await bot.press(ADMIN, "Alle Mitglieder")
        await bot.say(ADMIN, TEXT)
        preview, count = await bot.press(ADMIN, "Sofort")
        assert preview.html.startswith("<b>📣 Mitteilung von Knotenpunkt</b>\n\nEinladung zur ")
        assert "<b>Jahreskonferenz</b> &amp; &lt;Messe&gt;: " in preview.html
        assert '<a href="https://example.org/k?a=1&amp;b=2">Anmeldung</a>' in preview.html
        assert "Empfänger: 3 (alle Mitglieder) – Telegram: 3." in count.text

        bot.fake.fail("sendMessage", "blocked", chat_id=102)
        await bot.press(ADMIN, "Jetzt senden")
        await bot.outbox_report("broadcast:1", {"sent": 2, "unreachable": 1})
        delivered = {m.chat_id: m for m in bot.fake.sent if m.chat_id in (101, 103)}
        assert delivered[101].html == preview.html  # what the admin previewed, to the letter
        assert delivered[103].text.startswith("📣 Announcement from Knotenpunkt\n\nEinladung")

        await wait_for(lambda: any("ist zugestellt" in m.text for m in bot.fake.sent_to(1)))
        [report] = [m for m in bot.fake.sent_to(1) if "ist zugestellt" in m.text]
        assert "✅ 2 gesendet · ⏳ 0 ausstehend · 🚫 1 nicht erreichbar" in report.text
        [listing] = await bot.press(ADMIN, "Nicht erreichbar (1)")
        assert "• Bernd Blockiert (Muster GmbH, Telegram)" in listing.text
        assert "Anna" not in listing.text

        [refused] = await bot.say(MEMBER, "/rundschreiben")
        assert refused.text == "Dieser Befehl ist dem Netzwerk-Team vorbehalten."


async def test_broadcast_written_in_slack_reaches_slack_members_as_mrkdwn(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as slack:
        await add_slack_member(slack.services, "U1", "Anna")
        await add_slack_member(slack.services, "U2", "Bob", language="en")
        admin_dm = FakeSlack.dm("UADMIN")
        await slack.send.dm("UADMIN", "rundschreiben")
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Alle Mitglieder")
        await slack.settle()
        typed = (  # as Slack delivers it: & escaped, the typed address wrapped in <…>
            "Einladung zur *Jahreskonferenz* &amp; &lt;mehr&gt;: "
            "[Anmeldung](<https://example.org/k?a=1&amp;b=2>)"
        )
        await slack.send.event(
            {"type": "message", "channel": admin_dm, "user": "UADMIN", "text": typed,
             "ts": "1700000200.000001", "channel_type": "im"}
        )  # fmt: skip
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Sofort")
        await slack.settle()
        preview, count = slack.fake.messages_in(admin_dm)[-2:]
        assert "Empfänger: 2 (alle Mitglieder) – Slack: 2." in count.blocks[0]["text"]["text"]
        await slack.send.click("UADMIN", count, "Jetzt senden")
        await slack.settle()
        anna = slack.fake.last_in("DU1")
        assert anna.blocks[0]["text"]["text"] == preview.blocks[0]["text"]["text"]
        assert anna.blocks[0]["text"]["text"].startswith(
            "*📣 Mitteilung von Knotenpunkt*\nEinladung zur *Jahreskonferenz* &amp; &lt;mehr&gt;: "
            "<https://example.org/k?a=1&amp;b=2|Anmeldung>\n\nSie erhalten diese Mitteilung"
        )
        assert anna.text.startswith("📣 Mitteilung von Knotenpunkt\nEinladung zur Jahreskonferenz")
        assert "Announcement from Knotenpunkt" in slack.fake.last_in("DU2").text


async def test_rows_in_flight_when_cancelled_are_not_sent_after_a_429(
    make_settings: Callable[..., Settings],
) -> None:
    """Three sends are at Telegram when the admin cancels: two are answered with a 429 and
    stay withdrawn (never sent after the pause), one had gone through and counts as sent."""
    async with running_bot(make_settings, admins=["telegram:1"]) as bot:
        for chat in (101, 102, 103, 104):
            await bot.member(chat, f"Mitglied {chat}")
        in_flight = bot.fake.hold("sendMessage", [102, 103, 104])
        for chat in (102, 103):
            bot.fake.fail("sendMessage", "retry_after", chat_id=chat, retry_after=1)
        await bot.say(ADMIN, "/rundschreiben")
        await bot.press(ADMIN, "Alle Mitglieder")
        await bot.say(ADMIN, "Sommerfest am Freitag")
        await bot.press(ADMIN, "Sofort")
        await bot.press(ADMIN, "Jetzt senden")
        await bot.outbox_report("broadcast:1", {"sent": 1, "sending": 3})
        await wait_for(lambda: len(_calls_to(bot, 102, 103, 104)) == 3)

        [cancelled] = await bot.say(ADMIN, "/rundschreiben abbrechen 1")
        assert "Nr. 1 ist abgebrochen: 3 zurückgezogen, 1 bereits zugestellt" in cancelled.text
        in_flight.set()  # Telegram answers: 429 for 102 and 103, 104 went through
        await bot.outbox_report("broadcast:1", {"sent": 2, "withdrawn": 2})
        limiter = bot.services.worker.limiter
        await wait_for(lambda: limiter.paused_for("telegram") == 0)  # the pause is over,
        await asyncio.sleep(0.3)  # and the moment a retry would have been due
        await bot.services.worker.drain()

        assert len(_calls_to(bot, 102, 103)) == 2  # one try each, none after the pause
        delivered = [m.chat_id for m in bot.fake.sent if "Sommerfest" in m.text]
        assert sorted(delivered) == [1, 101, 104]  # the admin's preview, and two members
        assert await bot.services.store.outbox.batch_report("broadcast:1") == {
            "sent": 2,
            "withdrawn": 2,
        }
        [status] = await bot.say(ADMIN, "/rundschreiben status")
        assert "abgebrochen" in status.text and "(2 zurückgezogen)" in status.text
        assert "✅ 2 gesendet · ⏳ 0 ausstehend" in status.text
        assert "↩️ 2 zurückgezogen" in status.text


def _calls_to(bot: Bot, *chats: int) -> list[Call]:
    wanted = {str(chat) for chat in chats}
    return [c for c in bot.fake.calls_to("sendMessage") if c.params["chat_id"] in wanted]
