"""The bot in the terminal: type as a member, buttons are numbered and chosen by number.
Text in the small markup is shown as readable plain text (links as ``text (address)``).

Lines are read on a daemon thread (so Ctrl-C never waits for a line) and handled one at
a time, so a conversation can be piped in. At the end of input the adapter calls
``on_eof``, and the application stops; so it does when the output is closed
(``knotenpunkt run | head``): nobody reads the answers any more.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import TextIO

from bot import markup
from bot.arguments import number
from bot.models import Button, ChatKind, Contact, Identity, Incoming, Outgoing, Platform

Handle = Callable[[Incoming], Awaitable[list[Outgoing]]]


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
    ) -> None:
        self.handle = handle
        self.user = user
        self.stdin = stdin
        self.stdout = stdout
        self.on_eof = on_eof
        self.after_each = after_each
        self.interactive = bool(getattr(stdin, "isatty", lambda: False)())
        self._buttons: list[Button] = []
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
        self._write(f"Knotenpunkt – console ({self.user}). /start, /hilfe; Ctrl-D to quit.\n")
        self._task = asyncio.create_task(self._loop(), name="console-adapter")

    async def health(self) -> dict[str, object]:
        alive = self._task is not None and not self._task.done()
        return {"ok": alive, "mode": "console"}

    async def stop(self) -> None:
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def send(self, chat_id: str, chat_kind: ChatKind, message: Outgoing) -> None:
        """A notification: to ourselves it is shown like a reply, to others with a header."""
        if chat_id == self.user:
            self._show([message])
        else:
            self._write(f"--- message to {chat_id} ---\n")
            self._show([message], remember_buttons=False)

    async def _loop(self) -> None:
        while not self.output_closed:
            if self.interactive:
                self._write("> ")
            line = await self._lines.get()
            if line is None:
                break
            incoming = self._incoming(line.rstrip("\r\n"))
            if incoming is None:
                continue
            replies = await self.handle(incoming)
            if replies:
                self._show(replies)
            if self.after_each is not None and not self.output_closed:
                await self.after_each()
        await self.on_eof()

    def _incoming(self, line: str) -> Incoming | None:
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
        choice = number(line, 1, len(self._buttons))
        if choice is not None:
            button = self._buttons[choice - 1]
            self._write(f"[{button.label}]\n")
            return incoming.model_copy(
                update={"text": None, "action": button.action, "action_arg": button.arg}
            )
        return incoming

    def _show(self, messages: list[Outgoing], remember_buttons: bool = True) -> None:
        """Print one answer; its buttons are numbered 1, 2, ... across all its messages."""
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
                document = message.document
                parts.append(f"(file: {document.filename}, {len(document.content)} bytes)")
            self._write("\n".join(parts) + "\n\n")
        if remember_buttons:
            self._buttons = buttons

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
