"""Test doubles: a fake adapter that records and can fail, and a person who chats."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field

from bot.adapters.parts import OnPart
from bot.core import Core
from bot.models import Button, ChatKind, Identity, Incoming, Outgoing, Platform


@dataclass
class Sent:
    chat_id: str
    chat_kind: ChatKind
    message: Outgoing


@dataclass
class FakeAdapter:
    """Stands in for a platform (as ``console``). Queue exceptions to make sends fail."""

    platform: Platform = Platform.CONSOLE
    sent: list[Sent] = field(default_factory=list)
    failures: deque[BaseException] = field(default_factory=deque)
    attempts: int = 0
    delay: float = 0.0
    sent_at: list[float] = field(default_factory=list)  # time.monotonic() of each send

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

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
        self.attempts += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures:
            raise self.failures.popleft()
        self.sent.append(Sent(chat_id, chat_kind, message))
        self.sent_at.append(time.monotonic())

    def texts_to(self, chat_id: str) -> list[str]:
        return [s.message.text for s in self.sent if s.chat_id == chat_id]


class Person:
    """Someone chatting with the core directly, as the console adapter would."""

    def __init__(
        self,
        core: Core,
        user_id: str,
        language_hint: str | None = None,
        platform: Platform = Platform.CONSOLE,
    ) -> None:
        self.core = core
        self.user_id = user_id
        self.language_hint = language_hint
        self.platform = platform
        self.last: list[Outgoing] = []

    def _incoming(self, **fields: object) -> Incoming:
        return Incoming(
            platform=self.platform,
            chat_id=str(fields.pop("chat_id", self.user_id)),
            sender=Identity(platform=self.platform, user_id=self.user_id),
            language_hint=self.language_hint,
            **fields,  # type: ignore[arg-type]
        )

    async def say(self, text: str, **fields: object) -> list[Outgoing]:
        self.last = await self.core.handle(self._incoming(text=text, **fields))
        return self.last

    async def press(self, label_part: str) -> list[Outgoing]:
        """Press the button whose label contains ``label_part`` in the last answer."""
        for message in reversed(self.last):
            for button in message.button_list():
                if label_part in button.label:
                    return await self.tap(button)
        raise AssertionError(f"no button with {label_part!r} in {self.texts()}")

    async def tap(self, button: Button) -> list[Outgoing]:
        self.last = await self.core.handle(
            self._incoming(action=button.action, action_arg=button.arg)
        )
        return self.last

    def texts(self) -> str:
        return "\n".join(m.text for m in self.last)

    async def answer_until_consent(
        self,
        name: str = "Anna Muster",
        company: str = "Muster GmbH",
        region: str = "Kreis Olpe",
        competencies: str = "KI, Robotik",
        language: str = "Deutsch",
    ) -> None:
        """Every registration step up to the privacy question."""
        await self.say("/start")
        await self.press(language)
        await self.say(name)
        await self.say(company)
        await self.press(region)
        await self.say(competencies)

    async def register(self, **answers: str) -> None:
        """Every step, then consent; ``answers`` as for :meth:`answer_until_consent`."""
        await self.answer_until_consent(**answers)
        await self.press("Ja" if answers.get("language", "Deutsch") == "Deutsch" else "Yes")
        assert "registriert" in self.texts() or "registered" in self.texts(), self.texts()
