"""The bot in the terminal: type as a member, buttons are numbered and chosen by number.
Text in the small markup is shown as readable plain text (links as ``text (address)``).

Lines are read on a daemon thread (so Ctrl-C never waits for a line) and handled one at
a time, so a conversation can be piped in. At the end of input the adapter calls
``on_eof``, and the application stops; so it does when the output is closed
(``knotenpunkt run | head``): nobody reads the answers any more.

Buttons behave as on Telegram, where a message keeps its buttons until it is edited: an
answer with buttons numbers them 1, 2, … (across all its messages); an answer without
buttons (a file, a confirmation) leaves the earlier numbers valid, unless a form is waiting
for typed text (then a number is that text) or the answer replaced the message whose
button was pressed. Files (an ``.ics``, the ``/meinedaten`` export) are written to a
folder and shown with their path; messages to other people are a one-line note, or not
shown at all.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from bot import markup
from bot.adapters.parts import OnPart
from bot.arguments import number
from bot.i18n import t
from bot.models import (
    Button,
    ChatKind,
    Contact,
    Document,
    Identity,
    Incoming,
    Outgoing,
    Platform,
)
from storage import StoreUnavailable

if TYPE_CHECKING:
    from storage import Store

Handle = Callable[[Incoming], Awaitable[list[Outgoing]]]
Others = Literal["note", "hide"]
OTHERS: tuple[Others, ...] = ("note", "hide")
NOTE_LENGTH = 80  # characters of a message to someone else shown in its note
FILES_FOLDER = "knotenpunkt-files"


@dataclass(frozen=True)
class ConsoleUser:
    """What the console needs to know about the person at the keyboard right now."""

    language: str
    answering: bool  # a form (registration, a wizard) waits for typed text


Lookup = Callable[[], Awaitable[ConsoleUser]]


def store_lookup(store: Store, user: str, default_language: str) -> Lookup:
    """The console user's language and open form, read from the store like the core does."""

    async def lookup() -> ConsoleUser:
        member = await store.members.find_by_identity(Platform.CONSOLE.value, user)
        conversation = await store.conversations.get(Platform.CONSOLE.value, user)
        chosen = conversation.data.get("language") if conversation else None
        language = member.language if member else chosen
        return ConsoleUser(
            language=language if isinstance(language, str) else default_language,
            answering=conversation is not None,
        )

    return lookup


def files_folder(db_path: Path) -> Path:
    """Where the console writes files by default: a folder next to the store."""
    return db_path.parent / FILES_FOLDER


