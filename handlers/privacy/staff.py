"""For the network team: ``/mitglied`` (``/member``) finds a member by name, company, number
or account, with buttons to export their data or erase it (for a member who asked by email
or letter), and the erasure of accounts unreachable past the retention period (offered in
``/stats``). Every export and erasure is in the audit log."""

from __future__ import annotations

from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router, Section
from handlers.members.render import with_company
from handlers.names import find_members
from handlers.privacy.render import erasure_lines, export_message, platform_label
from handlers.privacy.service import from_context as service
from handlers.privacy.service import member_from_ref, member_ref
from storage.members import Member

SHOWN = 10
STALE_SHOWN = 20


async def _line(ctx: Context, member: Member) -> str:
    accounts = ", ".join(
        platform_label(ctx.lang, i.platform) for i in await ctx.store.members.identities(member.id)
    )
    return ctx.t(
        "privacy.member_line",
        id=member.id,
        who=with_company(member.name, member.company),
        status=ctx.t(f"privacy.status_{member.status}"),
        accounts=accounts or "–",
    )


async def stale_overview(ctx: Context) -> Outgoing:
    stale = await service(ctx).stale()
    if not stale:
        return ctx.reply("privacy.stale_none", days=ctx.settings.unreachable_retention_days)
    lines = [
        ctx.t(
            "privacy.stale_line",
            name=s.name,
            platform=platform_label(ctx.lang, s.platform),
            since=ctx.format_date(s.unreachable_at),
            what=ctx.t("privacy.stale_account" if s.reachable_elsewhere else "privacy.stale_all"),
        )
        for s in stale[:STALE_SHOWN]
    ]
    if len(stale) > STALE_SHOWN:
        lines.append(ctx.t("privacy.stale_more", count=len(stale) - STALE_SHOWN))
    members = len({s.member_id for s in stale if not s.reachable_elsewhere})
    text = ctx.t(
        "privacy.stale_confirm",
        days=ctx.settings.unreachable_retention_days,
        accounts=len(stale),
        members=members,
        lines="\n".join(lines),
    )
    buttons = [
        [ctx.button("privacy.btn_stale_yes", "privacy.stale_yes", str(len(stale)))],
        [ctx.button("privacy.btn_keep", "privacy.erase_keep")],
    ]
    return Outgoing(text=text, buttons=buttons)


def register(router: Router) -> None:
    @router.command(
        "member",
        "mitglied",
        access=Access.ADMIN,
        help_key="privacy.help_member",
        section=Section.PEOPLE,
    )
    async def find(ctx: Context, args: str) -> list[Outgoing]:
        if not args.strip():
            return [ctx.reply("privacy.member_usage")]
        found = await find_members(ctx.store, args, SHOWN)
        if not found:
            return [ctx.reply("privacy.member_none", query=args.strip()[:40])]
        answers = []
        for member in found:
            ref = member_ref(member)
            buttons = [
                [
                    ctx.button("privacy.btn_export", "privacy.staff_export", ref),
                    ctx.button("privacy.btn_staff_erase", "privacy.staff_erase", ref),
                ]
            ]
            answers.append(Outgoing(text=await _line(ctx, member), buttons=buttons))
        return answers

    @router.action("privacy.staff_export", access=Access.ADMIN)
    async def export(ctx: Context, arg: str) -> Outgoing:
        member = await member_from_ref(ctx.store, arg)
        if member is None:
            return ctx.reply("privacy.member_gone")
        found = await service(ctx).export(member.id, by_staff=True)
        return export_message(ctx.lang, ctx.zone, member, found)

    @router.action("privacy.staff_erase", access=Access.ADMIN)
    async def confirm(ctx: Context, arg: str) -> Outgoing:
        member = await member_from_ref(ctx.store, arg)
        if member is None:
            return ctx.reply("privacy.member_gone")
        if ctx.member is not None and ctx.member.id == member.id:
            return ctx.reply("privacy.staff_self")
        buttons = [
            [Button(label=ctx.t("privacy.btn_erase"), action="privacy.staff_erase_yes", arg=arg)],
            [ctx.button("privacy.btn_keep", "privacy.erase_keep")],
        ]
        return ctx.reply(
            "privacy.staff_erase_confirm",
            who=with_company(member.name, member.company),
            author=ctx.t("groups.unknown_author"),
            buttons=buttons,
        )

    @router.action("privacy.staff_erase_yes", access=Access.ADMIN)
    async def erase(ctx: Context, arg: str) -> Outgoing:
        member = await member_from_ref(ctx.store, arg)
        if member is None:
            return ctx.reply("privacy.member_gone", replace=True)
        if ctx.member is not None and ctx.member.id == member.id:
            return ctx.reply("privacy.staff_self")
        erasure = await service(ctx).erase(member.id, by="staff")
        return ctx.reply(
            "privacy.staff_erased",
            name=member.name,
            lines=erasure_lines(ctx.lang, erasure),
            replace=True,
        )

    @router.action("privacy.stale", access=Access.ADMIN)
    async def stale(ctx: Context, arg: str) -> Outgoing:
        return await stale_overview(ctx)

    @router.action("privacy.stale_yes", access=Access.ADMIN)
    async def erase_stale(ctx: Context, arg: str) -> Outgoing:
        if arg != str(len(await service(ctx).stale())):  # the list changed: confirm again
            return await stale_overview(ctx)
        done = await service(ctx).erase_stale()
        return ctx.reply(
            "privacy.stale_done",
            members=done.members,
            accounts=done.identities,
            replace=True,
        )
