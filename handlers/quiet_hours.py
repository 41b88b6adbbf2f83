"""``/ruhezeiten`` (``/quiet``): a member's own quiet hours, changed or turned off.

Buttons offer common windows, "off" and the network's default; ``/ruhezeiten 22:00-06:00``
sets any window, ``aus`` turns them off, ``standard`` goes back to the default. The same
text and buttons are shown in the Slack App Home; ``/profil`` shows the line and a button. Times are the member's own zone.
"""

from __future__ import annotations

from typing import Literal

from bot.arguments import ButtonArgs
from bot.context import MemberContext
from bot.delivery.quiet import OFF_WORDS, QuietWindow
from bot.i18n import t
from bot.models import Button, Outgoing
from bot.router import Invalid, Router, Section
from bot.settings import Settings
from handlers.members.profile_view import ProfileSection, profile_section
from storage import Store
from storage.members import Member

PRESETS = {"2107": "21:00-07:00", "2206": "22:00-06:00", "2207": "22:00-07:00",
           "2008": "20:00-08:00"}  # fmt: skip
_DEFAULT_WORDS = {"standard", "default", "zurück", "reset"}

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


async def _view(ctx: MemberContext, notice: str | None = None, replace: bool = False) -> Outgoing:
    text = await status_text(ctx.store, ctx.settings, ctx.member, ctx.lang)
    if notice:
        text = f"{notice}\n\n{text}"
    text += "\n\n" + ctx.t("quiet.explain")
    rows = buttons(ctx.lang)
    return Outgoing(text=text, buttons=[rows[0:2], rows[2:4], rows[4:]], replace=replace)


async def choose(store: Store, member_id: int, words: str) -> None:
    """Store the member's choice: a window ``HH:MM-HH:MM``, off, or the default; anything
    else raises :class:`Invalid`."""
    word = words.strip().casefold()
    if word in _DEFAULT_WORDS:
        await store.quiet_hours.reset(member_id)
        return
    if word in OFF_WORDS:
        await store.quiet_hours.set(member_id, False, 21 * 60, 7 * 60)
        return
    try:
        window = QuietWindow.parse(PRESETS.get(word, word))
    except ValueError:
        raise Invalid("quiet.usage", {"value": words.strip()[:40]}) from None
    assert window is not None
    await store.quiet_hours.set(member_id, True, *window.minutes)


@profile_section("quiet")
async def profile_line(ctx: MemberContext) -> ProfileSection:
    """The quiet hours under ``/profil``, with a button to the choices."""
    text = await status_text(ctx.store, ctx.settings, ctx.member, ctx.lang)
    return ProfileSection([text], [ctx.button("quiet.btn_change", "qh.show")])


def register(router: Router) -> None:
    @router.action("qh.show")
    async def show(ctx: MemberContext, arg: str) -> Outgoing:
        return await _view(ctx)

    @router.command(
        "quiet",
        "ruhezeiten",
        help_key="quiet.help",
        order=43,
        section=Section.SETTINGS,
    )
    async def quiet(ctx: MemberContext, args: str) -> Outgoing:
        if not args.strip():
            return await _view(ctx)
        await choose(ctx.store, ctx.member.id, args)
        return await _view(ctx, ctx.t("quiet.saved"))

    @router.action(QuietChoice)
    async def pressed(ctx: MemberContext, pressed: QuietChoice) -> Outgoing:
        await choose(ctx.store, ctx.member.id, pressed.choice)
        return await _view(ctx, ctx.t("quiet.saved"), replace=True)
