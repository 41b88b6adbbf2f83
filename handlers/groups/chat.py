"""Working groups for members: ``/gruppen`` with join and leave, a group's view with the
notification level, join requests settled by moderators, and withdrawing updates."""

from __future__ import annotations

from bot import markup
from bot.arguments import record_id
from bot.context import Context
from bot.models import Outgoing
from bot.router import Router
from handlers.groups import render
from handlers.groups.service import GroupService
from handlers.validation import Invalid
from storage.groups import LEVELS, Group

MAX_LISTED = 30


def service(ctx: Context) -> GroupService:
    return GroupService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


async def state_for(
    ctx: Context, group: Group, full: bool = False, counts: dict[int, int] | None = None
) -> render.GroupState:
    """What the sender may see and do in a group; ``full`` adds what the view needs."""
    store, member = ctx.store, ctx.member
    member_id = member.id if member else None
    if counts is None:
        counts = await store.groups.member_counts()
    state = render.GroupState(
        group=group,
        member_count=counts.get(group.id, 0),
        posts=await store.groups.recent_posts(group.id, 3),
        admin=ctx.is_admin,
    )
    if member_id is not None:
        state.membership = await store.groups.membership(group.id, member_id)
        state.requested = group.id in await store.groups.requested_ids(member_id)
        if state.requested:  # who decides: the moderators, else the network team
            state.moderated = bool(await store.groups.moderator_ids(group.id))
    if not full:
        return state
    members = await store.groups.members(group.id)
    state.moderators = [m.name for m in members if m.role == "moderator"]
    moderating = ctx.is_admin or (state.membership is not None and state.membership.moderator)
    if moderating:
        state.open_requests = len(await store.groups.requests(group.id))
        state.withdrawable = {p.id for p in state.posts}
    elif member_id is not None:
        state.withdrawable = {p.id for p in state.posts if p.author_id == member_id}
    return state


async def group_view(
    ctx: Context, group: Group, notice: str | None = None, replace: bool = False
) -> Outgoing:
    state = await state_for(ctx, group, full=True)
    return render.view(ctx.lang, ctx.zone, state, notice, replace)


async def group_list(ctx: Context) -> list[Outgoing]:
    groups = (await ctx.store.groups.list())[:MAX_LISTED]
    if not groups:
        return [ctx.reply("groups.none")]
    header = Outgoing(title=ctx.t("groups.title"), text=ctx.t("groups.intro"))
    counts = await ctx.store.groups.member_counts()
    cards = [
        render.card(ctx.lang, ctx.zone, await state_for(ctx, g, counts=counts)) for g in groups
    ]
    return [header, *cards]


async def _group_from(ctx: Context, arg: str) -> Group:
    group_id = record_id(arg.partition(":")[0])
    if group_id is None:
        raise Invalid("groups.gone", {})
    return await service(ctx).get_active(group_id)


def _member_arg(arg: str) -> int | None:
    _, _, member_id = arg.partition(":")
    return record_id(member_id)


async def _join(ctx: Context, group: Group) -> Outgoing:
    assert ctx.member is not None
    outcome = await service(ctx).join(group, ctx.member)
    state = await state_for(ctx, group)
    if outcome == "requested" and not state.moderated:
        outcome = "requested_team"
    notice = ctx.t(f"groups.join_{outcome}", group=group.name)
    return render.card(ctx.lang, ctx.zone, state, notice, replace=True)


async def _decide(ctx: Context, arg: str, approve: bool) -> Outgoing:
    requester_id = _member_arg(arg)
    try:
        group = await _group_from(ctx, arg)
        if requester_id is None:
            raise Invalid("groups.request_settled", {})
        requester = await service(ctx).decide(
            group, requester_id, approve, ctx.member.id if ctx.member else None, ctx.is_admin
        )
    except Invalid as problem:
        return problem.reply(ctx).model_copy(update={"replace": True})
    key = "groups.request_approved" if approve else "groups.request_declined"
    return ctx.reply(key, name=requester.name, group=group.name, replace=True)


def register(router: Router) -> None:
    @router.command("groups", "gruppen", help_key="groups.help_groups", order=12)
    async def groups(ctx: Context, args: str) -> Outgoing | list[Outgoing]:
        if not args.strip():
            return await group_list(ctx)
        try:
            group = await service(ctx).find_active(args)
        except Invalid as problem:
            return problem.reply(ctx)
        return await group_view(ctx, group)

    @router.action(render.LIST)
    async def list_button(ctx: Context, arg: str) -> list[Outgoing]:
        return await group_list(ctx)

    @router.action(render.VIEW)
    async def view_button(ctx: Context, arg: str) -> Outgoing:
        try:
            group = await _group_from(ctx, arg)
        except Invalid as problem:
            return problem.reply(ctx)
        return await group_view(ctx, group)

    @router.action(render.JOIN)
    async def join_button(ctx: Context, arg: str) -> Outgoing:
        try:
            group = await _group_from(ctx, arg)
        except Invalid as problem:
            return problem.reply(ctx)
        return await _join(ctx, group)

    @router.action(render.LEAVE)
    async def leave_button(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        try:
            group = await _group_from(ctx, arg)
        except Invalid as problem:
            return problem.reply(ctx)
        left = await service(ctx).leave(group, ctx.member.id)
        notice = ctx.t("groups.left" if left else "groups.not_member", group=group.name)
        return render.card(ctx.lang, ctx.zone, await state_for(ctx, group), notice, replace=True)

    @router.action(render.LEVEL)
    async def level_button(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        level = arg.partition(":")[2]
        try:
            group = await _group_from(ctx, arg)
            if level not in LEVELS:
                raise Invalid("groups.bad_level", {})
            await service(ctx).set_level(group, ctx.member.id, level)
        except Invalid as problem:
            return problem.reply(ctx)
        notice = ctx.t("groups.level_set", level=ctx.t(f"groups.level_{level}"))
        return await group_view(ctx, group, notice, replace=True)

    @router.action(render.APPROVE)
    async def approve_button(ctx: Context, arg: str) -> Outgoing:
        return await _decide(ctx, arg, approve=True)

    @router.action(render.DECLINE)
    async def decline_button(ctx: Context, arg: str) -> Outgoing:
        return await _decide(ctx, arg, approve=False)

    @router.action(render.REQUESTS)
    async def requests_button(ctx: Context, arg: str) -> list[Outgoing]:
        try:
            group = await _group_from(ctx, arg)
            member_id = ctx.member.id if ctx.member else None
            if not ctx.is_admin and not await service(ctx).is_moderator(group, member_id):
                raise Invalid("groups.moderators_only", {"group": group.name})
        except Invalid as problem:
            return [problem.reply(ctx)]
        waiting = []
        for requester_id in await ctx.store.groups.requests(group.id):
            requester = await ctx.store.members.get(requester_id)
            if requester is not None:
                waiting.append(render.join_request(ctx.lang, group, requester))
        return waiting or [ctx.reply("groups.no_requests", group=group.name)]

    @router.action(render.WITHDRAW, in_groups=True)
    async def withdraw_button(ctx: Context, arg: str) -> Outgoing:
        post_id = record_id(arg)
        if post_id is None:
            return ctx.reply("groups.post_gone")
        try:
            post, stopped = await service(ctx).withdraw(
                post_id, ctx.member.id if ctx.member else None, ctx.is_admin
            )
        except Invalid as problem:
            return problem.reply(ctx)
        return ctx.reply(
            "groups.withdrawn", text=render.excerpt(markup.plain(post.body), 40), stopped=stopped
        )
