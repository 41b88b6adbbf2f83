"""The buttons of the broadcast status and their typed arguments (the wizard's are its own)."""

from __future__ import annotations

from bot.arguments import ButtonArgs, RecordId


class CancelAsk(ButtonArgs, action="bc.cancel"):
    broadcast_id: RecordId


class CancelYes(ButtonArgs, action="bc.cancel_yes"):
    broadcast_id: RecordId


class Unreachable(ButtonArgs, action="bc.unreach"):
    broadcast_id: RecordId
