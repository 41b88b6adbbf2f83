"""Long and formatted messages at the fake platforms (issue 33): a one-paragraph newsletter
is cut for Slack never inside a link, a formatting span or a word."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_slack import FakeSlack
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
