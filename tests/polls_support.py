"""Helpers shared by the date-poll tests: an organiser with a working group, typed dates
relative to now, and running the form to its preview."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.parsing.dates import format_span
from bot.services import Services
from storage.db import utcnow
from storage.groups import Group
from tests.groups_support import console_member, make_group
from tests.helpers import Person

ZONE = ZoneInfo("Europe/Berlin")


def day(days: int, hour: int) -> datetime:
    """A local moment ``days`` from today at ``hour`` o'clock (aware, Berlin)."""
    today = utcnow().astimezone(ZONE).date() + timedelta(days=days)
    return datetime(today.year, today.month, today.day, hour, tzinfo=ZONE)


def typed(moment: datetime) -> str:
    return f"{moment:%d.%m.%Y %H:%M}"


def as_shown(moment: datetime) -> str:
    """As the bot shows a date (with its weekday and commas): the parser reads it back."""
    return format_span(moment, None, "de", ZONE)


async def organiser_and_group(
    app: Services, members: tuple[str, ...] = ("ben", "cara")
) -> tuple[Person, Group, dict[str, int]]:
    ids = {"admin": await console_member(app.store, "admin", "Ada Admin")}
    for user_id in members:
        language = "en" if user_id == "cara" else "de"
        ids[user_id] = await console_member(app.store, user_id, user_id.title(), language=language)
    group = await make_group(
        app.store, app.settings, "AG Wasserstoff", members=tuple(ids[m] for m in members)
    )
    return Person(app.core, "admin"), group, ids


async def fill_form(
    organiser: Person,
    options: str,
    deadline: datetime,
    remind: datetime | None = None,
    group: str = "AG Wasserstoff",
) -> None:
    await organiser.say("/terminfindung")
    await organiser.say("Treffen AG Wasserstoff")
    await organiser.press("Eine Arbeitsgruppe")
    await organiser.press(group)
    await organiser.say(options)
    await organiser.say(typed(deadline))
    await organiser.press("Alle Gefragten")
    await organiser.say(typed(remind) if remind else "-")
