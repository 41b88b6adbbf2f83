"""The buttons of date polls and their typed arguments."""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, RecordId

MAX_OPTIONS = 12
Position = Annotated[int, Bounds(0, MAX_OPTIONS - 1)]
Answer = Literal["y", "m", "n"]


class Vote(ButtonArgs, action="poll.v"):
    """A member's answer to one candidate date."""

    poll_id: RecordId
    option: Position
    answer: Answer


class Refresh(ButtonArgs, action="poll.t"):
    """The organiser's tally, again (and kept as the message later edits go to)."""

    poll_id: RecordId


class End(ButtonArgs, action="poll.end"):
    poll_id: RecordId


class Pick(ButtonArgs, action="poll.pick"):
    """The organiser picks the date that becomes the event."""

    poll_id: RecordId
    option: Position


class Ballot(ButtonArgs, action="poll.b"):
    """A member's ballot, sent again (from an overview such as Slack's App Home)."""

    poll_id: RecordId
