"""Helpers shared by the event tests: make an event through the service, make members."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.models import Outgoing
from bot.services import Services
from handlers.events.service import EventService
from storage.db import utcnow
from storage.events import Event, EventFields
from tests.helpers import Person


def service(app: Services, actor: str = "test") -> EventService:
    return EventService(app.store, app.notifier, app.settings, actor)


async def add_event(
    app: Services,
    title: str = "KI-Stammtisch",
    start: datetime | None = None,
    duration: timedelta = timedelta(hours=2),
    **extra: object,
) -> Event:
    start = start or utcnow().replace(microsecond=0) + timedelta(days=3)
    fields = EventFields(
        title=title,
        start=start,
        end=start + duration,
        timezone=app.settings.timezone,
        **extra,  # type: ignore[arg-type]
    )
    return await service(app).create(fields)


async def member(app: Services, user_id: str, name: str, language: str = "Deutsch") -> Person:
    person = Person(app.core, user_id)
    await person.register(name=name, language=language)
    return person


def texts(outgoing: list) -> str:
    return "\n".join(f"{m.title or ''}\n{m.text}" for m in outgoing)


async def first_card(person: Person, command: str = "/termine") -> Outgoing:
    """The card of the first date in the list (``/termine``, then its button)."""
    [listing] = await person.say(command)
    [card] = await person.tap(listing.buttons[0][0])
    return card
