"""Sign-up: language, name, company, region, competencies, consent.

Answers are kept only in the conversation state until the person consents; then the
member, their identity and the end of the conversation are written in one transaction.
Without consent the state is deleted and nothing else is stored. The confirmation asks one
button question: listed in the competence directory or not (off unless the member says yes).

``/start CODE`` with a link code from ``/link`` joins this chat to an existing member
instead of signing up again; with an invitation code (``/einladen``) the registration skips
the approval, and a member still waiting for approval is let in by it. The consent question
shows the privacy notice, and the version accepted is recorded (``handlers/privacy``).

Saying no to the notice discards every answer; only an invitation code is kept (step
``declined``, no personal data), so the ``/start`` the bot advises continues with it.
"""

from __future__ import annotations

from bot.arguments import number
from bot.contact import not_active_text
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers import validation
from handlers.directory.listing import with_listing_question
from handlers.linking.chat import redeem_reply
from handlers.linking.service import looks_like_code
from handlers.members.approval import approval_batch, ask_admins
from handlers.members.render import OTHER_REGION
from handlers.menu import main_menu
from handlers.privacy.admin_claim import looks_like_admin_claim
from handlers.privacy.admin_claim import redeem as redeem_admin_claim
from handlers.privacy.consent import registration_prompt
from handlers.privacy.invitations import (
    claim,
    invitation_problem,
    looks_like_invitation,
    record_use,
)
from handlers.privacy.service import from_context as privacy
from handlers.validation import Invalid

FLOW = "register"
STEPS = ("language", "name", "company", "region", "competencies", "consent")
DECLINED = "declined"  # consent refused; the state holds only the invitation code
_YES = {"ja", "j", "yes", "y", "einverstanden", "ok"}
_NO = {"nein", "n", "no"}
_LANGUAGE_WORDS = {"de": "de", "deutsch": "de", "german": "de", "en": "en", "english": "en"}
_LANGUAGE_WORDS["englisch"] = "en"

HandlerOutput = Outgoing | list[Outgoing]


def language_buttons(action: str) -> list[list[Button]]:
    return [
        [
            Button(label="Deutsch", action=action, arg="de"),
            Button(label="English", action=action, arg="en"),
        ]
    ]


def region_buttons(ctx: Context, action: str) -> list[list[Button]]:
    buttons = [
        Button(label=r, action=action, arg=str(i)) for i, r in enumerate(ctx.settings.regions)
    ]
    buttons.append(ctx.button("reg.region_other", action, OTHER_REGION))
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def region_from_button(ctx: Context, arg: str) -> str | None:
    if arg == OTHER_REGION:
        return OTHER_REGION
    index = number(arg, 0, len(ctx.settings.regions) - 1)
    return None if index is None else ctx.settings.regions[index]


def region_from_text(ctx: Context, text: str) -> str | None:
    choices = [*ctx.settings.regions, ctx.t("reg.region_other")]
    choice = validation.match_choice(text, choices)
    if choice == ctx.t("reg.region_other"):
        return OTHER_REGION
    return choice


def prompt(ctx: Context, step: str) -> Outgoing:
    """The question for a step, with its buttons."""
    if step == "language":
        return Outgoing(
            text=ctx.t("reg.welcome", network=ctx.settings.network_name),
            buttons=language_buttons("reg.language"),
        )
    if step == "region":
        return ctx.reply("reg.ask_region", buttons=region_buttons(ctx, "reg.region"))
    if step == "consent":
        return registration_prompt(
            ctx,
            [
                [
                    ctx.button("reg.consent_yes", "reg.consent", "yes"),
                    ctx.button("reg.consent_no", "reg.consent", "no"),
                ]
            ],
        )
    return ctx.reply(f"reg.ask_{step}")


async def _advance(ctx: Context, data: dict[str, object], step: str) -> Outgoing:
    next_step = STEPS[STEPS.index(step) + 1]
    await ctx.set_conversation(FLOW, next_step, data)
    return prompt(ctx, next_step)


