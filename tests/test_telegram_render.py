"""Rendering for Telegram, error naming and menu names: the pure parts of the adapter."""

from __future__ import annotations

import pytest
from telegram import error as tg

from bot.adapters.telegram import api_urls
from bot.adapters.telegram_errors import translate
from bot.adapters.telegram_menu import admin_chat_ids, command_name
from bot.adapters.telegram_render import (
    keyboard,
    keyboard_json,
    render_parts,
    split_plain,
    utf16_len,
)
from bot.delivery.errors import PermanentFailure, RetryAfter, TemporaryFailure, Unreachable
from bot.models import Button, Outgoing
from bot.router import Access, Command


async def _noop(ctx: object, args: str) -> None:
    return None


def test_title_bold_and_everything_escaped() -> None:
    parts = render_parts(Outgoing(title="A <b> & co", text="x < y && z > 1"))
    assert parts == ["<b>A &lt;b&gt; &amp; co</b>\n\nx &lt; y &amp;&amp; z &gt; 1"]


def test_split_prefers_line_breaks_and_keeps_every_character() -> None:
    lines = [f"line {i} " + "x" * 90 for i in range(100)]
    text = "\n".join(lines)
    parts = split_plain(text, limit=1000)
    assert all(utf16_len(p) <= 1000 for p in parts)
    assert "\n".join(parts) == text  # cut only at line breaks, nothing lost
    assert all(p.split("\n")[0].startswith("line ") for p in parts)


def test_a_line_longer_than_the_limit_is_cut_at_spaces_then_hard() -> None:
    words = " ".join(["wort"] * 500)
    parts = split_plain(words, limit=300)
    assert all(len(p) <= 300 for p in parts)
    assert all(not p.startswith(" ") and p.rstrip().endswith("wort") for p in parts)
    solid = "a" * 1000
    assert [len(p) for p in split_plain(solid, limit=300)] == [300, 300, 300, 100]


def test_length_counts_utf16_units_as_telegram_does() -> None:
    text = "🙂" * 3000  # 6000 UTF-16 units
    parts = split_plain(text, limit=4096)
    assert [utf16_len(p) for p in parts] == [4096, 1904]


def test_first_part_leaves_room_for_the_title() -> None:
    message = Outgoing(title="T" * 96, text="y" * 4096)
    parts = render_parts(message)
    assert len(parts) == 2
    assert parts[0].startswith("<b>" + "T" * 96 + "</b>\n\n")
    assert len(parts[0]) - len("<b></b>") <= 4096


def test_whitespace_only_text_makes_no_empty_parts() -> None:
    assert render_parts(Outgoing(text=" \n \n")) == []
    assert render_parts(Outgoing(title="Nur Titel", text="")) == ["<b>Nur Titel</b>"]


def test_keyboard_rows_and_callback_data() -> None:
    rows = [[Button(label="Ja", action="reg.consent", arg="yes")], []]
    markup = keyboard(rows)
    assert markup is not None
    assert markup.inline_keyboard[0][0].callback_data == "reg.consent|yes"
    assert len(markup.inline_keyboard) == 1
    assert keyboard([]) is None
    with pytest.raises(ValueError):
        keyboard([[Button(label="x", action="a", arg="y" * 70)]])


def test_keyboard_json_is_what_ptb_sends_for_the_keyboard() -> None:
    """Answers post the keyboard as JSON without PTB's objects: the same JSON."""
    rows = [
        [Button(label="Zusage ✅", action="ev.rsvp", arg="3:yes")],
        [],
        [Button(label="„Mehr“", action="ev.page", arg="1"), Button(label="x", action="a")],
    ]
    markup = keyboard(rows)
    assert markup is not None
    assert keyboard_json(rows) == markup.to_dict()
    assert keyboard_json([]) is None
    assert keyboard_json([[]]) is None


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (tg.RetryAfter(7), RetryAfter),
        (tg.Forbidden("Forbidden: bot was blocked by the user"), Unreachable),
        (tg.Forbidden("Forbidden: user is deactivated"), Unreachable),
        (tg.Forbidden("Forbidden: bot was kicked from the supergroup chat"), Unreachable),
        (tg.BadRequest("Bad Request: chat not found"), Unreachable),
        (tg.BadRequest("Bad Request: can't parse entities"), PermanentFailure),
        (tg.TimedOut(), TemporaryFailure),
        (tg.NetworkError("Bad Gateway"), TemporaryFailure),
        (tg.Conflict("Conflict"), TemporaryFailure),
    ],
)
def test_errors_are_named_for_the_delivery_worker(
    error: tg.TelegramError, expected: type[Exception]
) -> None:
    translated = translate(error)
    assert type(translated) is expected
    if isinstance(translated, RetryAfter):
        assert translated.seconds == 7


def test_api_url_forms() -> None:
    assert api_urls("http://127.0.0.1:8081") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )
    assert api_urls("https://api.example.org/bot/")[0] == "https://api.example.org/bot"


def test_menu_names_are_valid_telegram_commands() -> None:
    def cmd(name: str, *aliases: str) -> Command:
        return Command(handler=_noop, access=Access.MEMBER, name=name, aliases=aliases)

    assert command_name(cmd("topics", "themen"), "de") == "themen"
    assert command_name(cmd("topics", "themen"), "en") == "topics"
    assert command_name(cmd("unsubscribe", "kündigen"), "de") == "unsubscribe"
    assert command_name(cmd("Bad-Name"), "en") is None
    assert admin_chat_ids(["telegram:42", "slack:U1", "console:x"], ["telegram:7"]) == [7, 42]
