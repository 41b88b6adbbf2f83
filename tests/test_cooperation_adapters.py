"""Cooperation requests through the real adapters: on Telegram (against the fake Bot API)
a request posted with the wizard reaches the matching member, "Interessiert" reaches the
author without any link, and "Verbinden" gives both a ``tg://user?id=`` link; on Slack the
contact is a ``<@U…>`` mention; across platforms each side learns where the other is."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.cooperation_support import post
from tests.fake_slack import FakeSlack
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.linking_support import two_platforms
from tests.slack_signing import add_member as add_slack_member
from tests.slack_signing import running_slack, standard_fake

ANNA = user(330, "Anna", "de")
BEA = user(331, "Bea", "de")


async def test_telegram_contacts_are_exchanged_only_after_connect(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        await bot.member(330, "Anna <Autorin>")
        bea = await bot.member(331, "Bea Berater")
        await store.members.update_field(bea, "competencies", ["Laserschweißen", "Robotik"])
        await store.directory.set_listed(bea, True)

        await bot.say(ANNA, "/gesuch")
        await bot.press(ANNA, "Ich suche einen Partner")
        await bot.say(ANNA, "Laser & <Schweiß>-Partner")
        [tags] = await bot.say(ANNA, "Wir brauchen 2 Wochen Kapazität.")
        assert "▫️ Laserschweißen" in [b["text"] for b in tags.buttons()]  # a suggestion
        await bot.press(ANNA, "Laserschweißen")
        await bot.press(ANNA, "Weiter")
        await bot.press(ANNA, "ganze Netzwerk")
        _intro, preview, _ask = await bot.press(ANNA, "6 Wochen")
        assert preview.html.startswith(
            "<b>🤝 Passendes Kooperationsgesuch: Laser &amp; &lt;Schweiß&gt;-Partner</b>"
        )
        sent = await bot.press(ANNA, "Veröffentlichen")
        [posted] = [m for m in sent if m.chat_id == 330]
        assert "1 passendes Mitglied wurde benachrichtigt" in posted.text

        await wait_for(lambda: any("Passendes" in m.text for m in bot.fake.sent_to(331)))
        await bot.press(BEA, "Interessiert")
        await wait_for(lambda: any("Interesse an Ihrem" in m.text for m in bot.fake.sent_to(330)))
        [told] = [m for m in bot.fake.sent_to(330) if "Interesse an Ihrem" in m.text]
        assert "Bea Berater – Muster GmbH, Kreis Olpe" in told.text
        assert "Kompetenzen: Laserschweißen, Robotik" in told.text
        assert not any("tg://" in m.html for m in bot.fake.sent)  # nobody's contact yet

        [intro] = [m for m in await bot.press(ANNA, "Verbinden") if m.chat_id == 330]
        assert '<a href="tg://user?id=331">Bea Berater</a>' in intro.html
        assert "tg://user?id=330" not in intro.html
        await wait_for(lambda: any("tg://user?id=330" in m.html for m in bot.fake.sent_to(331)))
        [bea_intro] = [m for m in bot.fake.sent_to(331) if "tg://" in m.html]
        assert '<a href="tg://user?id=330">Anna &lt;Autorin&gt;</a>' in bea_intro.html
        assert "hat Ihr Interesse angenommen" in bea_intro.text


async def test_slack_contacts_are_mentions(make_settings: Callable[..., Settings]) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        services = slack.services
        anna = await add_slack_member(services, "U1", "Anna")
        bob = await add_slack_member(services, "U2", "Bob")
        await services.store.directory.set_listed(bob, True)  # competencies: KI
        await post(services.store, services.settings, anna, ["KI"], title="KI-Partner")
        await slack.settle()
        notice = slack.fake.last_in(FakeSlack.dm("U2"))
        assert "KI-Partner" in notice.all_text()
        await slack.send.click("U2", notice, "Interessiert")
        await slack.settle()
        told = slack.fake.last_in(FakeSlack.dm("U1"))
        assert "<@U2>" not in told.all_text()
        await slack.send.click("U1", told, "Verbinden")
        await slack.settle()
        assert "Kontakt: <@U2>" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()
        # Bob's comes through the outbox, after his chat's one-per-second window
        await wait_for(
            lambda: "Kontakt: <@U1>" in slack.fake.last_in(FakeSlack.dm("U2")).all_text()
        )


async def test_across_platforms_each_learns_where_the_other_is(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        store = world.services.store
        tina = world.on_telegram("4711")
        await tina.register(name="Tina Telegram", competencies="Fräsen")
        sam = world.on_slack("U1")
        await sam.register(name="Sam Slack", competencies="Robotik")
        await sam.press("Ja, ins Verzeichnis")
        tina_member = await store.members.find_by_identity("telegram", "4711")
        assert tina_member is not None
        await post(store, world.services.settings, tina_member.id, ["Robotik"])
        await world.delivered()
        sam.last = [world.slack.sent[-1].message]
        await sam.press("Interessiert")
        await world.delivered()
        tina.last = [world.telegram.sent[-1].message]
        await tina.press("Verbinden")
        [intro] = tina.last
        assert intro.contacts == []
        assert "nur über Slack erreichbar" in intro.text
        await world.delivered()
        sam_intro = world.slack.sent[-1].message
        assert sam_intro.contacts == [] and "nur über Telegram erreichbar" in sam_intro.text
        assert "Tina Telegram" in sam_intro.text
