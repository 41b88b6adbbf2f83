"""Long and formatted messages at the fake platforms (issue 33): a one-paragraph newsletter
is cut for Slack never inside a link, a formatting span or a word; a Telegram-formatted
broadcast keeps its bold and links everywhere; Slack's mentions and channel links are
passed on as names, mass mentions never."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_slack import FakeSlack
from tests.fake_telegram import user
from tests.groups_support import group_service
from tests.platforms_support import both_platforms
from tests.slack_signing import add_member as add_slack_member
from tests.slack_signing import running_slack, standard_fake

LINK = "[Hier geht es zur Anmeldung für die Jahrestagung und zum Programm](https://example.org/anmeldung?tag=1&ort=2)"
_SLACK_LINK = re.compile(r"<https://[^|>]+\|[^>]*>")


def newsletter(length: int = 3990) -> str:
    """One paragraph as pasted from a newsletter: words, *bold* and links, no line break;
    a link stands where a cut at the last space before 3,000 characters would fall."""
    words = "Liebe Mitglieder, die Region wächst weiter und wir laden herzlich ein. " * 60
    start = words[: 2950 - len(LINK) // 2].rsplit(" ", 1)[0] + " "
    middle = start + LINK + " *Jahrestagung 2027 in Olpe mit allen Partnern* "
    filler = words[: length - len(middle) - len(LINK) - 1].rstrip() + " "
    return middle + filler.rjust(length - len(middle) - len(LINK), ".") + LINK


def as_slack_types(text: str) -> str:
    """Slack's escaping of a typed message: & < > as entities, addresses wrapped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\((https://[^)]+)\)", r"(<\1>)", escaped)


def visible(section: str) -> str:
    """A section's words as a reader sees them: links by their label, no markers."""
    return _SLACK_LINK.sub(lambda m: m.group(0).split("|", 1)[1][:-1], section).replace("*", "")


async def test_one_paragraph_newsletter_is_cut_between_words_and_links_on_slack(
    make_settings: Callable[..., Settings],
) -> None:
    text = newsletter()
    assert len(text) == 3990 and "\n" not in text
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as slack:
        await add_slack_member(slack.services, "U1", "Anna")
        admin_dm = FakeSlack.dm("UADMIN")
        await slack.send.dm("UADMIN", "rundschreiben")
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Alle Mitglieder")
        await slack.settle()
        await slack.send.event(
            {"type": "message", "channel": admin_dm, "user": "UADMIN",
             "text": as_slack_types(text), "ts": "1700000200.000001", "channel_type": "im"}
        )  # fmt: skip
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Sofort")
        await slack.settle()
        count = slack.fake.messages_in(admin_dm)[-1]
        await slack.send.click("UADMIN", count, "Jetzt senden")
        await slack.settle()

        [anna] = slack.fake.messages_in("DU1")
        sections = [b["text"]["text"] for b in anna.blocks if b["type"] == "section"]
        assert len(sections) >= 2
        for section in sections:
            assert len(section) <= 3000
            rest = _SLACK_LINK.sub("", section)
            assert "<" not in rest and ">" not in rest  # every link whole, none cut
            assert rest.count("*") % 2 == 0  # every bold span closed where it opened
        assert sections[0].endswith(" ") or sections[0][-1] in ".>*"  # ends between words
        words = " ".join(visible(s).strip() for s in sections)
        assert "Hier geht es zur Anmeldung für die Jahrestagung und zum Programm" in words
        assert words.count("<https://example.org/anmeldung") == 0
        assert (
            sum(s.count("<https://example.org/anmeldung?tag=1&amp;ort=2|") for s in sections) == 2
        )


TELEGRAM_ADMIN = user(42, "Petra", "de")
FORMATTED = "Jahrestagung 2027 in Olpe. Anmeldung hier, Programm: siehe Link."


def entity(kind: str, text: str, part: str, **extra: str) -> dict[str, object]:
    """A Telegram message entity over ``part`` of ``text`` (ASCII here: offsets as is)."""
    return {"type": kind, "offset": text.index(part), "length": len(part), **extra}


