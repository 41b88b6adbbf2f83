"""The buttons of feedback requests, the switch and the organiser's figures."""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, RecordId, Timestamp

StarCount = Annotated[int, Bounds(1, 5)]


class Stars(ButtonArgs, action="fb.stars"):
    """The member's stars for one date (``at``: the date's key); starts the form."""

    event_id: RecordId
    at: Timestamp
    stars: StarCount


class Off(ButtonArgs, action="fb.off"):
    """ "Keine Feedback-Anfragen mehr" under a request."""


class Setting(ButtonArgs, action="fb.setting"):
    on: Literal["on", "off"]  # whether feedback requests reach the member (in /profil)


class Figures(ButtonArgs, action="fb.figures"):
    """The organiser's figures of one date (from the event card)."""

    event_id: RecordId
    at: Timestamp
