"""The buttons of working groups and their typed arguments."""

from __future__ import annotations

from typing import Literal, get_args

from bot.arguments import ButtonArgs, RecordId
from storage.groups import LEVELS

Level = Literal["all", "digest", "muted"]
LEVEL_CODES: tuple[Level, ...] = get_args(Level)
if LEVEL_CODES != LEVELS:  # the store's levels and the buttons' must agree
    raise ImportError("handlers.groups.buttons.Level differs from storage.groups.LEVELS")


class ViewGroup(ButtonArgs, action="grp.view"):
    group_id: RecordId


class JoinGroup(ButtonArgs, action="grp.join"):
    group_id: RecordId


class LeaveGroup(ButtonArgs, action="grp.leave"):
    """Leave, or withdraw a join request."""

    group_id: RecordId


class SetLevel(ButtonArgs, action="grp.lvl"):
    group_id: RecordId
    level: Level


class Requests(ButtonArgs, action="grp.reqs"):
    group_id: RecordId


class Approve(ButtonArgs, action="grp.ok"):
    group_id: RecordId
    member_id: RecordId


class Decline(ButtonArgs, action="grp.no"):
    group_id: RecordId
    member_id: RecordId


class Withdraw(ButtonArgs, action="grp.wd"):
    post_id: RecordId


class Moderators(ButtonArgs, action="grp.mods"):
    group_id: RecordId


class ToggleModerator(ButtonArgs, action="grp.mod"):
    group_id: RecordId
    member_id: RecordId
