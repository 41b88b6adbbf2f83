"""Working-group administration in chat: create, archive, and name moderators (by command
or with buttons). The rules and the audit log are in :class:`GroupService`, like the CLI's."""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.groups import buttons, render
from handlers.groups.chat import service
from storage.groups import Group


async def _picker(ctx: Context, group: Group, notice: str | None = None) -> Outgoing:
    members = await ctx.store.groups.members(group.id)
    return render.moderator_picker(ctx.lang, group, members, notice)


def register(router: Router) -> None:
    @router.command("newgroup", "neuegruppe", access=Access.ADMIN, help_key="groups.help_new")
    async def new_group(ctx: Context, args: str) -> Outgoing:
        parts = [part.strip() for part in args.split("|")]
        if not parts[0] or len(parts) > 4:
            return ctx.reply("groups.new_usage")
        name, description, policy, topic = parts + [""] * (4 - len(parts))
        group = await service(ctx).create(name, description, policy or "open", topic or None)
        policy_text = ctx.t(f"groups.policy_{group.join_policy}")
        return ctx.reply("groups.created", group=group.name, policy=policy_text)

    @router.command(
        "archivegroup", "gruppearchivieren", access=Access.ADMIN, help_key="groups.help_archive"
    )
    async def archive_group(ctx: Context, args: str) -> Outgoing:
        if not args.strip():
            return ctx.reply("groups.archive_usage")
        group, withdrawn = await service(ctx).archive(args)
        return ctx.reply("groups.archived", group=group.name, withdrawn=withdrawn)

    @router.command("moderator", access=Access.ADMIN, help_key="groups.help_moderator")
    async def moderator(ctx: Context, args: str) -> Outgoing:
        name, at, who = args.partition("@")
        if not name.strip() or not at or not who.strip():
            return ctx.reply("groups.moderator_usage")
        groups = service(ctx)
        group = await groups.find_active(name)
        member = await groups.member_by_handle(at + who)
        changed = await groups.set_moderator(group, member.id)
        key = "groups.moderator_named" if changed else "groups.moderator_already"
        return ctx.reply(key, name=member.name, group=group.name)

    @router.action(buttons.Moderators, access=Access.ADMIN)
    async def moderators(ctx: Context, pressed: buttons.Moderators) -> Outgoing:
        return await _picker(ctx, await service(ctx).get_active(pressed.group_id))

    @router.action(buttons.ToggleModerator, access=Access.ADMIN)
    async def toggle(ctx: Context, pressed: buttons.ToggleModerator) -> Outgoing:
        groups = service(ctx)
        group = await groups.get_active(pressed.group_id)
        membership = await ctx.store.groups.membership(group.id, pressed.member_id)
        if membership is None:
            return await _picker(ctx, group, ctx.t("groups.not_member_any"))
        make = not membership.moderator
        await groups.set_moderator(group, membership.member_id, make)
        member = await ctx.store.members.get(membership.member_id)
        key = "groups.moderator_named" if make else "groups.moderator_removed"
        name = member.name if member else "?"
        return await _picker(ctx, group, ctx.t(key, name=name, group=group.name))
