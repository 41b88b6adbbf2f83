"""Sign-up: a form of language, name, company, region and competencies whose preview is
the consent question (the privacy notice and the answers to be stored). Nothing is stored
before the consent; then the member and their identity, in the update's one transaction.

Saying no discards every answer; only an invitation code is kept (flow ``invited``), so
the ``/start`` the bot advises continues with it (:mod:`handlers.members.start`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Access, Invalid, Router
from handlers.directory.listing import with_listing_question
from handlers.members.approval import ask_admins
from handlers.members.fields import COMPANY, COMPETENCIES, NAME, REGION, region_name
from handlers.menu import main_menu
from handlers.privacy.consent import notice_body
from handlers.privacy.invitations import (
    claim,
    record_use,
)
from handlers.privacy.service import from_context as privacy

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


def register(router: Router) -> None:
    FORM.install(router)
