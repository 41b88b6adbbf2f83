"""The one question after registration: listed in the directory or not (off until the
member says yes). Answered by a button; changeable later in ``/profil``."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.directory.service import DirectoryService


def listing_question(ctx: Context) -> Outgoing:
    return ctx.reply(
        "directory.ask_listing",
        buttons=[
            [
                ctx.button("directory.listing_yes", "directory.listing", "yes"),
                ctx.button("directory.listing_no", "directory.listing", "no"),
            ]
        ],
    )


def register(router: Router) -> None:
    # ANYONE: a member waiting for approval may answer too; they are shown once active.
    @router.action("directory.listing", access=Access.ANYONE)
    async def answer(ctx: Context, arg: str) -> Outgoing:
        if ctx.member is None or arg not in ("yes", "no"):
            return ctx.reply("error.stale_button")
        listed = arg == "yes"
        await DirectoryService(ctx.store).set_listed(ctx.member.id, listed, ctx.actor)
        return ctx.reply(
            "directory.listed_now" if listed else "directory.unlisted_now", replace=True
        )
