"""What ``/ruhezeiten`` and the Slack App Home show: the member's quiet hours and the
choices (the same buttons on every surface)."""

from __future__ import annotations

from typing import Literal

from bot.arguments import ButtonArgs
from bot.delivery.quiet_window import QuietWindow
from bot.i18n import t
from bot.models import Button
from bot.settings import Settings
from storage import Store
from storage.members import Member

PRESETS = {"2107": "21:00-07:00", "2206": "22:00-06:00", "2207": "22:00-07:00",
           "2008": "20:00-08:00"}  # fmt: skip

Choice = Literal["off", "default", "2107", "2206", "2207", "2008"]


class QuietChoice(ButtonArgs, action="qh.set"):
    choice: Choice  # a preset window, off, or the network's default


async def status_text(store: Store, settings: Settings, member: Member, lang: str) -> str:
    """What the member's quiet hours are now, and in which zone."""
    own = await store.quiet_hours.get(member.id)
    zone = member.timezone or settings.timezone
    if own is None:
        window = settings.quiet_window
        if window is None:
            return t(lang, "quiet.status_default_off")
        return t(lang, "quiet.status_default", start=f"{window.start:%H:%M}",
                 end=f"{window.end:%H:%M}", zone=zone)  # fmt: skip
    if not own[0]:
        return t(lang, "quiet.status_off")
    window = QuietWindow.from_minutes(*own[1])
    return t(lang, "quiet.status_own", start=f"{window.start:%H:%M}",
             end=f"{window.end:%H:%M}", zone=zone)  # fmt: skip


def buttons(lang: str) -> list[Button]:
    """The choices, the same in a chat and in the Slack App Home."""
    presets = [
        QuietChoice(key).button(t(lang, "quiet.btn_window", window=window.replace("-", "–")))  # type: ignore[arg-type]
        for key, window in PRESETS.items()
    ]
    return [
        *presets,
        QuietChoice("off").button(t(lang, "quiet.btn_off")),
        QuietChoice("default").button(t(lang, "quiet.btn_default")),
    ]
