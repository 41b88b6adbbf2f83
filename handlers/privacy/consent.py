"""Consent to the privacy notice: shown at registration, on ``/datenschutz``, and again when
the operator publishes a new version.

The check for a new version is one gate in the router: before any gated command, button or
conversation step of a registered person, so no handler has to remember it. Until the
member accepts (or leaves, which erases their data) only help, cancel, the notice, their
data export and the erasure pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.context import Context
from bot.models import Button, ChatKind, Outgoing
from bot.router import Access, HandlerResult, Router, Section
from handlers.menu import main_menu
from handlers.privacy.erase import confirmation
from handlers.privacy.notice import contact_line, current_notice, notice_text, notice_version
from handlers.privacy.service import from_context as service

if TYPE_CHECKING:
    from bot.services import Services


def notice_body(ctx: Context) -> str:
    """The notice with the member's rights and the contact below it."""
    text = notice_text(ctx.settings, ctx.lang)
    if current_notice(ctx.settings).texts:  # the operator's text: add the rights and contact
        text += "\n\n" + ctx.t("privacy.rights") + "\n" + contact_line(ctx.settings, ctx.lang)
    return text


def registration_prompt(ctx: Context, buttons: list[list[Button]]) -> Outgoing:
    """The consent question at the end of registration (buttons from the registration)."""
    return Outgoing(
        title=ctx.t("privacy.notice_title", network=ctx.settings.network_name),
        text=notice_body(ctx) + "\n\n" + ctx.t("privacy.registration_question"),
        buttons=buttons,
    )


def changed_prompt(ctx: Context) -> Outgoing:
    version = notice_version(ctx.settings)
    return Outgoing(
        title=ctx.t("privacy.notice_title", network=ctx.settings.network_name),
        text=ctx.t("privacy.changed") + "\n\n" + notice_body(ctx),
        buttons=[
            [ctx.button("privacy.btn_accept", "privacy.accept", version)],
            [ctx.button("privacy.btn_leave", "privacy.leave")],
        ],
    )


async def _needs_consent(ctx: Context, member_id: int) -> bool:
    """As :meth:`PrivacyService.needs_consent`, from the version read with the context
    when it was (the gate runs on every update: no trip to the store of its own)."""
    if not ctx.privacy_loaded:
        return await service(ctx).needs_consent(member_id)
    accepted = ctx.accepted_privacy
    return accepted is not None and accepted != notice_version(ctx.settings)


async def consent_gate(ctx: Context) -> HandlerResult:
    """Stop a registered person who has not accepted the current notice."""
    if ctx.member is None or not await _needs_consent(ctx, ctx.member.id):
        return None
    if ctx.incoming.chat_kind == ChatKind.GROUP:
        return ctx.reply("privacy.changed_in_group")
    return changed_prompt(ctx)


def register(router: Router) -> None:
    router.gate(consent_gate)

    @router.command(
        "privacy",
        "datenschutz",
        access=Access.ANYONE,
        help_key="privacy.help_privacy",
        order=80,
        gated=False,
        section=Section.PRIVACY,
    )
    async def show_notice(ctx: Context, args: str) -> Outgoing:
        if ctx.member is not None and await service(ctx).needs_consent(ctx.member.id):
            return changed_prompt(ctx)
        return Outgoing(
            title=ctx.t("privacy.notice_title", network=ctx.settings.network_name),
            text=notice_body(ctx),
        )

    @router.action("privacy.accept", access=Access.ANYONE, gated=False)
    async def accept(ctx: Context, arg: str) -> list[Outgoing]:
        if ctx.member is None:
            return [ctx.reply("error.not_registered")]
        if arg != notice_version(ctx.settings):  # a newer version came out meanwhile
            return [changed_prompt(ctx)]
        svc = service(ctx)
        if not await svc.needs_consent(ctx.member.id):
            return [ctx.reply("privacy.accepted_already", replace=True)]
        ctx.accepted_privacy = await svc.accept_notice(ctx.member.id, "reconfirm")
        return [ctx.reply("privacy.accepted", replace=True), await main_menu(ctx)]

    @router.action("privacy.leave", access=Access.ANYONE, gated=False)
    async def leave(ctx: Context, arg: str) -> Outgoing | list[Outgoing]:
        if ctx.member is None:
            return ctx.reply("privacy.nothing_stored")
        return await confirmation(ctx, ctx.member)


def install(services: Services) -> None:
    """Refuse to start with a notice file that cannot be read (one line naming the setting)."""
    current_notice(services.settings)
