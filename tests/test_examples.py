"""Example dates in prompts and help lie in the future, whatever the day the bot runs.

Prompts once said "z. B. 03.12.2026 18:00": from the 4th of December 2026 on, a member who
typed the example was told it lies in the past. Examples are now derived from the moment.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.calendar.examples import example_day, example_texts
from bot.i18n import CATALOG, LANGUAGES, t, template
from bot.services import Services
from tests.helpers import Person

BERLIN = ZoneInfo("Europe/Berlin")
GERMAN_DAY = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")
ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR = re.compile(r"\b20\d\d\b")


def _days_in(text: str) -> list[date]:
    found = [date(int(y), int(m), int(d)) for d, m, y in GERMAN_DAY.findall(text)]
    return found + [date(int(y), int(m), int(d)) for y, m, d in ISO_DAY.findall(text)]


def _texts(key: str, lang: str) -> list[str]:
    text = template(lang, key)
    return list(text.values()) if isinstance(text, dict) else [text]


def test_no_catalog_text_pins_a_year() -> None:
    pinned = [
        (key, lang)
        for key in CATALOG
        for lang in LANGUAGES
        for text in _texts(key, lang)
        if YEAR.search(text)
    ]
    assert pinned == []


def test_every_example_in_the_catalog_lies_ahead() -> None:
    today = datetime.now(BERLIN).date()
    keys = [k for k in CATALOG if any("{ex_" in s for g in LANGUAGES for s in _texts(k, g))]
    assert {"events.ask_start", "broadcast.ask_when", "cooperation.ask_expiry"} <= set(keys)
    for key in keys:
        for lang in LANGUAGES:
            params = {"zone": "Europe/Berlin", "value": "x", "id": 1, "n": 1}
            days = _days_in(t(lang, key, **params))
            assert days, (key, lang)
            assert all(day > today for day in days), (key, lang, days)


@pytest.mark.parametrize("offset", range(0, 14))
def test_the_example_day_is_a_monday_at_least_two_days_ahead(offset: int) -> None:
    now = datetime.now(UTC) + timedelta(days=offset)
    day = example_day(BERLIN, now)
    today = now.astimezone(BERLIN).date()
    assert day.weekday() == 0
    assert timedelta(days=2) <= day - today <= timedelta(days=8)
    texts = example_texts(BERLIN, now)
    assert texts["ex_datetime"] == f"{day:%d.%m.%Y} 18:00"
    assert texts["ex_morning_iso"] == f"{day:%Y-%m-%d} 09:00"


async def test_typing_the_prompts_example_creates_the_event(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    prompt = (await admin.say("KI-Stammtisch"))[0].text
    example = re.search(r"z\. B\. (\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})", prompt)
    assert example, prompt
    replies = await admin.say(example.group(1))
    assert "Wie lange" in replies[0].text, replies[0].text


async def test_typing_the_broadcast_example_schedules_it(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/rundschreiben")
    await admin.press("Alle Mitglieder")
    await admin.say("Sommerfest am Freitag")
    await admin.press("Planen")
    example = re.search(r"z\. B\. (\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})", admin.texts())
    assert example, admin.texts()
    await admin.say(example.group(1))
    await admin.press("Planen")  # the preview's confirmation
    assert "geplant" in admin.texts() and "Vergangenheit" not in admin.texts(), admin.texts()
