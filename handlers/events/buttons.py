"""The buttons of the event list and cards, with their typed arguments.

A card opened from the list carries the list's page and topic (``page``, ``topic``; topic 0
= all), so that after an answer it still leads back to the same page.
"""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, RecordId, Timestamp

MAX_PAGE = 1000
MAX_TOPIC = 2**31 - 1  # far more topics than a network has; keeps the RSVP within 64 bytes

Page = Annotated[int, Bounds(0, MAX_PAGE)]
TopicOrAll = Annotated[int, Bounds(0, MAX_TOPIC)]  # 0: every topic


class ListPage(ButtonArgs, action="ev.list"):
    """A page of ``/termine``; without a page (the menu, the calendar message) the list
    comes as a new message."""

    page: Page | None = None
    topic: TopicOrAll = 0

    @property
    def topic_id(self) -> int | None:
        return self.topic or None


class Card(ButtonArgs, action="ev.card"):
    """One date's card: in place of the list page it was opened from, or (no page: the
    Slack App Home's "Details") as a message of its own."""

    event_id: RecordId
    at: Timestamp  # the date's key
    page: Page | None = None
    topic: TopicOrAll = 0


class Rsvp(ButtonArgs, action="ev.rsvp"):
    event_id: RecordId
    at: Timestamp
    answer: Literal["y", "m", "n"]
    page: Page | None = None
    topic: TopicOrAll = 0


class Ics(ButtonArgs, action="ev.ics"):
    event_id: RecordId


class Attendees(ButtonArgs, action="ev.att"):
    event_id: RecordId
    at: Timestamp


class WriteToPeople(ButtonArgs, action="ev.write"):
    """A message to this date's people (the form is the broadcast capability's)."""

    event_id: RecordId
    at: Timestamp


class Cancel(ButtonArgs, action="ev.cancel"):
    """Yes or no to cancelling one date (``at``) or, without one, the whole event."""

    event_id: RecordId
    at: Timestamp | None
    answer: Literal["y", "n"]


class Reminders(ButtonArgs, action="ev.rem"):
    switch: Literal["toggle", "topics"]  # the reminders, or those for the member's topics


def listing_of(pressed: Card | Rsvp) -> ListPage | None:
    """The list page a card was opened from, if any."""
    return None if pressed.page is None else ListPage(pressed.page, pressed.topic)
