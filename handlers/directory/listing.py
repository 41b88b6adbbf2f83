"""The one question at the end of registration: listed in the directory or not (off
until the member says yes). Asked in the confirmation message, answered by a button,
changeable later in ``/profil``. The answer takes the confirmation's place with what comes
next: the main menu, or for a member still waiting for approval, that they will hear."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.directory.service import DirectoryService
from handlers.menu import main_menu


def with_listing_question(ctx: Context, message: Outgoing) -> Outgoing:
    """The confirmation of a registration, with the question and its two buttons first."""
    question = [
        ctx.button("directory.listing_yes", "directory.listing", "yes"),
        ctx.button("directory.listing_no", "directory.listing", "no"),
    ]
    return message.model_copy(
        update={
            "text": f"{message.text}\n\n{ctx.t('directory.ask_listing')}",
            "buttons": [question, *message.buttons],
        }
    )


def register(router: Router) -> None:
    # ANYONE: a member waiting for approval may answer too; they are shown once active.
    @router.action("directory.listing", access=Access.ANYONE)
    async def answer(ctx: Context, arg: str) -> Outgoing:
        if ctx.member is None or arg not in ("yes", "no"):
            return ctx.reply("error.stale_button")
        listed = arg == "yes"
        await DirectoryService(ctx.store).set_listed(ctx.member.id, listed, ctx.actor)
        done = ctx.t("directory.listed_now" if listed else "directory.unlisted_now")
        if ctx.member.status != "active":
            text = f"{done}\n\n{ctx.t('directory.next_pending')}"
            return Outgoing(text=text, replace=True)
        menu = await main_menu(ctx, f"{done}\n\n{ctx.t('directory.next')}")
        return menu.model_copy(update={"replace": True})
