"""The small markup: parsed once, rendered natively by each adapter, never breaking a send."""

from __future__ import annotations

import io

import pytest

from bot import markup
from bot.adapters.console import ConsoleAdapter
from bot.adapters.slack_blocks import markup_mrkdwn, render
from bot.adapters.telegram_render import render_parts, utf16_len
from bot.models import ChatKind, Outgoing
from tests.fake_telegram import ApiError, plain_text

SAMPLE = (
    "*Einladung* zur _Jahreskonferenz_ am 3. Dezember: "
    "[jetzt anmelden](https://example.org/konferenz?a=1&b=2) <b>nicht fett</b> & Co"
)

TRICKY = [
    "snake_case_name und 2*3*4 und *fett*er",
    "* kein fett * und _ kein kursiv _",
    "*offen ohne Ende und _auch hier",
    "*a _b_ c* und _x *y* z_",
    "\\*wörtlich\\* und \\_auch\\_ und \\[kein](https://link.example)",
    "[kein Link](ftp://example.org) [leer]() [x](https://a.example/b c)",
    "<script>alert(1)</script> &amp; <!channel> </b></i>",
    '[q"uote](https://example.org/?x="1") *<b>*',
    "*über\nzwei Zeilen*",
    "🙂 *Emoji 🙂* _ünïcödé_",
    "",
    "*",
    "__init__ und **doppelt**",
]


def test_bold_italic_and_links_are_parsed_and_the_rest_is_literal() -> None:
    assert markup.spans("*fett* und _kursiv_ [Link](https://x.example)") == [
        markup.Span("fett", bold=True),
        markup.Span(" und "),
        markup.Span("kursiv", italic=True),
        markup.Span(" "),
        markup.Span("Link", url="https://x.example"),
    ]
    for literal in ("snake_case_name", "2*3*4", "*fett*er", "* nein *", "*offen", "**"):
        assert markup.spans(literal) == [markup.Span(literal)], literal
    assert markup.plain("\\*wörtlich\\*") == "*wörtlich*"
    assert markup.plain("*a _b_*") == "a b"
    assert markup.spans("*a _b_*")[1] == markup.Span("b", bold=True, italic=True)


def test_escape_makes_any_text_show_as_typed() -> None:
    for text in TRICKY:
        assert markup.plain(markup.escape(text)) == text


def test_telegram_gets_valid_escaped_html() -> None:
    [html] = render_parts(Outgoing(title="Rundschreiben", text=SAMPLE, markup=True))
    assert html == (
        "<b>Rundschreiben</b>\n\n<b>Einladung</b> zur <i>Jahreskonferenz</i> am 3. Dezember: "
        '<a href="https://example.org/konferenz?a=1&amp;b=2">jetzt anmelden</a>'
        " &lt;b&gt;nicht fett&lt;/b&gt; &amp; Co"
    )
    assert plain_text(html, "HTML").startswith("Rundschreiben\n\nEinladung zur Jahreskonferenz")


@pytest.mark.parametrize("text", TRICKY)
def test_odd_input_still_renders_as_html_telegram_accepts(text: str) -> None:
    parts = render_parts(Outgoing(title="T", text=text, markup=True))
    try:
        shown = "".join(plain_text(part, "HTML") for part in parts)
    except ApiError as exc:  # the fake parses HTML as strictly as Telegram does
        pytest.fail(f"Telegram would refuse {parts!r}: {exc.description}")
    visible = "T" + "".join(span.text for span in markup.spans(text))  # links: their text
    assert shown.replace("\n", "") == visible.replace("\n", "")
    assert all(utf16_len(plain_text(p, "HTML")) <= 4096 for p in parts)


def test_long_markup_is_split_on_the_visible_text_with_tags_closed_in_each_part() -> None:
    line = "*fett " + "x" * 60 + "* und _kursiv_ [Link](https://example.org/" + "p" * 40 + ")\n"
    text = line * 120  # about 10,000 visible characters
    parts = render_parts(Outgoing(title="Titel", text=text, markup=True))
    assert len(parts) >= 3
    visible = [plain_text(part, "HTML") for part in parts]  # each part is valid on its own
    assert all(utf16_len(v) <= 4096 for v in visible)
    joined = "\n".join(visible)
    assert joined.count("kursiv") == 120 and joined.count("Link") == 120
    assert sum(part.count('<a href="https://example.org/') for part in parts) == 120


