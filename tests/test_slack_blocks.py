"""Block Kit rendering: escaping, buttons, Slack's size limits."""

from __future__ import annotations

from bot.adapters.slack import api_base_url
from bot.adapters.slack_blocks import (
    BLOCKS_PER_MESSAGE,
    SECTION_LIMIT,
    decode_action,
    escape,
    incoming_text,
    mrkdwn,
    render,
    unescape,
)
from bot.models import Button, Outgoing


def test_mrkdwn_escapes_control_characters_and_links_web_addresses() -> None:
    assert mrkdwn("<!channel> & Co") == "&lt;!channel&gt; &amp; Co"
    assert mrkdwn("<https://evil.example|Klick>") == "&lt;<https://evil.example>|Klick&gt;"
    assert mrkdwn("Infos: https://example.org/a_b?x=1&y=2.") == (
        "Infos: <https://example.org/a_b?x=1&amp;y=2>."
    )
    assert unescape(escape("a & <b> &amp;")) == "a & <b> &amp;"


def test_incoming_links_come_back_as_typed() -> None:
    typed = "[Anmeldung](<https://x.example/a?b=1&amp;c=2>) <https://y.example|y.example> &lt;b&gt;"
    assert incoming_text(typed) == "[Anmeldung](https://x.example/a?b=1&c=2) https://y.example <b>"
    assert incoming_text("<mailto:a@b.example|a@b.example> <@U123>", {"U123": "Cleo"}) == (
        "a@b.example Cleo"
    )
    assert incoming_text("<!here> in <#C0H2|wasserstoff> <!everyone>") == "in #wasserstoff"
    assert incoming_text("<https://z.example|Hier>") == "Hier (https://z.example)"


def test_title_is_bold_and_escaped_and_text_is_the_fallback() -> None:
    [payload] = render(Outgoing(title="A <b> & *c*", text="Hallo"))
    assert payload["blocks"][0]["text"]["text"] == "*A &lt;b&gt; &amp; ∗c∗*\nHallo"
    assert payload["text"] == "A &lt;b&gt; &amp; *c*\nHallo"


def test_buttons_become_actions_blocks_of_at_most_five_with_unique_ids() -> None:
    buttons = [[Button(label=f"Thema {i}", action="topics.toggle", arg=str(i))] for i in range(12)]
    [payload] = render(Outgoing(text="Themen", buttons=buttons))
    actions = [b for b in payload["blocks"] if b["type"] == "actions"]
    assert [len(b["elements"]) for b in actions] == [5, 5, 2]
    elements = [e for b in actions for e in b["elements"]]
    assert len({e["action_id"] for e in elements}) == 12
    assert elements[7]["value"] == "topics.toggle|7"
    assert decode_action(elements[7]) == ("topics.toggle", "7")
    assert decode_action({"value": "no separator"}) is None


def test_long_labels_are_cut_to_slacks_limit() -> None:
    [payload] = render(Outgoing(text="x", buttons=[[Button(label="L" * 200, action="a.b")]]))
    assert len(payload["blocks"][1]["elements"][0]["text"]["text"]) == 75


def test_long_text_and_many_buttons_are_split_within_slack_limits() -> None:
    text = "\n".join(f"Zeile {i} " + "x" * 90 for i in range(80))
    buttons = [[Button(label=str(i), action="a.b", arg=str(i))] for i in range(260)]
    payloads = render(Outgoing(text=text, buttons=buttons))
    assert len(payloads) == 2
    for payload in payloads:
        assert len(payload["blocks"]) <= BLOCKS_PER_MESSAGE
        for block in payload["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= SECTION_LIMIT
    sections = [b for p in payloads for b in p["blocks"] if b["type"] == "section"]
    assert "Zeile 0 " in sections[0]["text"]["text"]
    assert "Zeile 79 " in sections[-1]["text"]["text"]
    assert len(payloads[0]["text"]) <= 3000


def test_api_base_url_always_ends_with_a_slash() -> None:
    assert api_base_url(None) == "https://slack.com/api/"
    assert api_base_url("http://127.0.0.1:9000/api") == "http://127.0.0.1:9000/api/"
