"""``/rundschreiben status``: recent and scheduled broadcasts with their counts, cancelling
(with a confirmation), and the list of members a broadcast could not reach."""

from __future__ import annotations

from bot.arguments import numbered
from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.broadcast import buttons as buttons_
from handlers.broadcast import render
from handlers.broadcast.service import BroadcastService
from handlers.members.render import with_company

LISTED = 10
UNREACHABLE_SHOWN = 50


def _service(ctx: Context) -> BroadcastService:
    return BroadcastService(ctx.store, ctx.notifier, ctx.settings)


async def overview(ctx: Context, notice: str | None = None, replace: bool = False) -> Outgoing:
    svc = _service(ctx)
    found = await svc.recent(LISTED)
    if not found:
        return ctx.reply("broadcast.status_none", replace=replace)
    entries, buttons = [], []
    for item in found:
        b, counts = item.broadcast, item.counts
        label = await svc.describe(ctx.lang, b.audience)
        entries.append(render.status_entry(ctx.lang, ctx.zone, b, counts, label))
        row = []
        if b.status in ("scheduled", "sending"):
            row.append(ctx.button("broadcast.btn_cancel_id", buttons_.CancelAsk(b.id), id=b.id))
        if counts.unreachable:
            row.append(render.unreachable_button(ctx.lang, b.id, counts.unreachable))
        if row:
            buttons.append(row)
    buttons.append([ctx.button("broadcast.btn_refresh", "bc.status")])
    text = "\n\n".join(entries)
    if notice:
        text = f"{notice}\n\n{text}"
    return Outgoing(
        title=ctx.t("broadcast.status_title"), text=text, buttons=buttons, replace=replace
    )


async def cancel_now(ctx: Context, arg: str) -> Outgoing:
    """Cancel by the number typed after the command (``12``, ``#12`` or ``Nr. 12``)."""
    broadcast_id, rest = numbered(arg)
    if broadcast_id is None or rest:
        return ctx.reply("broadcast.usage")
    return await _cancel(ctx, broadcast_id)


async def _cancel(ctx: Context, broadcast_id: int) -> Outgoing:
    broadcast, withdrawn = await _service(ctx).cancel(broadcast_id, ctx.actor)
    counts = (await ctx.store.broadcasts.counts([broadcast.id]))[broadcast.id]
    return ctx.reply(
        "broadcast.cancelled",
        id=broadcast.id,
        withdrawn=render.number(ctx.lang, withdrawn),
        sent=render.number(ctx.lang, counts.sent),
    )


async def unreachable_list(ctx: Context, broadcast_id: int) -> Outgoing:
    broadcast = await ctx.store.broadcasts.get(broadcast_id)
    if broadcast is None:
        return ctx.reply("broadcast.unknown_id", id=broadcast_id)
    people = await ctx.store.broadcasts.unreachable(broadcast.id, UNREACHABLE_SHOWN + 1)
    if not people:
        return ctx.reply("broadcast.unreachable_none", id=broadcast.id)
    lines = [
        "• " + with_company(p.name, p.company, ctx.t(f"broadcast.platform.{p.platform}"))
        for p in people[:UNREACHABLE_SHOWN]
    ]
    if len(people) > UNREACHABLE_SHOWN:
        total = (await ctx.store.broadcasts.counts([broadcast.id]))[broadcast.id].unreachable
        lines.append(ctx.t("broadcast.unreachable_more", count=total - UNREACHABLE_SHOWN))
    return Outgoing(
        title=ctx.t("broadcast.unreachable_title", id=broadcast.id),
        text="\n".join(lines) + "\n\n" + ctx.t("broadcast.unreachable_hint"),
    )


def register(router: Router) -> None:
    @router.action("bc.status", access=Access.ADMIN)
    async def refresh(ctx: Context, arg: str) -> Outgoing:
        return await overview(ctx, replace=True)

    @router.action(buttons_.CancelAsk, access=Access.ADMIN)
    async def confirm_cancel(ctx: Context, pressed: buttons_.CancelAsk) -> Outgoing:
        wanted = pressed.broadcast_id
        broadcast = await ctx.store.broadcasts.get(wanted)
        if broadcast is None or broadcast.status not in ("scheduled", "sending"):
            return await overview(ctx, ctx.t("broadcast.not_open", id=wanted), replace=True)
        answers = [
            [
                ctx.button("broadcast.btn_cancel_yes", buttons_.CancelYes(broadcast.id)),
                ctx.button("broadcast.btn_keep", "bc.status"),
            ]
        ]
        return ctx.reply("broadcast.cancel_confirm", id=broadcast.id, buttons=answers)

    @router.action(buttons_.CancelYes, access=Access.ADMIN)
    async def cancel(ctx: Context, pressed: buttons_.CancelYes) -> Outgoing:
        return await _cancel(ctx, pressed.broadcast_id)

    @router.action(buttons_.Unreachable, access=Access.ADMIN)
    async def unreachable(ctx: Context, pressed: buttons_.Unreachable) -> Outgoing:
        return await unreachable_list(ctx, pressed.broadcast_id)
