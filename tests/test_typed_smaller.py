"""The smaller ways typed text was misread (issue 32, item 6): quoted titles, .ics file
names, event numbers written as the bot writes them, ``/einladen 5 Tage`` and a member's
``/gesuche alle``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.arguments import member_number, numbered
from bot.cli import main
from bot.i18n import quoted, t
from bot.services import Services
from handlers.events.render import ics_file_name
from storage.db import from_db_time, utcnow
from tests.events_support import add_event, member

QUOTED_TITLE = "„KI-Stammtisch“ – Frühjahr"


@pytest.mark.parametrize(
    ("lang", "title", "shown"),
    [
        ("de", QUOTED_TITLE, "„KI-Stammtisch“ – Frühjahr für Ihren Kalender."),
        ("de", "KI-Stammtisch", "„KI-Stammtisch“ für Ihren Kalender."),
        ("en", "The “AI” evening", "The “AI” evening for your calendar."),
        ("en", 'The "AI" evening', 'The "AI" evening for your calendar.'),
        ("en", "Anna’s talk", "“Anna’s talk” for your calendar."),  # an apostrophe is no quote
    ],
)
def test_a_title_with_quotes_gets_no_second_pair(lang: str, title: str, shown: str) -> None:
    assert t(lang, "events.ics_caption", title=title) == shown


async def test_the_ics_caption_and_file_name_of_a_quoted_title(app: Services) -> None:
    await add_event(app, QUOTED_TITLE)
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
    await anna.press("KI-Stammtisch")
    [caption] = await anna.press(".ics")
    assert caption.text == "„KI-Stammtisch“ – Frühjahr für Ihren Kalender."
    assert caption.document is not None
    assert caption.document.filename == "KI-Stammtisch-Fruehjahr.ics"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "Fräsen & Schweißen im Mittelstand: Praxisworkshop für Einsteiger",
            "Fraesen-Schweissen-im-Mittelstand.ics",  # not "…-Praxiswo"
        ),
        (
            "Wasserstoff-Stammtisch Südwestfalen 2027 mit Betriebsbesichtigung",
            "Wasserstoff-Stammtisch-Suedwestfalen.ics",  # not "…-2027-mi"
        ),
        (  # one word longer than any name: cut, since nothing else fits
            "Donaudampfschifffahrtsgesellschaftskapitänsmützenausstellung",
            "Donaudampfschifffahrtsgesellschaftskapit.ics",
        ),
        ("🎉🎉", "termin.ics"),
    ],
)
def test_an_ics_file_name_is_cut_at_a_word_boundary(title: str, name: str) -> None:
    assert ics_file_name(title) == name


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("3", (3, "")),
        ("#3", (3, "")),
        ("# 3", (3, "")),
        ("Nr. 3", (3, "")),
        ("nr.3", (3, "")),
        ("Nr 3 1.4.2027", (3, "1.4.2027")),
        ("no. 3", (3, "")),
        ("No. 3 tomorrow", (3, "tomorrow")),
        ("Nummer 3", (3, "")),
        ("3 01.04.2027", (3, "01.04.2027")),
        ("3.4.", (None, "3.4.")),
        ("Nr.", (None, "Nr.")),
        ("abc", (None, "abc")),
        ("0", (None, "0")),
        ("²", (None, "²")),
        ("9" * 30, (None, "9" * 30)),
    ],
)
def test_a_number_is_read_as_the_bot_writes_it(typed: str, read: tuple[int | None, str]) -> None:
    assert numbered(typed) == read
    assert member_number(typed) == (read[0] if not read[1] else None)


@pytest.mark.parametrize("written", ["Nr. {id}", "#{id}", "nr.{id}", "Nr {id}"])
async def test_attendees_and_cancelling_take_the_number_as_the_bot_writes_it(
    app: Services, written: str
) -> None:
    await add_event(app, "Jahrestagung")
    event = await add_event(app, "Demo Day")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
    await anna.press("Demo Day")
    await anna.press("✅")
    admin = await member(app, "admin", "Clara Chef")
    number = written.format(id=event.id)
    [answer] = await admin.say(f"/teilnehmer {number}")
    assert "Demo Day" in (answer.title or "") and "Anna Muster" in answer.text, answer.text
    [question] = await admin.say(f"/terminabsagen {number}")
    assert "Demo Day" in question.text and "absagen" in question.text, question.text
    [missing] = await admin.say("/teilnehmer Nr. 99")
    assert "Einen Termin Nr. 99 gibt es nicht." in missing.text


def test_the_command_line_takes_an_event_number_as_the_bot_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(tmp_path / "kp.sqlite3"))
    start = (utcnow() + timedelta(days=3)).strftime("%Y-%m-%d 18:00")
    assert main(["event", "add", "--title", "Demo Day", "--start", start]) == 0
    capsys.readouterr()
    assert main(["event", "attendees", "#1"]) == 0
    assert "Demo Day" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("typed", "people", "days"),
    [
        ("5 Tage", "für eine Person", 5),
        ("2 Wochen", "für eine Person", 14),
        ("3 Personen 14 Tage", "bis zu 3 Personen", 14),
        ("mehrfach für 10 Tage", "beliebig viele", 10),
        ("3 14", "bis zu 3 Personen", 14),  # as before: people, then days
    ],
)
async def test_invite_reads_days_as_people_say_them(
    app: Services, typed: str, people: str, days: int
) -> None:
    admin = await member(app, "admin", "Clara Chef")
    [made] = await admin.say(f"/einladen {typed}")
    assert "Einladung erstellt" in made.text and people in made.text, made.text
    expires = from_db_time(await app.store.db.fetchval("SELECT expires_at FROM invitations"))
    assert timedelta(days=days) - timedelta(minutes=1) < expires - utcnow() <= timedelta(days=days)


async def test_a_members_requests_all_is_told_it_is_for_the_team(app: Services) -> None:
    anna = await member(app, "anna", "Anna Muster")
    [answer] = await anna.say("/gesuche alle")
    assert "nur das Netzwerk-Team" in answer.text and "gibt es nicht" not in answer.text
    [answer] = await anna.say("/gesuche Quantenphysik")
    assert "Thema „Quantenphysik“ gibt es nicht" in answer.text
    admin = await member(app, "admin", "Clara Chef")
    [listing] = await admin.say("/gesuche alle")
    assert "nur das Netzwerk-Team" not in listing.text


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("KI-Stammtisch", "de", "„KI-Stammtisch“"),
        ("KI-Stammtisch", "en", "“KI-Stammtisch”"),
        (QUOTED_TITLE, "de", QUOTED_TITLE),
        ("„Save the date“: Sommerfest", "en", "„Save the date“: Sommerfest"),
    ],
)
def test_quotes_made_in_code_follow_the_same_rule(value: str, lang: str, shown: str) -> None:
    """Broadcast snippets in /rundschreiben status and import reports quote in code."""
    assert quoted(value, lang) == shown
