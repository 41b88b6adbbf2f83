"""Platform-neutral messages: what adapters hand to the core and what the core hands back."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

CALLBACK_LIMIT = 64  # Telegram's callback_data limit in bytes; Slack allows more.


class Platform(StrEnum):
    TELEGRAM = "telegram"
    SLACK = "slack"
    CONSOLE = "console"


class ChatKind(StrEnum):
    PRIVATE = "private"
    GROUP = "group"


class Identity(BaseModel):
    """One account on one platform; a member may have several."""

    platform: Platform
    user_id: str
    display_name: str | None = None

    @property
    def key(self) -> str:
        return f"{self.platform.value}:{self.user_id}"


class Button(BaseModel):
    """A button: ``action`` names the handler, ``arg`` is its short argument."""

    label: str
    action: str = Field(pattern=r"^[a-z][a-z0-9_.]*$")
    arg: str = ""

    @field_validator("arg")
    @classmethod
    def _no_separator_in_action(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("button argument must be one line")
        return value

    def encode(self) -> str:
        """Encode as ``action|arg``; must fit Telegram's 64-byte callback_data."""
        data = f"{self.action}|{self.arg}"
        if len(data.encode()) > CALLBACK_LIMIT:
            raise ValueError(f"button data over {CALLBACK_LIMIT} bytes: {data!r}")
        return data

    @staticmethod
    def decode(data: str) -> tuple[str, str]:
        action, _, arg = data.partition("|")
        return action, arg


class Document(BaseModel):
    """A file to attach (e.g. an .ics); bytes travel as base64 through the outbox."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    filename: str
    content: bytes
    mime_type: str = "application/octet-stream"


class Contact(BaseModel):
    """How to reach a person on one platform, shown inside a message text.

    Handlers stay free of platform syntax: the text holds a marker (:func:`contact_marker`)
    and each adapter renders the contact its own way (a Telegram ``tg://user?id=`` link, a
    Slack ``<@U…>`` mention); on any other platform it is just the label.
    """

    platform: Platform
    user_id: str
    label: str


_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"  # private-use characters, never typed
_MARKER = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")


def contact_marker(index: int) -> str:
    """Stands in the text for ``Outgoing.contacts[index]``."""
    return f"{_MARK_OPEN}{index}{_MARK_CLOSE}"


def without_markers(text: str) -> str:
    """Text written by people, made safe to put next to contact markers."""
    return text.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "")


class FieldView(BaseModel):
    """One field of a form as a platform with native forms (a Slack modal) shows it."""

    name: str
    kind: str  # bot.forms.Kind
    label: str
    hint: str = ""  # the chat prompt, shown under the field
    optional: bool = False
    max_length: int = 200
    choices: list[tuple[str, str]] = Field(default_factory=list)  # (value, label)
    initial: str | list[str] | None = None  # datetimes as unix seconds, dates as ISO
    pickers: list[tuple[str, str]] = Field(default_factory=list)  # (name, label): moments
    # picked beside the typed text, each its own date-and-time picker


class FormView(BaseModel):
    """A whole form at once: its fields to fill (``preview`` None) or the preview of what
    was entered, to confirm. ``errors`` are messages next to the fields named."""

    action: str  # the form's button action: submissions come back as this action
    title: str
    submit: str
    fields: list[FieldView] = Field(default_factory=list)
    preview: str | None = None
    errors: dict[str, str] = Field(default_factory=dict)


class Incoming(BaseModel):
    """One thing a person did: a text (command or free text) or a button press."""

    platform: Platform
    chat_id: str
    chat_kind: ChatKind = ChatKind.PRIVATE
    sender: Identity
    text: str | None = None
    action: str | None = None
    action_arg: str = ""
    language_hint: str | None = None
    message_id: str | None = None
    update_id: str | None = None
    bare_commands: bool = False  # the first word may be a command without "/" (Slack DMs)
    direct: bool = False  # addressed to this bot for sure (a Slack slash command)
    command_prefix: str = "/"  # how commands are written here: "/knotenpunkt " on Slack
    chat_title: str | None = None
    # how the adapter answers this update (the pressed message to edit, a Slack response
    # URL…): stored with the answers in the outbox, opaque to the core
    reply_target: str | None = None
    # a native form (Slack modal) can be opened for this update (it carries a trigger)
    form_trigger: bool = False
    # the values of a submitted native form, raw as the platform gave them, by field name
    form_values: dict[str, str | list[str] | None] | None = None

    @property
    def is_action(self) -> bool:
        return self.action is not None


class Outgoing(BaseModel):
    """A message to send. ``text`` is plain text: adapters escape it for their markup.

    ``title`` is shown emphasised above the text. ``replace`` asks the adapter to edit the
    message whose button was pressed instead of sending a new one, where it can. With
    ``markup`` set, ``text`` is written in the small markup of :mod:`bot.markup` (bold,
    italic, links), which each adapter renders natively; the title stays plain.
    """

    text: str
    title: str | None = None
    buttons: list[list[Button]] = Field(default_factory=list)
    document: Document | None = None
    replace: bool = False
    markup: bool = False
    contacts: list[Contact] = Field(default_factory=list)
    for_everyone: bool = False  # in a channel, shown to all even if the request was private
    silent: bool = False  # without sound where the platform can (the outbox row's ``silent``)
    # shown as a native form where the platform has one (opened with the update's trigger,
    # or answering a submission); elsewhere, and if opening fails, the text and buttons
    form: FormView | None = None

    def button_list(self) -> list[Button]:
        return [button for row in self.buttons for button in row]

    def render_text(
        self, text: str, contact: Callable[[Contact], str], plain: Callable[[str], str]
    ) -> str:
        """``text`` (this message's text or a part of it) with every contact marker given to
        ``contact`` and everything between given to ``plain`` (an adapter's escaping)."""
        if not self.contacts:
            return plain(text)
        pieces: list[str] = []
        last = 0
        for match in _MARKER.finditer(text):
            pieces.append(plain(text[last : match.start()]))
            index = int(match.group(1))
            if index < len(self.contacts):
                pieces.append(contact(self.contacts[index]))
            last = match.end()
        pieces.append(plain(text[last:]))
        return "".join(pieces)

    def plain_text(self) -> str:
        """The text as a reader without links sees it: contacts by their label."""
        return self.render_text(self.text, lambda c: c.label, lambda part: part)
