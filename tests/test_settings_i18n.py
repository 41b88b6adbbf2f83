"""Settings validation and catalog completeness."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import CATALOG, choose_plurals, format_datetime, plural_parts, t
from bot.settings import ConfigError, load_settings
from handlers import build_router


def test_defaults_match_the_design() -> None:
    settings = load_settings(_env_file=None)
    assert str(settings.db_path) == "knotenpunkt.sqlite3"
    assert (settings.http_host, settings.http_port) == ("127.0.0.1", 8080)
    assert settings.timezone == "Europe/Berlin" and settings.language == "de"
    assert settings.reminder_offsets == [timedelta(days=1), timedelta(hours=1)]
    assert settings.telegram_mode == "polling" and settings.console_only


def test_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOTENPUNKT_ADMINS", "telegram:12345, slack:U0ABC")
    monkeypatch.setenv("KNOTENPUNKT_REMINDER_OFFSETS", "5s,20s")
    monkeypatch.setenv("KNOTENPUNKT_APPROVAL_REQUIRED", "true")
    settings = load_settings(_env_file=None)
    assert settings.admins == ["telegram:12345", "slack:U0ABC"]
    assert settings.reminder_offsets == [timedelta(seconds=20), timedelta(seconds=5)]
    assert settings.approval_required


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("KNOTENPUNKT_TIMEZONE", "Mars/Olympus", "KNOTENPUNKT_TIMEZONE: unknown time zone"),
        ("KNOTENPUNKT_ADMINS", "12345", "KNOTENPUNKT_ADMINS: expected platform:id"),
        ("KNOTENPUNKT_REMINDER_OFFSETS", "1 day", "KNOTENPUNKT_REMINDER_OFFSETS: not a duration"),
        ("KNOTENPUNKT_TELEGRAM_MODE", "carrier-pigeon", "KNOTENPUNKT_TELEGRAM_MODE:"),
        ("KNOTENPUNKT_HTTP_PORT", "eighty", "KNOTENPUNKT_HTTP_PORT:"),
    ],
)
def test_bad_value_is_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as error:
        load_settings(_env_file=None)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def _forms(text: str) -> list[str]:
    """The text with each plural part in each of its forms (by the count 0, 1 and 2)."""
    names = {name for _start, _end, name, _forms in plural_parts(text)}
    return [choose_plurals(text, "en", dict.fromkeys(names, n)) for n in (0, 1, 2)]


def _fields(text: str) -> set[str]:
    """Placeholders, and the numbers that plural parts count; not the example dates
    ``{ex_…}`` (filled from the moment, spelt as each language writes dates)."""
    counted = {name for _start, _end, name, _forms in plural_parts(text)}
    found = counted | {f for form in _forms(text) for f in re.findall(r"{(\w+)}", form)}
    return {f for f in found if not f.startswith("ex_")}


def test_every_message_has_german_and_english_with_same_placeholders() -> None:
    for key, texts in CATALOG.items():
        assert {"de", "en"} <= set(texts) <= {"de", "de_du", "en", "cli"}, key
        for lang, text in texts.items():
            assert isinstance(text, str), (key, lang)
            assert all(form.strip() for form in _forms(text)), (key, lang)  # parts parse
        assert _fields(texts["de"]) == _fields(texts["en"]), key
        for variant in ("de_du", "cli"):
            if variant in texts:
                assert _fields(texts[variant]) == _fields(texts["en"]), (key, variant)


def test_every_help_key_exists_and_command_names_suit_telegram() -> None:
    router = build_router()
    for command in router.listed_commands():
        if command.help_key:
            assert command.help_key in CATALOG
        for name in (command.name, *command.aliases):
            assert re.fullmatch(r"[a-z0-9_]{1,32}", name), name


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("de", "no.such.key")


def test_dates_german_and_english_dst_correct() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    summer = datetime(2026, 10, 24, 16, 0, tzinfo=UTC)  # CEST, UTC+2
    winter = datetime(2026, 10, 26, 17, 0, tzinfo=UTC)  # CET, UTC+1
    assert format_datetime(summer, "de", berlin) == "Sa., 24.10.2026, 18:00 Uhr"
    assert format_datetime(winter, "de", berlin) == "Mo., 26.10.2026, 18:00 Uhr"
    assert format_datetime(winter, "en", berlin) == "Mon, 26 Oct 2026, 6:00 pm"
