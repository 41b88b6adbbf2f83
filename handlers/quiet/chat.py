"""``/ruhezeiten`` (``/quiet``): a member's own quiet hours, changed or turned off.

Buttons offer common windows, "off" and the network's default; ``/ruhezeiten 22:00-06:00``
sets any window, ``aus`` turns them off, ``standard`` goes back to the default. The same
text and buttons are shown in the Slack App Home; ``/profil`` shows the line and a button.
Times are the member's own zone.
"""

from __future__ import annotations

from bot.context import MemberContext
from bot.delivery.quiet_window import OFF_WORDS, QuietWindow
from bot.models import Outgoing
from bot.router import Invalid, Router, Section
from handlers.members.profile_view import ProfileSection, profile_section
from handlers.quiet.render import PRESETS, QuietChoice, buttons, status_text
from storage import Store

_DEFAULT_WORDS = {"standard", "default", "zurück", "reset"}


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
