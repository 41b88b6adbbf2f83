"""Platform-neutral models: button data fits Telegram's 64-byte callback_data."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.models import Button, Document, Outgoing


def test_button_round_trip() -> None:
    button = Button(label="✅ KI", action="topics.toggle", arg="17")
    assert button.encode() == "topics.toggle|17"
    assert Button.decode(button.encode()) == ("topics.toggle", "17")


def test_button_data_over_64_bytes_is_refused() -> None:
    fits = Button(label="x", action="a", arg="x" * 62)
    assert len(fits.encode().encode()) == 64
    with pytest.raises(ValueError):
        Button(label="x", action="a", arg="x" * 63).encode()
    with pytest.raises(ValueError):  # bytes, not characters: umlauts count twice
        Button(label="x", action="a", arg="ä" * 32).encode()


def test_action_names_are_restricted() -> None:
    with pytest.raises(ValidationError):
        Button(label="x", action="Topics|Toggle")


def test_documents_survive_the_outbox_as_json() -> None:
    message = Outgoing(text="t", document=Document(filename="e.ics", content=b"\x00\xffBEGIN"))
    again = Outgoing.model_validate_json(message.model_dump_json())
    assert again.document is not None and again.document.content == b"\x00\xffBEGIN"
