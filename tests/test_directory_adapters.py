"""Search results through the real adapters: a Telegram ``tg://user?id=`` link, a Slack
``<@U…>`` mention, and people's text escaped around them."""

from __future__ import annotations

from collections.abc import Callable

from bot.adapters.slack_blocks import render as slack_render
from bot.adapters.telegram_render import render_parts
from bot.models import Contact, Outgoing, Platform, contact_marker, without_markers
from bot.services import Services
from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot
from tests.slack_signing import add_member, running_slack, standard_fake


async def _list(services: Services, member_id: int, competencies: list[str]) -> None:
    await services.store.members.update_field(member_id, "competencies", competencies)
    await services.store.directory.set_listed(member_id, True)


async def test_telegram_results_link_to_telegram_people(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        anna = await bot.member(330, "Anna Muster")
        await _list(bot.services, anna, ["Robotik"])
        boss = await bot.member(332, "Bob <Boss> & Co")
        await _list(bot.services, boss, ["Robotik"])
        sam = await add_member(bot.services, "U7", "Sam")
        await _list(bot.services, sam, ["Robotik"])
        await bot.member(331, "Eve")

        [answer] = await bot.say(user(331, "Eve"), "/suche robot")
        assert '<a href="tg://user?id=330">Anna Muster</a>' in answer.html
        assert '<a href="tg://user?id=332">Bob &lt;Boss&gt; &amp; Co</a>' in answer.html
        assert "nur über Slack erreichbar" in answer.html
        assert "U7" not in answer.html and "\ue000" not in answer.html
        assert answer.html.startswith("<b>Suche „robot“: 3 Treffer</b>")


async def test_slack_results_mention_slack_people(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        services = slack.services
        anna = await add_member(services, "U1", "Anna")
        await _list(services, anna, ["KI", "<!channel> Robotik"])
        await add_member(services, "U2", "Bob")
        tom = await services.store.members.create(
            name="Tom <x>", company="T", region="Hagen", competencies=["KI"], language="de"
        )
        await services.store.members.add_identity(tom.id, "telegram", "4711", "4711")
        await _list(services, tom.id, ["KI"])

        await slack.send.dm("U2", "suche ki")
        await slack.settle()
        [answer] = [m for m in slack.fake.messages_in("DU2") if "Treffer" in m.all_text()]
        shown = answer.all_text()
        assert "Kontakt: <@U1>" in shown
        assert "&lt;!channel&gt; Robotik" in shown and "<!channel>" not in shown
        assert "Tom &lt;x&gt;" in shown and "nur über Telegram erreichbar" in shown
        assert "tg://" not in shown and "\ue000" not in shown


def test_contacts_render_per_platform_and_markers_in_peoples_text_do_nothing() -> None:
    sneaky = without_markers(f"Eve {contact_marker(0)}")
    message = Outgoing(
        title="Treffer",
        text=f"Kontakt: {contact_marker(0)} / {contact_marker(1)} / {sneaky} {contact_marker(7)}",
        contacts=[
            Contact(platform=Platform.TELEGRAM, user_id="42", label="Anna <A>"),
            Contact(platform=Platform.SLACK, user_id="U1", label="Sam"),
        ],
    )
    [html] = render_parts(message)
    assert html == (
        '<b>Treffer</b>\n\nKontakt: <a href="tg://user?id=42">Anna &lt;A&gt;</a> / Sam / Eve 0 '
    )
    [payload] = slack_render(message)
    assert (
        payload["blocks"][0]["text"]["text"]
        == "*Treffer*\nKontakt: Anna &lt;A&gt; / <@U1> / Eve 0 "
    )
    assert payload["text"] == "Treffer\nKontakt: Anna &lt;A&gt; / <@U1> / Eve 0 "
    assert message.plain_text() == "Kontakt: Anna <A> / Sam / Eve 0 "
    # a contact whose id does not look like the platform's ids is shown as its label only
    odd = Outgoing(
        text=contact_marker(0),
        contacts=[Contact(platform=Platform.TELEGRAM, user_id='x" onclick=', label="X")],
    )
    assert render_parts(odd) == ["X"]
