"""``/loeschen`` (``/delete``): after one confirmation that says what will happen, all of the
member's data is erased in one transaction (GDPR Art. 17) and they are told what went.
Writing again afterwards starts a new registration.

The confirmation is a form without fields: its preview is the question, so a typed "ja"
or "nein" answers it as the buttons do."""

from __future__ import annotations

from pydantic import BaseModel

from bot.context import Context
from bot.forms import Draft, Form
from bot.models import Outgoing
from bot.router import Access, Invalid, Router, Section
from handlers.privacy.render import erasure_lines
from handlers.privacy.service import from_context as service
from handlers.privacy.service import member_ref
from storage.members import Member


class Erasure(BaseModel):
    member: str  # whose data the question was about (not asked: given at the start)


async def _question(ctx: Context, draft: Draft, listing: str) -> Outgoing:
    return ctx.reply(
        "privacy.erase_confirm",
        network=ctx.settings.network_name,
        author=ctx.t("groups.unknown_author"),  # what a working group shows instead
    )


async def _erase(ctx: Context, asked: Erasure) -> Outgoing:
    if ctx.member is None or asked.member != member_ref(ctx.member):
        raise Invalid("error.stale_button")
    erasure = await service(ctx).erase(ctx.member.id)
    ctx.member = None
    return ctx.reply("privacy.erased", lines=erasure_lines(ctx.lang, erasure), replace=True)


async def _kept(ctx: Context, draft: Draft) -> Outgoing:
    return ctx.reply("privacy.erase_kept", replace=True)


FORM = Form(
    name="erase", action="privacy.erase", model=Erasure, fields=[], title="privacy.btn_erase",
    finish=_erase, preview=_question, confirm="privacy.btn_erase", discard="privacy.btn_keep",
    discarded=_kept, access=Access.ANYONE, gated=False, native=False, stale="error.stale_button",
)  # fmt: skip


async def confirmation(ctx: Context, member: Member) -> list[Outgoing]:
    return await FORM.begin(ctx, {"member": member_ref(member)})


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
    async def delete(ctx: Context, args: str) -> Outgoing | list[Outgoing]:
        if ctx.member is None:
            if ctx.conversation is not None:  # answers of an unfinished registration
                await ctx.end_conversation()
            return ctx.reply("privacy.nothing_stored")
        return await confirmation(ctx, ctx.member)

    FORM.install(router)
