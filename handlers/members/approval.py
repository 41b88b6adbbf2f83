"""Closed networks: new members wait until an admin approves them."""

from __future__ import annotations

from bot.arguments import ButtonArgs, RecordId
from bot.contact import declined_text
from bot.context import Context
from bot.delivery.notify import Notifier
from bot.i18n import t
from bot.models import Outgoing
from bot.router import Access, Router, Section
from bot.settings import Settings
from handlers.members.render import region_label, with_company
from storage import Store
from storage.members import Member


class Approve(ButtonArgs, action="admin.approve"):
    member_id: RecordId


class Reject(ButtonArgs, action="admin.reject"):
    member_id: RecordId


def approval_request(lang: str, member: Member) -> Outgoing:
    return Outgoing(
        text=t(
            lang,
            "approval.request",
            who=with_company(member.name, member.company, region_label(lang, member.region)),
        ),
        buttons=[
            [
                Approve(member.id).button(t(lang, "approval.approve")),
                Reject(member.id).button(t(lang, "approval.reject")),
            ]
        ],
    )


def approval_batch(member_id: int) -> str:
    """The outbox batch of the admins' requests about one registration."""
    return f"approval:{member_id}"


async def ask_admins(ctx: Context, member: Member) -> None:
    """Each admin once, on their preferred platform (also one whose configured account is
    unreachable but who linked another)."""
    await ctx.notifier.to_members(
        await ctx.store.members.admin_member_ids(ctx.settings.admins),
        lambda lang: approval_request(lang, member),
        batch=approval_batch(member.id),
    )


async def decide(
    store: Store,
    notifier: Notifier,
    settings: Settings,
    member_id: int,
    approve: bool,
    actor: str,
) -> tuple[str, Member | None]:
    """Approve or decline a pending registration; the member is told in chat (a declined
    one once, with whom to ask and what they can do). The one place for it: the chat's
    buttons and the web dashboard both come here. Returns
    ``approved``, ``rejected``, ``already`` (decided before) or ``gone``."""
    async with store.transaction():
        member = await store.members.get(member_id)
        if member is None:
            return "gone", None
        if member.status != "pending":
            return "already", member
        if approve:
            await store.members.set_status(member.id, "active")
            await notifier.to_members(
                [member.id], lambda lang: Outgoing(text=t(lang, "approval.welcome"))
            )
        else:
            await store.members.set_status(member.id, "rejected")
            await notifier.to_members(
                [member.id],
                lambda lang: Outgoing(text=declined_text(settings, lang)),
                active_only=False,  # told once: later answers name the contact again
            )
        action = "member.approved" if approve else "member.rejected"
        await store.audit.record(action, actor, member_id=member.id)
    return ("approved" if approve else "rejected"), member


async def _decide(ctx: Context, member_id: int, approve: bool) -> Outgoing:
    outcome, member = await decide(
        ctx.store, ctx.notifier, ctx.settings, member_id, approve, ctx.actor
    )
    if member is None:
        return ctx.reply("approval.gone", replace=True)
    if outcome == "already":
        return ctx.reply("approval.already", name=member.name, replace=True)
    return ctx.reply(f"approval.{outcome}", name=member.name, replace=True)


def register(router: Router) -> None:
    @router.command(
        "approve",
        "freigeben",
        access=Access.ADMIN,
        help_key="help.approve",
        section=Section.PEOPLE,
    )
    async def list_pending(ctx: Context, args: str) -> list[Outgoing]:
        pending = await ctx.store.members.list_by_status("pending")
        if not pending:
            return [ctx.reply("approval.list_empty")]
        return [approval_request(ctx.lang, member) for member in pending]

    @router.action(Approve, access=Access.ADMIN)
    async def approve(ctx: Context, pressed: Approve) -> Outgoing:
        return await _decide(ctx, pressed.member_id, approve=True)

    @router.action(Reject, access=Access.ADMIN)
    async def reject(ctx: Context, pressed: Reject) -> Outgoing:
        return await _decide(ctx, pressed.member_id, approve=False)