async def _accept(ctx: Context, step: str, value: object) -> HandlerOutput:
    assert ctx.conversation is not None
    data = dict(ctx.conversation.data)
    data[step] = value
    if step == "language":
        ctx.lang = str(value)
    return await _advance(ctx, data, step)


async def _finish(ctx: Context) -> list[Outgoing]:
    """Consent given: create the member atomically, then tell admins if approval is needed."""
    assert ctx.conversation is not None
    data = ctx.conversation.data
    code = data.get("invitation")
    notes: list[Outgoing] = []
    async with ctx.store.transaction():
        invited = await claim(ctx.store, code) if code else None
        if code and invited is None:
            notes.append(ctx.reply("privacy.invite_gone"))
        approval = ctx.settings.approval_required and not ctx.is_admin and invited is None
        status = "pending" if approval else "active"
        member = await ctx.store.members.create(
            name=data["name"],
            company=data["company"],
            region=data["region"],
            competencies=list(data.get("competencies") or []),
            language=data["language"],
            status=status,
        )
        if invited is not None:
            await record_use(ctx, member.id, invited)
        await privacy(ctx).accept_notice(member.id, "registration")
        await ctx.store.members.add_identity(
            member.id,
            ctx.platform,
            ctx.user_id,
            ctx.incoming.chat_id,
            ctx.incoming.sender.display_name,
        )
        await ctx.end_conversation()
        await ctx.store.audit.record("member.registered", ctx.actor, member_id=member.id)
        ctx.member = member
        if status == "pending":
            await ask_admins(ctx, member)
            return [*notes, with_listing_question(ctx, ctx.reply("reg.pending", name=member.name))]
    done = await main_menu(ctx, ctx.t("reg.done", name=member.name))
    return [*notes, with_listing_question(ctx, done)]


async def start_invited(ctx: Context, code: str) -> list[Outgoing]:
    """Registration with an invitation code: a valid one is kept until the consent (and
    counted then); a used, expired or unknown one is refused and the normal way follows."""
    problem = await invitation_problem(ctx.store, code)
    if problem is None:
        note = ctx.reply("privacy.invite_welcome", network=ctx.settings.network_name)
        data: dict[str, object] = {"invitation": code.strip()[:32]}
    else:
        fallback = "privacy.invite_fallback" + (
            "_approval" if ctx.settings.approval_required else ""
        )
        note = Outgoing(text=ctx.t(problem) + "\n\n" + ctx.t(fallback))
        data = {}
    await ctx.set_conversation(FLOW, "language", data)
    return [note, prompt(ctx, "language")]


async def admit_waiting(ctx: Context, code: str) -> Outgoing:
    """A member waiting for approval sends a valid invitation: it lets them in, as it would
    have at registration (the admins' requests still queued are withdrawn)."""
    member = ctx.member
    assert member is not None
    problem = await invitation_problem(ctx.store, code)
    if problem is not None:
        return Outgoing(text=ctx.t(problem) + "\n\n" + ctx.t("error.pending_approval"))
    async with ctx.store.transaction():
        invited = await claim(ctx.store, code)
        if invited is None:
            return Outgoing(
                text=ctx.t("privacy.invite_gone") + "\n\n" + ctx.t("error.pending_approval")
            )
        await ctx.store.members.set_status(member.id, "active")
        await record_use(ctx, member.id, invited)
        await ctx.store.outbox.withdraw_pending([approval_batch(member.id)])
        await ctx.store.audit.record(
            "member.approved", ctx.actor, member_id=member.id, by="invitation"
        )
    ctx.member = member.model_copy(update={"status": "active"})
    return await main_menu(ctx, ctx.t("reg.invited_in", network=ctx.settings.network_name))


async def decline_consent(ctx: Context) -> Outgoing:
    """No consent: every answer goes; an invitation stays for the next ``/start``."""
    assert ctx.conversation is not None
    code = ctx.conversation.data.get("invitation")
    if not code:
        await ctx.end_conversation()
        return ctx.reply("reg.no_consent")
    await ctx.set_conversation(FLOW, DECLINED, {"invitation": code})
    return ctx.reply("reg.no_consent_invited")