def test_slack_gets_mrkdwn_with_everything_else_escaped() -> None:
    assert markup_mrkdwn(SAMPLE) == (
        "*Einladung* zur _Jahreskonferenz_ am 3. Dezember: "
        "<https://example.org/konferenz?a=1&amp;b=2|jetzt anmelden>"
        " &lt;b&gt;nicht fett&lt;/b&gt; &amp; Co"
    )
    assert markup_mrkdwn("*a _b_ c*") == "*a _b_ c*"
    assert markup_mrkdwn("[a|b <x>](https://e.example)") == "<https://e.example|a¦b &lt;x&gt;>"
    assert markup_mrkdwn("<!channel> snake_case") == "&lt;!channel&gt; snake_case"
    [payload] = render(Outgoing(title="Rundschreiben", text=SAMPLE, markup=True))
    assert payload["blocks"][0]["text"]["text"].startswith("*Rundschreiben*\n*Einladung* zur")
    assert payload["text"].startswith("Rundschreiben\nEinladung zur Jahreskonferenz")
    assert "jetzt anmelden (https://example.org/konferenz?a=1&amp;b=2)" in payload["text"]


@pytest.mark.parametrize("text", TRICKY)
def test_slack_never_gets_unescaped_control_characters(text: str) -> None:
    rendered = markup_mrkdwn(text)
    outside_links = "".join(
        piece.split(">", 1)[-1] for piece in ("x>" + rendered).split("<https://")
    )
    assert "<" not in outside_links.replace("&lt;", "")


def test_plain_messages_are_untouched_by_the_markup() -> None:
    message = Outgoing(text="*nicht fett* [kein](https://link.example)")
    assert render_parts(message) == ["*nicht fett* [kein](https://link.example)"]
    [payload] = render(message)
    assert payload["blocks"][0]["text"]["text"].startswith("*nicht fett* [kein](")


async def test_console_shows_readable_plain_text() -> None:
    out = io.StringIO()

    async def handle(incoming: object) -> list[Outgoing]:
        return []

    async def eof() -> None:
        return None

    console = ConsoleAdapter(handle, "me", io.StringIO(), out, on_eof=eof)
    await console.send("me", ChatKind.PRIVATE, Outgoing(title="T", text=SAMPLE, markup=True))
    shown = out.getvalue()
    assert "== T ==" in shown
    assert "Einladung zur Jahreskonferenz am 3. Dezember: jetzt anmelden " in shown
    assert "(https://example.org/konferenz?a=1&b=2) <b>nicht fett</b> & Co" in shown
    assert "*" not in shown and "_" not in shown and "[" not in shown


def test_underline_strike_code_and_pre_render_on_both_platforms() -> None:
    text = "__unter__ ~weg~ `a_b*c` und\n```\nx = *1*\n```"
    message = Outgoing(text=text, markup=True)
    assert render_parts(message) == [
        "<u>unter</u> <s>weg</s> <code>a_b*c</code> und\n<pre>x = *1*</pre>"
    ]
    assert markup_mrkdwn(text) == "_unter_ ~weg~ `a_b*c` und\n```x = *1*```"
    assert markup.plain(text) == "unter weg a_b*c und\nx = *1*"


def test_telegram_entities_become_markup_at_utf16_offsets() -> None:
    from telegram import MessageEntity

    from bot.adapters.telegram_entities import to_markup

    text = "👍 Jahrestagung *2027*: Anmeldung hier"
    entities = [  # the emoji is two UTF-16 units
        MessageEntity("bold", 3, 12),
        MessageEntity("bold", 24, 14),
        MessageEntity("text_link", 24, 14, url="https://example.org/a"),
    ]
    assert to_markup(text, entities) == (
        "👍 *Jahrestagung* *2027*: *[Anmeldung hier](https://example.org/a)*"
    )
    assert to_markup("/hilfe", [MessageEntity("bot_command", 0, 6)]) == "/hilfe"
