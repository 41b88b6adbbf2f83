"""German texts: formal "Sie" by default, "du" with KNOTENPUNKT_GERMAN_ADDRESS=du, plural
forms from Babel, and names that must contain letters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.i18n import CATALOG, choose_plurals, plural_parts, set_german_address, t, template, tn
from bot.services import Services
from bot.settings import ConfigError, load_settings
from tests.helpers import Person

INFORMAL = re.compile(
    r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure"
    r"|bist|hast|kannst|möchtest|wirst|stehst|sende|wähle|tippe|antworte|abonniere|starte"
    r"|nutze|prüfe|gib|sieh|wende)\b",
    re.IGNORECASE,
)  # pronouns and verb forms that only "du" takes
# the formal pronouns, capitalised; "sie" (she, they, it) in lower case is not an address
FORMAL = re.compile(r"\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")


@pytest.fixture
def address() -> Iterator[None]:
    yield
    set_german_address("sie")


def _forms(text: str) -> list[str]:
    """The text with each plural part in each of its forms (by the count 0, 1 and 2)."""
    names = {name for _start, _end, name, _forms in plural_parts(text)}
    return [choose_plurals(text, "de", dict.fromkeys(names, n)) for n in (0, 1, 2)]


def _resolve(key: str) -> list[str]:
    text = template("de", key)
    return [form.format_map(_Blank()) for form in _forms(text)]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "X"


def test_every_key_resolves_in_both_forms(address: None) -> None:
    for form in ("sie", "du"):
        set_german_address(form)
        for key in CATALOG:
            assert all(text.strip() for text in _resolve(key)), (form, key)


def test_sie_texts_are_formal_and_du_texts_informal() -> None:
    for key, texts in CATALOG.items():
        for form in _forms(texts["de"]):
            assert not INFORMAL.search(form), f"{key}: informal in the Sie text: {form}"
        if "de_du" in texts:
            assert texts["de_du"] != texts["de"], f"{key}: a du variant that does not differ"
            for form in _forms(texts["de_du"]):
                assert not FORMAL.search(form), f"{key}: formal in the du text: {form}"


def test_a_key_without_du_variant_falls_back_to_sie(address: None) -> None:
    plain = next(key for key, texts in CATALOG.items() if "de_du" not in texts)
    with_du = "error.not_registered"
    set_german_address("du")
    assert t("de", plain) == CATALOG[plain]["de"]
    assert t("de", with_du).startswith("Du bist noch nicht registriert")
    assert t("en", with_du) == "You are not registered yet. Send /start to sign up."
    set_german_address("sie")
    assert t("de", with_du).startswith("Sie sind noch nicht registriert")


def test_the_setting_chooses_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(_env_file=None).german_address == "sie"
    monkeypatch.setenv("KNOTENPUNKT_GERMAN_ADDRESS", "Du")
    assert load_settings(_env_file=None).german_address == "du"
    monkeypatch.setenv("KNOTENPUNKT_GERMAN_ADDRESS", "ihr")
    with pytest.raises(ConfigError, match="KNOTENPUNKT_GERMAN_ADDRESS"):
        load_settings(_env_file=None)


async def test_a_du_network_is_addressed_with_du(make_settings, address: None) -> None:  # type: ignore[no-untyped-def]
    from bot.app import App
    from tests.helpers import FakeAdapter

    fake = FakeAdapter()
    application = App(
        make_settings(german_address="du"), serve_http=False, adapter_factories=[lambda s: fake]
    )
    services = await application.start()
    try:
        anna = Person(services.core, "anna")
        await anna.say("/start")
        assert "Wie heißt du?" in (await anna.press("Deutsch"))[-1].text
    finally:
        await application.stop()


def test_plural_forms_come_from_babel() -> None:
    assert tn("de", "events.list_title", 1) == "Der nächste Termin:"
    assert tn("de", "events.list_title", 3) == "Die nächsten 3 Termine:"
    assert tn("en", "events.rule.count", 1) == "1 date"
    assert tn("en", "events.rule.count", 0) == "0 dates"
    with pytest.raises(KeyError, match="counts 'n'"):
        t("de", "events.list_title")
    for texts in CATALOG.values():
        for text in _forms(texts["de"]) + _forms(texts["en"]):
            assert not re.search(r"\w\((e|n|s|en)\)", text), text  # no "Tag(e)", "day(s)"


async def test_reminder_times_read_with_plural_forms(app: Services) -> None:
    from tests.events_support import member

    anna = await member(app, "anna", "Anna Muster")
    text = (await anna.say("/erinnerungen"))[0].text
    assert "Zeitpunkte: 1 Tag, 1 Stunde vorher" in text


@pytest.mark.parametrize("name", ["😀", "🤖🤖", "12345", "--"])
async def test_names_need_letters(app: Services, name: str) -> None:
    anna = Person(app.core, "anna")
    await anna.say("/start")
    await anna.press("Deutsch")
    replies = await anna.say(name)
    assert "braucht Buchstaben" in replies[0].text and "Wie heißen Sie" in replies[1].text
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin Admin")
    replies = await admin.say(f"/neuesthema {name}")
    assert "darunter Buchstaben" in replies[0].text
    assert await app.store.topics.find(name) is None


async def test_a_name_with_letters_and_emoji_is_fine(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register(name="Anna 😀 Muster")
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.name == "Anna 😀 Muster"


async def test_topic_list_names_the_topic_and_times_read_as_a_range(app: Services) -> None:
    from datetime import UTC, datetime

    from tests.events_support import add_event, member

    topic = await app.store.topics.create("Wasserstoff")
    start = datetime(datetime.now().year + 1, 3, 4, 15, 0, tzinfo=UTC)  # 16:00 in Berlin
    await add_event(app, "H2-Stammtisch", start=start, topic_ids=[topic.id])
    anna = await member(app, "anna", "Anna Muster")
    replies = await anna.say("/termine Wasserstoff")
    assert replies[0].text.startswith("Der nächste Termin zum Thema „Wasserstoff“:")
    [card] = await anna.press("H2-Stammtisch")
    assert "16:00–18:00 Uhr" in card.text and "Uhr –" not in card.text
    assert "„Robotik“" in (await anna.say("/termine Robotik"))[0].text  # unknown topic