def in_registration(ctx: Context) -> bool:
    return ctx.conversation is not None and ctx.conversation.flow == FLOW


def kept_invitation(ctx: Context) -> str | None:
    """The invitation kept after a refused consent, if that is where this person is."""
    state = ctx.conversation
    if state is None or state.flow != FLOW or state.step != DECLINED:
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
        if args and looks_like_code(args):
            return await redeem_reply(ctx, args)
        if args and looks_like_invitation(args) and ctx.member is None:
            return await start_invited(ctx, args)
        if ctx.member is not None:
            if ctx.member.status == "pending":
                if args and looks_like_invitation(args):
                    return await admit_waiting(ctx, args)
                return ctx.reply("error.pending_approval")
            if ctx.member.status != "active":
                return Outgoing(text=not_active_text(ctx.settings, ctx.lang))
            return await main_menu(ctx)
        kept = kept_invitation(ctx)
        if kept is not None:
            return await start_invited(ctx, kept)
        if in_registration(ctx):
            assert ctx.conversation is not None
            return [ctx.reply("reg.resume"), prompt(ctx, ctx.conversation.step)]
        data: dict[str, object] = {"payload": args[:64]} if args else {}
        await ctx.set_conversation(FLOW, "language", data)
        return prompt(ctx, "language")

    @router.flow(FLOW)
    async def answer(ctx: Context, text: str) -> HandlerOutput:
        assert ctx.conversation is not None
        step = ctx.conversation.step
        try:
            if step == "language":
                choice = _LANGUAGE_WORDS.get(text.strip().casefold())
                if choice is None:
                    return ctx.reply("reg.ask_language", buttons=language_buttons("reg.language"))
                return await _accept(ctx, step, choice)
            if step == "name":
                return await _accept(ctx, step, validation.person_name(text))
            if step == "company":
                value = validation.single_line(text, validation.MAX_COMPANY)
                return await _accept(ctx, step, value)
            if step == "region":
                region = region_from_text(ctx, text)
                if region is None:
                    shown = text.strip()[:40]
                    return ctx.reply(
                        "reg.unknown_region",
                        region=shown,
                        buttons=region_buttons(ctx, "reg.region"),
                    )
                return await _accept(ctx, step, region)
            if step == "competencies":
                return await _accept(ctx, step, validation.competencies(text))
            if step == "consent":
                word = text.strip().casefold()
                if word in _YES:
                    return await _finish(ctx)
                if word in _NO:
                    return await decline_consent(ctx)
                return [ctx.reply("reg.ask_consent_again"), prompt(ctx, "consent")]
            if step == DECLINED:  # the invitation waits for /start
                return ctx.reply("error.not_registered")
        except Invalid as problem:
            return [problem.reply(ctx), prompt(ctx, step)]
        await ctx.end_conversation()  # unknown step from an older version: start over
        return ctx.reply("input.stale_button")

    async def _button_step(ctx: Context, step: str) -> bool:
        return in_registration(ctx) and ctx.conversation.step == step  # type: ignore[union-attr]

    @router.action("reg.language", access=Access.ANYONE)
    async def choose_language(ctx: Context, arg: str) -> HandlerOutput:
        if not await _button_step(ctx, "language") or arg not in ("de", "en"):
            return ctx.reply("input.stale_button")
        return await _accept(ctx, "language", arg)

    @router.action("reg.region", access=Access.ANYONE)
    async def choose_region(ctx: Context, arg: str) -> HandlerOutput:
        region = region_from_button(ctx, arg)
        if not await _button_step(ctx, "region") or region is None:
            return ctx.reply("input.stale_button")
        return await _accept(ctx, "region", region)

    @router.action("reg.consent", access=Access.ANYONE)
    async def consent(ctx: Context, arg: str) -> HandlerOutput:
        if not await _button_step(ctx, "consent"):
            return ctx.reply("input.stale_button")
        if arg == "yes":
            return await _finish(ctx)
        return await decline_consent(ctx)
