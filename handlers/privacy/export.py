"""``/meinedaten`` (``/mydata``): everything stored about the member, as a short summary in
chat and a JSON file (GDPR Art. 15 and 20). It works before a new privacy notice is
accepted and for members waiting for approval: seeing one's data needs no consent."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router, Section
from handlers.privacy.render import export_message
from handlers.privacy.service import from_context as service


def register(router: Router) -> None:
    @router.command(
        "mydata",
        "meinedaten",
        access=Access.ANYONE,
        help_key="privacy.help_mydata",
        order=81,
        gated=False,
        section=Section.PRIVACY,
    )
    async def my_data(ctx: Context, args: str) -> Outgoing:
        if ctx.member is None:
            return ctx.reply("privacy.nothing_stored")
        export = await service(ctx).export(ctx.member.id)
        return export_message(ctx.lang, ctx.zone, ctx.member, export)
