"""The buttons on cooperation requests and their typed arguments."""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, RecordId

MAX_OFFSET = 100_000  # far more open requests than a network has
Scope = Literal["m", "a"]  # the member's view of the list, or (admins) every region


class ViewRequest(ButtonArgs, action="coop.view"):
    request_id: RecordId


class Interested(ButtonArgs, action="coop.yes"):
    request_id: RecordId


class NotForMe(ButtonArgs, action="coop.no"):
    request_id: RecordId


class StillOpen(ButtonArgs, action="coop.still"):
    request_id: RecordId


class RemoveAsk(ButtonArgs, action="coop.remove"):
    request_id: RecordId


class RemoveYes(ButtonArgs, action="coop.remove_yes"):
    request_id: RecordId


class Connect(ButtonArgs, action="coop.connect"):
    request_id: RecordId
    member_id: RecordId


class Close(ButtonArgs, action="coop.close"):
    request_id: RecordId
    status: Literal["found", "not_needed"]


class ListPage(ButtonArgs, action="coop.list"):
    scope: Scope
    topic_id: RecordId | None
    offset: Annotated[int, Bounds(0, MAX_OFFSET)]
