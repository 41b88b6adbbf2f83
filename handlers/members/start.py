"""``/start``: the way in, with or without a code.

``/start ci_CODE`` (the check-in page's QR code) checks in (:mod:`handlers.checkin.chat`).
``/start CODE`` with a link code from ``/link`` joins this chat to an existing member; with
an invitation code (``/einladen``) the registration (:mod:`handlers.members.registration`)
skips the approval, and a member still waiting for approval is let in by it; with an admin
claim code from ``knotenpunkt init`` the first admin is made. Without a code, a member gets
the menu and anyone else the registration (or their open question again).
"""

from __future__ import annotations

from bot.contact import not_active_text
from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.checkin.chat import check_in, is_link_payload
from handlers.linking.chat import redeem_reply
from handlers.linking.service import looks_like_code
from handlers.members.approval import approval_batch
from handlers.members.registration import FLOW, FORM, INVITED
from handlers.menu import main_menu
from handlers.privacy.admin_claim import looks_like_admin_claim
from handlers.privacy.admin_claim import redeem as redeem_admin_claim
from handlers.privacy.invitations import (
    claim,
    invitation_problem,
    looks_like_invitation,
    record_use,
)
from storage.members import Member

HandlerOutput = Outgoing | list[Outgoing]


async def start_invited(ctx: Context, code: str) -> list[Outgoing]:
    """Registration with an invitation code: a valid one is kept until the consent (and
    counted then); a used, expired or unknown one is refused and the normal way follows."""
    problem = await invitation_problem(ctx.store, code)
    if problem is None:
        note = ctx.reply("privacy.invite_welcome", network=ctx.settings.network_name)
        return [note, *await FORM.begin(ctx, {"invitation": code.strip()[:32]})]
    fallback = "privacy.invite_fallback" + ("_approval" if ctx.settings.approval_required else "")
    note = Outgoing(text=ctx.t(problem) + "\n\n" + ctx.t(fallback))
    return [note, *await FORM.begin(ctx)]


async def admit_waiting(ctx: Context, member: Member, code: str) -> Outgoing:
    """A member waiting for approval sends a valid invitation: it lets them in, as it would
    have at registration (the admins' requests still queued are withdrawn)."""
    problem = await invitation_problem(ctx.store, code)
    if problem is not None:
        return Outgoing(text=ctx.t(problem) + "\n\n" + ctx.t("error.pending_approval"))
    invited = await claim(ctx.store, code)
    if invited is None:
        return Outgoing(
            text=ctx.t("privacy.invite_gone") + "\n\n" + ctx.t("error.pending_approval")
        )
    await ctx.store.members.set_status(member.id, "active")
    await record_use(ctx, member.id, invited)
    await ctx.store.outbox.withdraw_pending([approval_batch(member.id)])
    await ctx.store.audit.record("member.approved", ctx.actor, member_id=member.id, by="invitation")
    ctx.member = member.model_copy(update={"status": "active"})
    return await main_menu(ctx, ctx.t("reg.invited_in", network=ctx.settings.network_name))


def kept_invitation(ctx: Context) -> str | None:
    """The invitation kept after a refused consent, if that is where this person is."""
    state = ctx.conversation
    if state is None or state.flow != INVITED:
        return None
    code = state.data.get("invitation")
    return str(code) if code else None


def register(router: Router) -> None:
    def brings_a_code(ctx: Context) -> bool:
        """``/start CODE`` with an invitation or an admin claim code: a member waiting for
        approval may use it (the invitation lets them in)."""
        parsed = router.parse_command(ctx.incoming.text or "")
        code = parsed[1] if parsed else ""
        return bool(code) and (looks_like_invitation(code) or looks_like_admin_claim(code))

    @router.command(
        "start", access=Access.NEW_OR_MEMBER, help_key="help.start", order=0, also=brings_a_code
    )
    async def start(ctx: Context, args: str) -> HandlerOutput:
        if args and looks_like_admin_claim(args):  # the first admin, from knotenpunkt init
            claimed = await redeem_admin_claim(ctx, args)
            after = await start(ctx, "")
            return [claimed, *(after if isinstance(after, list) else [after])]
        if args and is_link_payload(args):  # the check-in page's QR code
            if ctx.member is None:
                note = ctx.reply("checkin.register_first", network=ctx.settings.network_name)
                return [note, *await FORM.begin(ctx)]
            return await check_in(ctx, args, "link")
        if args and looks_like_code(args):
            return await redeem_reply(ctx, args)
        member = ctx.member
        if member is None and args and looks_like_invitation(args):
            return await start_invited(ctx, args)
        if member is not None:
            if member.status == "pending":
                if args and looks_like_invitation(args):
                    return await admit_waiting(ctx, member, args)
                return ctx.reply("error.pending_approval")
            if member.status != "active":
                return Outgoing(text=not_active_text(ctx.settings, ctx.lang))
            return await main_menu(ctx)
        kept = kept_invitation(ctx)
        if kept is not None:
            return await start_invited(ctx, kept)
        if ctx.conversation is not None and ctx.conversation.flow == FLOW:
            return [ctx.reply("reg.resume"), *await FORM.resume(ctx)]
        return await FORM.begin(ctx, extra={"payload": args[:64]} if args else None)

    @router.flow(INVITED)
    async def waiting_with_invitation(ctx: Context, text: str) -> Outgoing:
        """Only ``/start`` continues after the "no" (the invitation waits for it)."""
        return ctx.reply("error.not_registered")
