"""``/loeschen`` (``/delete``): after one confirmation that says what will happen, all of the
member's data is erased in one transaction (GDPR Art. 17) and they are told what went.
Writing again afterwards starts a new registration."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router, Section
from handlers.privacy.render import erasure_lines
from handlers.privacy.service import from_context as service
from handlers.privacy.service import member_ref
from storage.members import Member


async def confirmation(ctx: Context, member: Member) -> Outgoing:
    return ctx.reply(
        "privacy.erase_confirm",
        network=ctx.settings.network_name,
        author=ctx.t("groups.unknown_author"),  # what a working group shows instead
        buttons=[
            [ctx.button("privacy.btn_erase", "privacy.erase", member_ref(member))],
            [ctx.button("privacy.btn_keep", "privacy.erase_keep")],
        ],
    )


def register(router: Router) -> None:
    @router.command(
        "delete",
        "loeschen",
        access=Access.ANYONE,
        help_key="privacy.help_delete",
        order=82,
        gated=False,
        section=Section.PRIVACY,
    )
    async def delete(ctx: Context, args: str) -> Outgoing:
        if ctx.member is None:
            if ctx.conversation is not None:  # answers of an unfinished registration
                await ctx.end_conversation()
            return ctx.reply("privacy.nothing_stored")
        return await confirmation(ctx, ctx.member)

    @router.action("privacy.erase", access=Access.ANYONE, gated=False)
    async def erase(ctx: Context, arg: str) -> Outgoing:
        if ctx.member is None or arg != member_ref(ctx.member):
            return ctx.reply("error.stale_button")
        erasure = await service(ctx).erase(ctx.member.id)
        ctx.member = None
        return ctx.reply("privacy.erased", lines=erasure_lines(ctx.lang, erasure), replace=True)

    @router.action("privacy.erase_keep", access=Access.ANYONE, gated=False)
    async def keep(ctx: Context, arg: str) -> Outgoing:
        return ctx.reply("privacy.erase_kept", replace=True)
