"""Sign-up: a form of language, name, company, region and competencies whose preview is
the consent question (the privacy notice and the answers to be stored). Nothing is stored
before the consent; then the member and their identity, in the update's one transaction.

``/start CODE`` with a link code from ``/link`` joins this chat to an existing member; with
an invitation code (``/einladen``) the registration skips the approval, and a member still
waiting for approval is let in by it. Saying no discards every answer; only an invitation
code is kept (flow ``invited``), so the ``/start`` the bot advises continues with it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from bot.contact import not_active_text
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Access, Invalid, Router
from handlers.directory.listing import with_listing_question
from handlers.linking.chat import redeem_reply
from handlers.linking.service import looks_like_code
from handlers.members.approval import approval_batch, ask_admins
from handlers.members.fields import COMPANY, COMPETENCIES, NAME, REGION, region_name
from handlers.menu import main_menu
from handlers.privacy.admin_claim import looks_like_admin_claim
from handlers.privacy.admin_claim import redeem as redeem_admin_claim
from handlers.privacy.consent import notice_body
from handlers.privacy.invitations import (
    claim,
    invitation_problem,
    looks_like_invitation,
    record_use,
)
from handlers.privacy.service import from_context as privacy
from storage.members import Member

FLOW = "register"
INVITED = "invited"  # consent refused with an invitation: the state holds only its code
_LANGUAGE_WORDS = {"german": "de", "englisch": "en", "deutsch": "de", "english": "en"}

HandlerOutput = Outgoing | list[Outgoing]


class Registration(BaseModel):
    language: Literal["de", "en"]
    name: str
    company: str
    region: str
    competencies: list[str] | None = None
    invitation: str | None = None  # not asked: from ``/start CODE``, claimed at the consent


def _language(ctx: Context, text: str, draft: Draft) -> str:
    """A language the buttons' labels do not name ("german", "englisch")."""
    choice = _LANGUAGE_WORDS.get(" ".join(text.casefold().split()))
    if choice is None:
        raise Invalid("reg.ask_language")
    return choice


LANGUAGE = Field(
    "language", Kind.CHOICE, "reg.welcome", "reg.field_language", parse=_language,
    choices=[Choice("de", label="Deutsch"), Choice("en", label="English")],
    params=lambda ctx, draft: {"network": ctx.settings.network_name}, columns=2,
)  # fmt: skip


async def _consent_question(ctx: Context, draft: Draft, listing: str) -> Outgoing:
    """The privacy notice, what would be stored, and the question: confirming consents."""
    answers = ctx.t("reg.your_answers", listing=listing)
    parts = [notice_body(ctx), answers, ctx.t("privacy.registration_question")]
    title = ctx.t("privacy.notice_title", network=ctx.settings.network_name)
    return Outgoing(title=title, text="\n\n".join(parts))


async def _registered(ctx: Context, answers: Registration) -> list[Outgoing]:
    """Consent given: the member (with the invitation counted), then the admins if the
    network approves new members."""
    code = answers.invitation
    notes: list[Outgoing] = []
    invited = await claim(ctx.store, code) if code else None
    if code and invited is None:
        notes.append(ctx.reply("privacy.invite_gone"))
    approval = ctx.settings.approval_required and not ctx.is_admin and invited is None
    member = await ctx.store.members.create(
        name=answers.name, company=answers.company, region=region_name(ctx, answers.region),
        competencies=answers.competencies or [], language=answers.language,
        status="pending" if approval else "active",
    )  # fmt: skip
    if invited is not None:
        await record_use(ctx, member.id, invited)
    await privacy(ctx).accept_notice(member.id, "registration")
    await ctx.store.members.add_identity(
        member.id, ctx.platform, ctx.user_id, ctx.incoming.chat_id, ctx.incoming.sender.display_name
    )
    await ctx.store.audit.record("member.registered", ctx.actor, member_id=member.id)
    ctx.member = member
    if approval:
        await ask_admins(ctx, member)
        return [*notes, with_listing_question(ctx, ctx.reply("reg.pending", name=member.name))]
    done = await main_menu(ctx, ctx.t("reg.done", name=member.name))
    return [*notes, with_listing_question(ctx, done)]


async def _declined(ctx: Context, draft: Draft) -> Outgoing:
    """No consent: every answer goes; an invitation stays for the next ``/start``."""
    code = draft.raw.get("invitation")
    if not code:
        return ctx.reply("reg.no_consent")
    await ctx.set_conversation(INVITED, "declined", {"invitation": code})
    return ctx.reply("reg.no_consent_invited")


# confirming the preview is the consent ("Ja, einverstanden"); "Nein" discards everything
FORM = Form(
    name=FLOW, action="f.reg", model=Registration, title="reg.form_title", access=Access.ANYONE,
    fields=[LANGUAGE, NAME, COMPANY, REGION, COMPETENCIES], language_field="language",
    finish=_registered, preview=_consent_question, unclear="reg.ask_consent_again",
    confirm="reg.consent_yes", discard="reg.consent_no", discarded=_declined,
)  # fmt: skip


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
    FORM.install(router)

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