class ConsoleAdapter:
    platform = Platform.CONSOLE

    def __init__(
        self,
        handle: Handle,
        user: str,
        stdin: TextIO,
        stdout: TextIO,
        on_eof: Callable[[], Awaitable[None]],
        after_each: Callable[[], Awaitable[None]] | None = None,
        *,
        files: Path | None = None,
        others: Others = "note",
        lookup: Lookup | None = None,
    ) -> None:
        self.handle = handle
        self.user = user
        self.stdin = stdin
        self.stdout = stdout
        self.on_eof = on_eof
        self.after_each = after_each
        self.files = files or Path(FILES_FOLDER)
        self.others = others
        self.lookup = lookup
        self.interactive = bool(getattr(stdin, "isatty", lambda: False)())
        self._buttons: list[Button] = []  # chosen by number: the latest buttons shown
        self._buttons_latest = False  # the latest answer had buttons (else they are older)
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._counter = 0
        self.output_closed = False

    async def start(self) -> None:
        loop = asyncio.get_running_loop()

        def read() -> None:
            for line in iter(self.stdin.readline, ""):
                loop.call_soon_threadsafe(self._lines.put_nowait, line)
            loop.call_soon_threadsafe(self._lines.put_nowait, None)

        threading.Thread(target=read, name="console-input", daemon=True).start()
        language = (await self._user()).language
        self._write(t(language, "console.welcome", user=self.user) + "\n")
        self._task = asyncio.create_task(self._loop(), name="console-adapter")

    async def health(self) -> dict[str, object]:
        alive = self._task is not None and not self._task.done()
        return {"ok": alive, "mode": "console"}

    async def stop(self) -> None:
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def send(
        self,
        chat_id: str,
        chat_kind: ChatKind,
        message: Outgoing,
        *,
        reply_target: str | None = None,
        direct: bool = False,
        start_part: int = 0,
        on_part: OnPart | None = None,
    ) -> None:
        """A notification: to ourselves it is shown like a reply, to others as a note.
        (The console's own answers are printed as they come back from the core: there is
        no platform between that could lose them.)"""
        if chat_id == self.user:
            await self._show([message])
        elif self.others == "note":
            language = (await self._user()).language
            self._write(t(language, "console.to_other", who=chat_id, text=_summary(message)) + "\n")

    async def _language(self) -> str:
        try:
            return (await self._user()).language
        except StoreUnavailable:
            return "de"

    async def _user(self) -> ConsoleUser:
        if self.lookup is None:
            return ConsoleUser(language="de", answering=False)
        return await self.lookup()

    async def _loop(self) -> None:
        while not self.output_closed:
            if self.interactive:
                self._write("> ")
            line = await self._lines.get()
            if line is None:
                break
            incoming = await self._incoming(line.rstrip("\r\n"))
            if incoming is None:
                continue
            try:
                replies = await self.handle(incoming)
            except StoreUnavailable:  # nothing keeps a typed line: ask for it again later
                replies = [
                    Outgoing(text=t(await self._language(), "error.store_unavailable_retry"))
                ]
            await self._show(replies, pressed=incoming.is_action)
            if self.after_each is not None and not self.output_closed:
                await self.after_each()
        await self.on_eof()

    async def _incoming(self, line: str) -> Incoming | None:
        if not line.strip():
            return None
        self._counter += 1
        incoming = Incoming(
            platform=Platform.CONSOLE,
            chat_id=self.user,
            sender=Identity(platform=Platform.CONSOLE, user_id=self.user, display_name=self.user),
            message_id=str(self._counter),
            text=line,
        )
        button = await self._button(line)
        if button is None:
            return incoming
        self._write(f"[{button.label}]\n")
        return incoming.model_copy(
            update={"text": None, "action": button.action, "action_arg": button.arg}
        )

    async def _button(self, line: str) -> Button | None:
        """The button a typed number chooses; None if the line is text."""
        choice = number(line, 1, len(self._buttons))
        if choice is None:
            return None
        if not self._buttons_latest and (await self._user()).answering:
            return None  # an older message's buttons, while a form waits for an answer
        return self._buttons[choice - 1]

    async def _show(self, messages: list[Outgoing], pressed: bool = False) -> None:
        """Print one answer; its buttons are numbered 1, 2, ... across all its messages."""
        if not messages:
            return
        language: str | None = None
        buttons: list[Button] = []
        for message in messages:
            parts = [f"== {message.title} =="] if message.title else []
            parts.append(
                markup.plain(message.text)
                if message.markup
                else message.render_text(message.text, _contact, str)
            )
            for row in message.buttons:
                cells = []
                for button in row:
                    buttons.append(button)
                    cells.append(f"[{len(buttons)}] {button.label}")
                parts.append("   ".join(cells))
            if message.document is not None:
                language = language or (await self._user()).language
                parts.append(self._save(message.document, language))
            self._write("\n".join(parts) + "\n\n")
        if buttons:
            self._buttons, self._buttons_latest = buttons, True
        else:
            self._buttons_latest = False
            if pressed and any(m.replace for m in messages):
                self._buttons = []  # the message whose button was pressed lost its buttons

    def _save(self, document: Document, language: str) -> str:
        """Write a file to the folder (for its owner only: an export holds personal data)."""
        path = self.files / (Path(document.filename).name or "file")
        try:
            self.files.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(document.content)
        except OSError as exc:
            return t(language, "console.file_failed", name=path.name, error=exc.strerror or exc)
        return t(language, "console.file_saved", path=path.resolve())

    def _write(self, text: str) -> None:
        if self.output_closed:
            return
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except (BrokenPipeError, ValueError):  # the reader went away, or the file is closed
            self.output_closed = True
            self._lines.put_nowait(None)  # the loop ends even while input is still open


def _contact(contact: Contact) -> str:
    """Console people are reached as ``@name``; other platforms' accounts by their label."""
    if contact.platform == Platform.CONSOLE:
        return f"{contact.label} (@{contact.user_id})"
    return contact.label


def _summary(message: Outgoing) -> str:
    """A message to someone else in one short line: its title and the start of its text."""
    text = markup.plain(message.text) if message.markup else message.plain_text()
    first = next((line for line in text.splitlines() if line.strip()), "")
    summary = " – ".join(" ".join(part.split()) for part in (message.title or "", first) if part)
    return summary if len(summary) <= NOTE_LENGTH else summary[: NOTE_LENGTH - 1].rstrip() + "…"
