"""Roles: member, moderator (per working group, kept by the groups capability) and admin.

Admins come from ``KNOTENPUNKT_ADMINS`` (bootstrap admins, changed only there) or from a
grant (``knotenpunkt admin add``, or a button in ``/admins``). ``/admins`` lists them with
a button to withdraw each grant; ``/admins NAME`` offers members to promote. The network
never loses its last admin, and every change is in the audit log. The rules live in
:func:`promote` and :func:`demote`, shared with the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router, Section
from bot.settings import Settings
from handlers.members.render import with_company
from handlers.names import find_members
from handlers.privacy.render import platform_label
from handlers.privacy.service import member_from_ref, member_ref
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.members import Member

CANDIDATES = 10


@dataclass
class AdminEntry:
    """One admin: a member with every account that carries the right, or an account that
    has not registered yet."""

    keys: list[str] = field(default_factory=list)
    member: Member | None = None
    bootstrap: bool = False  # listed in KNOTENPUNKT_ADMINS

    @property
    def ref(self) -> str:
        return member_ref(self.member) if self.member else self.keys[0]


async def admin_entries(store: Store, settings: Settings) -> list[AdminEntry]:
    granted = await store.members.admin_identity_keys()
    entries: dict[str, AdminEntry] = {}
    for key in dict.fromkeys([*settings.admins, *granted]):
        platform, _, user_id = key.partition(":")
        member = await store.members.find_by_identity(platform, user_id)
        entry = entries.setdefault(f"m{member.id}" if member else key, AdminEntry(member=member))
        entry.keys.append(key)
        entry.bootstrap = entry.bootstrap or key in settings.admins
    return list(entries.values())


async def promote(store: Store, settings: Settings, member: Member, actor: str | None) -> str:
    """Grant admin rights to the member's first account; the key granted."""
    if member.status != "active":
        raise Invalid("privacy.admin_not_active", {"name": member.name})
    if any(e.member and e.member.id == member.id for e in await admin_entries(store, settings)):
        raise Invalid("privacy.admin_already", {"name": member.name})
    identities = await store.members.identities(member.id)
    if not identities:
        raise Invalid("privacy.member_gone", {})
    key = identities[0].key
    async with store.transaction():
        await store.members.grant_admin(key)
        await store.audit.record("admin.granted", actor, identity=key, member_id=member.id)
    return key


async def demote(store: Store, settings: Settings, target: AdminEntry, actor: str | None) -> None:
    """Withdraw the grants of a member (all their accounts) or of an unregistered account.
    Bootstrap admins are changed in the settings; the last admin stays."""
    if target.bootstrap:
        raise Invalid("privacy.admin_bootstrap", {})
    if len(await admin_entries(store, settings)) <= 1:
        raise Invalid("privacy.admin_last", {})
    keys = list(target.keys)
    if target.member is not None:
        keys += [i.key for i in await store.members.identities(target.member.id)]
    keys = list(dict.fromkeys(keys))
    async with store.transaction():
        await store.members.revoke_admin(keys)
        await store.dashboard.revoke_sessions_of(keys, utcnow())  # a stolen cookie dies too
        for key in keys:  # an admin wizard they were in must not finish without the right
            platform, _, user_id = key.partition(":")
            await store.conversations.clear(platform, user_id)
        await store.audit.record(
            "admin.revoked",
            actor,
            identities=keys,
            member_id=target.member.id if target.member else None,
        )


async def find_entry(store: Store, settings: Settings, ref: str) -> AdminEntry | None:
    for entry in await admin_entries(store, settings):
        if entry.ref == ref:
            return entry
    return None


def _label(ctx: Context, entry: AdminEntry) -> str:
    if entry.member is None:
        name = ctx.t("privacy.admin_unregistered", account=entry.keys[0])
    else:
        name = with_company(entry.member.name, entry.member.company)
    platforms = ", ".join(platform_label(ctx.lang, k.partition(":")[0]) for k in entry.keys)
    mark = " " + ctx.t("privacy.admin_bootstrap_mark") if entry.bootstrap else ""
    return f"• {name} – {platforms}{mark}"


async def admin_list(ctx: Context, notice: str | None = None, replace: bool = False) -> Outgoing:
    entries = await admin_entries(ctx.store, ctx.settings)
    lines = [_label(ctx, e) for e in entries] or [ctx.t("privacy.admins_none")]
    buttons = [
        [
            Button(
                label=ctx.t(
                    "privacy.btn_demote",
                    name=e.member.name if e.member else e.keys[0],
                ),
                action="roles.demote",
                arg=e.ref,
            )
        ]
        for e in entries
        if not e.bootstrap
    ]
    text = "\n".join(lines) + "\n\n" + ctx.t("privacy.admins_hint")
    if notice:
        text = f"{notice}\n\n{text}"
    return Outgoing(
        title=ctx.t("privacy.admins_title"), text=text, buttons=buttons, replace=replace
    )


async def candidates(ctx: Context, query: str) -> Outgoing:
    admins = {e.member.id for e in await admin_entries(ctx.store, ctx.settings) if e.member}
    found = [
        m
        for m in await find_members(ctx.store, query, CANDIDATES + len(admins))
        if m.id not in admins and m.status == "active"
    ][:CANDIDATES]
    if not found:
        return ctx.reply("privacy.member_none", query=query[:40])
    buttons = [
        [
            Button(
                label=ctx.t("privacy.btn_promote", name=with_company(m.name, m.company)),
                action="roles.promote",
                arg=member_ref(m),
            )
        ]
        for m in found
    ]
    return ctx.reply("privacy.admins_candidates", buttons=buttons)


def register(router: Router) -> None:
    @router.command(
        "admins", access=Access.ADMIN, help_key="privacy.help_admins", section=Section.PEOPLE
    )
    async def admins(ctx: Context, args: str) -> Outgoing:
        if args.strip():
            return await candidates(ctx, args.strip())
        return await admin_list(ctx)

    @router.action("roles.promote", access=Access.ADMIN)
    async def promote_button(ctx: Context, arg: str) -> Outgoing:
        member = await member_from_ref(ctx.store, arg)
        if member is None:
            return ctx.reply("privacy.member_gone")
        await promote(ctx.store, ctx.settings, member, ctx.actor)
        return await admin_list(ctx, ctx.t("privacy.admin_promoted", name=member.name))

    @router.action("roles.demote", access=Access.ADMIN)
    async def demote_button(ctx: Context, arg: str) -> Outgoing:
        entry = await find_entry(ctx.store, ctx.settings, arg)
        if entry is None:
            return await admin_list(ctx, ctx.t("privacy.admin_gone"), replace=True)
        try:
            await demote(ctx.store, ctx.settings, entry, ctx.actor)
        except Invalid as problem:
            return await admin_list(ctx, problem.reply(ctx).text, replace=True)
        name = entry.member.name if entry.member else entry.keys[0]
        return await admin_list(ctx, ctx.t("privacy.admin_demoted", name=name), replace=True)
