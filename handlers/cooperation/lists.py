"""``/gesuche`` (``/requests``): the open requests and one's own, and every button on a
request: view, interested, not for me, connect, close, still open, and (admins) remove."""

from __future__ import annotations

from bot.arguments import button_number, number, record_id
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers.cooperation import render
from handlers.cooperation.service import CooperationService
from handlers.names import find_topic
from handlers.validation import Invalid

_ALL = {"alle", "all"}
MEMBER_SCOPE, ADMIN_SCOPE = "m", "a"


def service(ctx: Context) -> CooperationService:
    return CooperationService(ctx.store, ctx.notifier, ctx.settings)


def _numbers(arg: str, count: int) -> list[int] | None:
    parts = [number(p) for p in arg.split(":")]
    if len(parts) != count or None in parts:
        return None
    return [p for p in parts if p is not None]


async def show_list(
    ctx: Context, scope: str = MEMBER_SCOPE, topic_id: int | None = None, offset: int = 0
) -> Outgoing:
    assert ctx.member is not None
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


async def requests_command(ctx: Context, args: str) -> Outgoing:
    """No argument: the list; ``alle`` (admins): every region; else a topic's name."""
    word = " ".join(args.split())
    if not word:
        return await show_list(ctx)
    if word.casefold() in _ALL and ctx.is_admin:
        return await show_list(ctx, ADMIN_SCOPE)
    topic = await find_topic(ctx.store, word)
    if topic is None or topic.archived:
        return ctx.reply("topics.unknown", topic=word[:60])
    return await show_list(ctx, topic_id=topic.id)


async def view(ctx: Context, request_id: int) -> Outgoing:
    assert ctx.member is not None
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

    @router.action("coop.list")
    async def list_button(ctx: Context, arg: str) -> Outgoing:
        scope, _, rest = arg.partition(":")
        topic, _, offset = rest.partition(":")
        start = number(offset)
        topic_id = record_id(topic) if topic else None
        if scope not in (MEMBER_SCOPE, ADMIN_SCOPE) or start is None:
            return ctx.reply("input.stale_button")
        if topic and topic_id is None:
            return ctx.reply("input.stale_button")
        return await show_list(ctx, scope, topic_id, start)

    @router.action("coop.view")
    async def view_button(ctx: Context, arg: str) -> Outgoing:
        wanted = button_number(arg, 1)  # anything else: "no longer valid", rolled back
        try:
            return await view(ctx, wanted)
        except Invalid as problem:
            return problem.reply(ctx)

    @router.action("coop.yes")
    async def interested(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        wanted = button_number(arg, 1)  # anything else: "no longer valid", rolled back
        try:
            told = await service(ctx).show_interest(wanted, ctx.member)
        except Invalid as problem:
            return problem.reply(ctx)
        return ctx.reply("cooperation.interest_sent" if told else "cooperation.interest_already")

    @router.action("coop.no")
    async def not_for_me(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        wanted = button_number(arg, 1)  # anything else: "no longer valid", rolled back
        try:
            await service(ctx).decline(wanted, ctx.member)
        except Invalid as problem:
            return problem.reply(ctx)
        return ctx.reply("cooperation.declined", replace=True)

    @router.action("coop.connect")
    async def connect(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        numbers = _numbers(arg, 2)
        if numbers is None:
            return ctx.reply("error.stale_button")
        try:
            done = await service(ctx).connect(numbers[0], ctx.member, numbers[1], ctx.actor)
        except Invalid as problem:
            return problem.reply(ctx)
        return render.introduction(
            ctx.lang,
            done.request,
            done.member,
            done.reach,
            ctx.platform,
            for_author=True,
            again=done.again,
        )

    @router.action("coop.close")
    async def close(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        request_id, _, status = arg.partition(":")
        wanted = button_number(request_id, 1)  # anything else: "no longer valid", rolled back
        try:
            request = await service(ctx).close(wanted, ctx.member, status, ctx.actor)
        except Invalid as problem:
            return problem.reply(ctx)
        return render.author_note(ctx.lang, f"cooperation.closed.{status}", request)

    @router.action("coop.still")
    async def still_open(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        wanted = button_number(arg, 1)  # anything else: "no longer valid", rolled back
        try:
            request = await service(ctx).keep_open(wanted, ctx.member)
        except Invalid as problem:
            return problem.reply(ctx)
        return ctx.reply("cooperation.still_open", until=ctx.format_date(request.expires_at))

    @router.action("coop.remove", access=Access.ADMIN)
    async def remove_ask(ctx: Context, arg: str) -> Outgoing:
        request = await ctx.store.cooperation.get(wanted) if (wanted := record_id(arg)) else None
        if request is None:
            return ctx.reply("error.stale_button")
        buttons = [
            [
                Button(
                    label=ctx.t("cooperation.btn_remove_yes"), action="coop.remove_yes", arg=arg
                ),
                Button(label=ctx.t("cooperation.btn_remove_no"), action="coop.remove_no", arg=arg),
            ]
        ]
        return ctx.reply(
            "cooperation.remove_ask", id=request.id, title=request.title, buttons=buttons
        )

    @router.action("coop.remove_yes", access=Access.ADMIN)
    async def remove(ctx: Context, arg: str) -> Outgoing:
        wanted = button_number(arg, 1)  # anything else: "no longer valid", rolled back
        try:
            request = await service(ctx).remove(wanted, ctx.actor)
        except Invalid as problem:
            return problem.reply(ctx)
        return ctx.reply("cooperation.removed", id=request.id, replace=True)

    @router.action("coop.remove_no", access=Access.ADMIN)
    async def keep(ctx: Context, arg: str) -> Outgoing:
        return ctx.reply("cooperation.remove_kept", replace=True)
