"""Working groups for members: ``/gruppen`` with join and leave, a group's view with the
notification level, join requests settled by moderators, and withdrawing updates."""

from __future__ import annotations

from bot import markup
from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.groups import buttons, render
from handlers.groups.service import GroupService
from handlers.validation import Invalid
from storage.groups import Group

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


async def _join(ctx: MemberContext, group: Group) -> Outgoing:
    outcome = await service(ctx).join(group, ctx.member)
    state = await state_for(ctx, group)
    if outcome == "requested" and not state.moderated:
        outcome = "requested_team"
    notice = ctx.t(f"groups.join_{outcome}", group=group.name)
    return render.card(ctx.lang, ctx.zone, state, notice, replace=True)


async def _decide(
    ctx: MemberContext, pressed: buttons.Approve | buttons.Decline, approve: bool
) -> Outgoing:
    """A moderator settles a join request. A refusal (settled already, group gone) replaces
    the request's message too, so that its buttons go: the one ``Invalid`` caught here."""
    try:
        group = await service(ctx).get_active(pressed.group_id)
        requester = await service(ctx).decide(
            group, pressed.member_id, approve, ctx.member.id, ctx.is_admin
        )
    except Invalid as problem:
        return problem.reply(ctx).model_copy(update={"replace": True})
    key = "groups.request_approved" if approve else "groups.request_declined"
    return ctx.reply(key, name=requester.name, group=group.name, replace=True)


def register(router: Router) -> None:
    @router.command("groups", "gruppen", help_key="groups.help_groups", order=12)
    async def groups(ctx: MemberContext, args: str) -> Outgoing | list[Outgoing]:
        if not args.strip():
            return await group_list(ctx)
        return await group_view(ctx, await service(ctx).find_active(args))

    @router.action(render.LIST)
    async def list_button(ctx: MemberContext, arg: str) -> list[Outgoing]:
        return await group_list(ctx)

    @router.action(buttons.ViewGroup)
    async def view_button(ctx: MemberContext, pressed: buttons.ViewGroup) -> Outgoing:
        return await group_view(ctx, await service(ctx).get_active(pressed.group_id))

    @router.action(buttons.JoinGroup)
    async def join_button(ctx: MemberContext, pressed: buttons.JoinGroup) -> Outgoing:
        return await _join(ctx, await service(ctx).get_active(pressed.group_id))

    @router.action(buttons.LeaveGroup)
    async def leave_button(ctx: MemberContext, pressed: buttons.LeaveGroup) -> Outgoing:
        group = await service(ctx).get_active(pressed.group_id)
        left = await service(ctx).leave(group, ctx.member.id)
        notice = ctx.t("groups.left" if left else "groups.not_member", group=group.name)
        return render.card(ctx.lang, ctx.zone, await state_for(ctx, group), notice, replace=True)

    @router.action(buttons.SetLevel)
    async def level_button(ctx: MemberContext, pressed: buttons.SetLevel) -> Outgoing:
        group = await service(ctx).get_active(pressed.group_id)
        await service(ctx).set_level(group, ctx.member.id, pressed.level)
        notice = ctx.t("groups.level_set", level=ctx.t(f"groups.level_{pressed.level}"))
        return await group_view(ctx, group, notice, replace=True)

    @router.action(buttons.Approve)
    async def approve_button(ctx: MemberContext, pressed: buttons.Approve) -> Outgoing:
        return await _decide(ctx, pressed, approve=True)

    @router.action(buttons.Decline)
    async def decline_button(ctx: MemberContext, pressed: buttons.Decline) -> Outgoing:
        return await _decide(ctx, pressed, approve=False)

    @router.action(buttons.Requests)
    async def requests_button(ctx: MemberContext, pressed: buttons.Requests) -> list[Outgoing]:
        group = await service(ctx).get_active(pressed.group_id)
        if not ctx.is_admin and not await service(ctx).is_moderator(group, ctx.member.id):
            raise Invalid("groups.moderators_only", {"group": group.name})
        waiting = []
        for requester_id in await ctx.store.groups.requests(group.id):
            requester = await ctx.store.members.get(requester_id)
            if requester is not None:
                waiting.append(render.join_request(ctx.lang, group, requester))
        return waiting or [ctx.reply("groups.no_requests", group=group.name)]

    @router.action(buttons.Withdraw, in_groups=True)
    async def withdraw_button(ctx: MemberContext, pressed: buttons.Withdraw) -> Outgoing:
        post, stopped = await service(ctx).withdraw(pressed.post_id, ctx.member.id, ctx.is_admin)
        return ctx.reply(
            "groups.withdrawn", text=render.excerpt(markup.plain(post.body), 40), stopped=stopped
        )
