"""``/gesuche`` (``/requests``): the open requests and one's own, and every button on a
request: view, interested, not for me, connect, close, still open, and (admins) remove."""

from __future__ import annotations

from typing import Final

from bot.context import Context, MemberContext
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.cooperation import buttons, render
from handlers.cooperation.service import CooperationService
from handlers.names import find_topic, require_topic

_ALL = {"alle", "all"}
MEMBER_SCOPE: Final = "m"
ADMIN_SCOPE: Final = "a"


def service(ctx: Context) -> CooperationService:
    return CooperationService(ctx.store, ctx.notifier, ctx.settings)


async def show_list(
    ctx: MemberContext,
    scope: buttons.Scope = MEMBER_SCOPE,
    topic_id: int | None = None,
    offset: int = 0,
) -> Outgoing:
    everything = scope == ADMIN_SCOPE and ctx.is_admin
    scope = ADMIN_SCOPE if everything else MEMBER_SCOPE
    found = await service(ctx).listing(
        ctx.member, everything=everything, topic_id=topic_id, offset=offset
    )
    topic = await ctx.store.topics.get(topic_id) if topic_id is not None else None
    if topic is not None:
        heading = ctx.t("cooperation.list_open_topic", topic=topic.name, total=found.total)
    elif everything:
        heading = ctx.t("cooperation.list_open_all", total=found.total)
    else:
        heading = ctx.t("cooperation.list_open", total=found.total)
    return render.list_page(
        ctx.lang,
        ctx.zone,
        own=found.own,
        others=found.others,
        total=found.total,
        heading=heading,
        topics=found.topics,
        state=(scope, topic_id),
        offset=found.offset,
        more=found.more,
    )


async def requests_command(ctx: MemberContext, args: str) -> Outgoing:
    """No argument: the list; ``alle`` (admins): every region; else a topic's name."""
    word = " ".join(args.split())
    if not word:
        return await show_list(ctx)
    if word.casefold() in _ALL and ctx.is_admin:
        return await show_list(ctx, ADMIN_SCOPE)
    topic = await find_topic(ctx.store, word)
    if (topic is None or topic.archived) and word.casefold() in _ALL:
        return ctx.reply("cooperation.all_for_team")  # not a topic: the team's list
    topic = await require_topic(ctx.store, word)
    return await show_list(ctx, topic_id=topic.id)


async def view(ctx: MemberContext, request_id: int) -> Outgoing:
    svc = service(ctx)
    request = await svc.visible_request(request_id, ctx.member, ctx.is_admin)
    if request.author_id == ctx.member.id:
        interested = await svc.interested(request.id)
        return render.author_card(ctx.lang, ctx.zone, request, interested)
    response = await ctx.store.cooperation.response(request.id, ctx.member.id)
    return render.member_card(ctx.lang, ctx.zone, request, response, ctx.is_admin)


def register(router: Router) -> None:
    router.command("requests", "gesuche", help_key="cooperation.help_requests", order=27)(
        requests_command
    )

    @router.action(buttons.ListPage)
    async def list_button(ctx: MemberContext, page: buttons.ListPage) -> Outgoing:
        return await show_list(ctx, page.scope, page.topic_id, page.offset)

    @router.action(buttons.ViewRequest)
    async def view_button(ctx: MemberContext, pressed: buttons.ViewRequest) -> Outgoing:
        return await view(ctx, pressed.request_id)

    @router.action(buttons.Interested)
    async def interested(ctx: MemberContext, pressed: buttons.Interested) -> Outgoing:
        told = await service(ctx).show_interest(pressed.request_id, ctx.member)
        return ctx.reply("cooperation.interest_sent" if told else "cooperation.interest_already")

    @router.action(buttons.NotForMe)
    async def not_for_me(ctx: MemberContext, pressed: buttons.NotForMe) -> Outgoing:
        await service(ctx).decline(pressed.request_id, ctx.member)
        return ctx.reply("cooperation.declined", replace=True)

    @router.action(buttons.Connect)
    async def connect(ctx: MemberContext, pressed: buttons.Connect) -> Outgoing:
        done = await service(ctx).connect(
            pressed.request_id, ctx.member, pressed.member_id, ctx.actor
        )
        return render.introduction(
            ctx.lang,
            done.request,
            done.member,
            done.reach,
            ctx.platform,
            for_author=True,
            again=done.again,
        )

    @router.action(buttons.Close)
    async def close(ctx: MemberContext, pressed: buttons.Close) -> Outgoing:
        request = await service(ctx).close(
            pressed.request_id, ctx.member, pressed.status, ctx.actor
        )
        return render.author_note(ctx.lang, f"cooperation.closed.{pressed.status}", request)

    @router.action(buttons.StillOpen)
    async def still_open(ctx: MemberContext, pressed: buttons.StillOpen) -> Outgoing:
        request = await service(ctx).keep_open(pressed.request_id, ctx.member)
        return ctx.reply("cooperation.still_open", until=ctx.format_date(request.expires_at))

    @router.action(buttons.RemoveAsk, access=Access.ADMIN)
    async def remove_ask(ctx: Context, pressed: buttons.RemoveAsk) -> Outgoing:
        request = await ctx.store.cooperation.get(pressed.request_id)
        if request is None:
            return ctx.reply("error.stale_button")
        answers = [
            [
                ctx.button("cooperation.btn_remove_yes", buttons.RemoveYes(request.id)),
                ctx.button("cooperation.btn_remove_no", "coop.remove_no"),
            ]
        ]
        return ctx.reply(
            "cooperation.remove_ask", id=request.id, title=request.title, buttons=answers
        )

    @router.action(buttons.RemoveYes, access=Access.ADMIN)
    async def remove(ctx: Context, pressed: buttons.RemoveYes) -> Outgoing:
        request = await service(ctx).remove(pressed.request_id, ctx.actor)
        return ctx.reply("cooperation.removed", id=request.id, replace=True)

    @router.action("coop.remove_no", access=Access.ADMIN)
    async def keep(ctx: Context, arg: str) -> Outgoing:
        return ctx.reply("cooperation.remove_kept", replace=True)
