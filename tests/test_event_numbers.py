"""One number per event: the "Nr." in /termine's lines, buttons and cards is the number
/teilnehmer and /terminabsagen take, the CLI lists and the dashboard shows."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.cli import event as event_cli
from bot.services import Services
from bot.settings import Settings
from storage.db import utcnow
from tests.dashboard_support import LINK, running_dashboard
from tests.events_support import add_event, member

SOON = timedelta(days=2)


async def _two_events_out_of_order(app: Services) -> tuple[int, int]:
    """The event made first takes place last, so a list position is never its number."""
    later = await add_event(app, "Jahrestagung", start=utcnow().replace(microsecond=0) + 3 * SOON)
    sooner = await add_event(app, "Demo Day", start=utcnow().replace(microsecond=0) + SOON)
    return later.id, sooner.id


def _number_in_line(text: str, title: str, word: str) -> int:
    [line] = [line for line in text.splitlines() if line.endswith(title)]
    found = re.match(rf"{word} (\d+) · ", line)
    assert found, line
    return int(found.group(1))


@pytest.mark.parametrize(
    ("language", "word", "events", "attendees", "cancel", "card_word"),
    [
        ("Deutsch", "Nr.", "/termine", "/teilnehmer", "/terminabsagen", "Termin Nr."),
        ("English", "No.", "/events", "/attendees", "/cancelevent", "Event no."),
    ],
)
async def test_the_number_in_the_list_is_the_one_the_commands_take(
    app: Services,
    language: str,
    word: str,
    events: str,
    attendees: str,
    cancel: str,
    card_word: str,
) -> None:
    later_id, sooner_id = await _two_events_out_of_order(app)
    anna = await member(app, "anna", "Anna Muster", language=language)
    await anna.say(events)
    await anna.press("Demo Day")
    await anna.press("✅")  # anna goes to the Demo Day
    admin = await member(app, "admin", "Clara Chef", language=language)

    [listing] = await admin.say(events)
    shown = _number_in_line(listing.text, "Demo Day", word)
    assert shown == sooner_id != 1  # the first line, but not number 1
    assert _number_in_line(listing.text, "Jahrestagung", word) == later_id
    labels = [row[0].label for row in listing.buttons]
    assert labels[0].startswith(f"{word} {sooner_id} · ") and "Demo Day" in labels[0]
    [card] = await admin.tap(listing.buttons[0][0])
    assert f"{card_word} {sooner_id}" in card.text

    [answer] = await admin.say(f"{attendees} {shown}")
    assert "Demo Day" in (answer.title or "") and "Anna Muster" in answer.text
    assert "Jahrestagung" not in f"{answer.title}{answer.text}"
    [question] = await admin.say(f"{cancel} {shown}")
    assert "Demo Day" in question.text and "Jahrestagung" not in question.text

    [members_card] = await anna.say(events)  # members see the same number
    assert _number_in_line(members_card.text, "Demo Day", word) == sooner_id


async def test_a_later_page_is_named_by_its_page_not_by_positions(app: Services) -> None:
    start = utcnow().replace(microsecond=0) + SOON
    for n in range(9):
        await add_event(app, f"Termin {n}", start=start + timedelta(days=n))
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
    [page] = await anna.press("mehr")
    assert page.text.startswith("Weitere Termine (Seite 2):")
    assert re.search(r"^Nr\. \d+ · .* · Termin 8$", page.text, re.MULTILINE)


async def test_the_cli_lists_the_same_numbers(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    later_id, sooner_id = await _two_events_out_of_order(app)
    code = await event_cli.list_events(argparse.Namespace(all=False), settings)
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.split()[0] == str(sooner_id) and "Demo Day" in line for line in lines)
    assert any(line.split()[0] == str(later_id) and "Jahrestagung" in line for line in lines)


@pytest.mark.parametrize(("hint", "heading"), [("de", "<th>Nr.</th>"), ("en", "<th>No.</th>")])
async def test_the_dashboard_shows_the_same_numbers(
    make_settings: Callable[..., Settings], hint: str, heading: str
) -> None:
    async with running_dashboard(make_settings) as dash:
        later_id, sooner_id = await _two_events_out_of_order(dash.services)
        admin = dash.person("admin", hint)
        await admin.say("/dashboard")
        found = LINK.search(admin.texts())
        assert found, admin.texts()
        async with dash.browser() as client:
            async with client.post(found.group(1), allow_redirects=False) as response:
                assert response.status == 303
            async with client.get("/admin/events") as response:
                page = await response.text()
            assert heading in page
            assert f"<td>{sooner_id}</td>" in page and f"<td>{later_id}</td>" in page
            async with client.get(f"/admin/events/{sooner_id}") as response:
                page = await response.text()
            assert heading in page and f'<td id="number">{sooner_id}</td>' in page
