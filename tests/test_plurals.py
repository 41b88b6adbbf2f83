"""Counts read right: one shared plural syntax in the catalog (ICU's ``{n, plural, one {…}
other {…}}``), resolved by the i18n layer with Babel's rules, several counts per text;
months as words. Seen where members and staff met "👥 1 Mitglieder" and "1 Zusagen"."""

from __future__ import annotations

import re

import pytest
from babel.numbers import format_decimal

from bot.i18n import CATALOG, choose_plurals, format_count, format_month, plural_parts
from bot.services import Services
from tests.broadcast_support import add_member
from tests.helpers import Person

TEXT = (
    "{a, plural, one {# Mitglied} other {# Mitglieder}} in „{group}“, "
    "{b, plural, =0 {keine Chats} one {# Chat} other {# Chats}}"
)


def test_each_count_takes_its_own_form_and_numbers_read_as_in_the_language() -> None:
    assert choose_plurals(TEXT, "de", {"a": 1, "b": 0}) == "1 Mitglied in „{group}“, keine Chats"
    assert choose_plurals(TEXT, "de", {"a": 2, "b": 1}) == "2 Mitglieder in „{group}“, 1 Chat"
    assert choose_plurals(TEXT, "de", {"a": 1234, "b": 2}).startswith("1.234 Mitglieder")
    assert choose_plurals(TEXT, "en", {"a": 1234, "b": 2}).startswith("1,234 Mitglieder")
    with pytest.raises(KeyError, match="counts 'b'"):
        choose_plurals(TEXT, "de", {"a": 1})
    with pytest.raises(TypeError, match="whole number"):
        choose_plurals(TEXT, "de", {"a": "1", "b": 1})
    with pytest.raises(ValueError, match="not well formed"):
        plural_parts("{n, plural, one {# Tag}}")  # no "other" form


# a count right before a noun that has a plural: the texts where "1 Mitglieder" could show
COUNTED = re.compile(
    r"\{(\w+)\} +(Mitglieder|Konten|Tage|Tagen|Minuten|Sekunden|Versuche|Personen|Zusagen|"
    r"Absagen|Termine|Beiträge|Chats|Nachrichten|Einträge|Plätze|members|accounts|days|"
    r"minutes|seconds|tries|people|dates|events|updates|chats|messages|entries|seats|matches|"
    r"recipients)\b"
)
CONSTANTS = {"max", "max_tags", "max_entries", "max_len", "length", "uses"}  # limits, never 1
LIMITS = {"events.too_far", "events.too_long", "privacy.invite_usage"}  # days: a limit


def _without_plural_parts(text: str) -> str:
    for start, end, _name, _forms in reversed(plural_parts(text)):
        text = text[:start] + text[end:]
    return text


def test_no_count_stands_before_a_plural_noun_without_its_forms() -> None:
    found = [
        f"{key} ({lang}): {match.group(0)}"
        for key, texts in CATALOG.items()
        for lang, text in texts.items()
        for match in COUNTED.finditer(_without_plural_parts(text))
        if match.group(1) not in CONSTANTS and key not in LIMITS
    ]
    assert found == []


def test_months_read_as_words() -> None:
    assert format_month("2026-12", "de") == "Dezember 2026"
    assert format_month("2027-03", "de") == "März 2027"
    assert format_month("2026-12", "en") == "December 2026"


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("de", "👥 1 Mitglied ·", "👥 2 Mitglieder ·"), ("en", "👥 1 member ·", "👥 2 members ·")],
)
async def test_a_group_card_counts_its_members(
    app: Services, lang: str, one: str, two: str
) -> None:
    group = await app.store.groups.create("AG Wasserstoff", "", "open", None, "test")
    anna = Person(app.core, "anna", language_hint=lang)
    await anna.register(language="Deutsch" if lang == "de" else "English")
    replies = await anna.say("/gruppen" if lang == "de" else "/groups")
    [joined] = await anna.tap(replies[1].buttons[0][0])
    assert one in joined.text, joined.text
    await app.store.groups.join(group.id, await add_member(app.store, "Ben"))
    replies = await anna.say("/gruppen" if lang == "de" else "/groups")
    assert two in replies[1].text, replies[1].text


def test_counts_are_written_as_babel_writes_them() -> None:
    """format_count skips Babel where there is no separator to place: the same text."""
    for count in [*range(0, 1100), 9999, 12345, 1234567, -1, -1234]:
        assert format_count(count, "de") == format_decimal(count, locale="de_DE")
        assert format_count(count, "en") == format_decimal(count, locale="en_GB")