async def test_a_telegram_formatted_broadcast_keeps_bold_and_links_on_both_platforms(
    make_settings: Callable[..., Settings],
) -> None:
    async with both_platforms(make_settings) as world:
        store = world.services.store
        await add_slack_member(world.services, "U1", "Anna")
        tom = await store.members.create(
            name="Tom", company="Tom AG", region="Kreis Olpe", competencies=[], language="de"
        )
        await store.members.add_identity(tom.id, "telegram", "501", "501", "Tom")
        await world.telegram_says(TELEGRAM_ADMIN, "/rundschreiben")
        await world.telegram_press(TELEGRAM_ADMIN, "Alle Mitglieder")
        entities = [
            entity("bold", FORMATTED, "Jahrestagung 2027"),
            entity("text_link", FORMATTED, "Anmeldung hier", url="https://example.org/anmeldung"),
            entity("text_link", FORMATTED, "Link", url="https://example.org/programm"),
        ]
        await world.telegram_deliver(
            world.telegram.message_update(TELEGRAM_ADMIN, FORMATTED, entities=entities)
        )
        await world.telegram_press(TELEGRAM_ADMIN, "Sofort")
        await world.telegram_press(TELEGRAM_ADMIN, "Jetzt senden")
        await world.settle()

        [to_tom] = [m for m in world.telegram.sent_to(501) if "Olpe" in m.text]
        assert "<b>Jahrestagung 2027</b> in Olpe. " in to_tom.html
        assert '<a href="https://example.org/anmeldung">Anmeldung hier</a>, ' in to_tom.html
        assert 'siehe <a href="https://example.org/programm">Link</a>.' in to_tom.html
        anna = slack_section_text(world.slack.last_in("DU1"))
        assert (
            "*Jahrestagung 2027* in Olpe. <https://example.org/anmeldung|Anmeldung hier>," in anna
        )
        assert "siehe <https://example.org/programm|Link>." in anna


def slack_section_text(message: object) -> str:
    blocks = message.blocks  # type: ignore[attr-defined]
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


async def test_a_slack_update_passes_on_names_and_channels_but_no_mass_mention(
    make_settings: Callable[..., Settings],
) -> None:
    async with both_platforms(make_settings) as world:
        services, store = world.services, world.services.store
        group = await group_service(store, services.settings).create("AG Wasserstoff")
        anna = await add_slack_member(services, "U1", "Anna")
        tom = await store.members.create(
            name="Tom", company="Tom AG", region="Kreis Olpe", competencies=[], language="de"
        )
        await store.members.add_identity(tom.id, "telegram", "501", "501", "Tom")
        for member_id in (anna, tom.id):
            await store.groups.join(group.id, member_id)
        typed = "<!here> Danke <@U2> für den *Bericht* in <#C0H2|wasserstoff> &amp; mehr <!channel>"
        await world.send.event(  # as Slack sends it: its references raw, & escaped
            {"type": "message", "channel": "DU1", "user": "U1", "text": f"update {typed}",
             "ts": "1700000300.000001", "channel_type": "im"}
        )  # fmt: skip
        await world.settle()
        await world.send.click("U1", world.slack.last_in("DU1"), "AG Wasserstoff")
        await world.settle()
        await world.send.click("U1", world.slack.last_in("DU1"), "Senden")
        await world.settle()
        [post] = await store.groups.recent_posts(group.id)
        assert post.body == "Danke bob für den *Bericht* in #wasserstoff & mehr"

        deadline = time.monotonic() + 10
        while not [m for m in world.telegram.sent_to(501) if "Danke" in m.text]:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.05)
        [to_tom] = [m for m in world.telegram.sent_to(501) if "Danke" in m.text]
        assert "Danke bob für den <b>Bericht</b> in #wasserstoff &amp; mehr" in to_tom.html
        assert "here" not in to_tom.text and "channel" not in to_tom.text
