"""The organiser's view of one date's feedback: average, distribution, count and the
comments (names only where the member agreed), from the admin's event card."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.events.listing import occurrence_from_button
from handlers.feedback import buttons
from handlers.feedback.render import figures_message


def register(router: Router) -> None:
    @router.action(buttons.Figures, access=Access.ADMIN)
    async def figures(ctx: Context, pressed: buttons.Figures) -> Outgoing:
        occ, problem = await occurrence_from_button(ctx, pressed.event_id, pressed.at)
        if occ is None:
            return problem or ctx.reply("events.gone")
        found = await ctx.store.feedback.figures(occ.event.id, occ.key)
        return figures_message(ctx.lang, ctx.zone, occ, found)
