"""``/rundschreiben status``: recent and scheduled broadcasts with their counts, cancelling
(with a confirmation), and the list of members a broadcast could not reach."""

from __future__ import annotations

from bot.arguments import record_id
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers.broadcast import render
from handlers.broadcast.service import BroadcastService
from handlers.validation import Invalid

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
            row.append(ctx.button("broadcast.btn_cancel_id", "bc.cancel", str(b.id), id=b.id))
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
    """Cancel by number (typed command or the confirmation button)."""
    broadcast_id = record_id(arg.lstrip("#"))
    if broadcast_id is None:
        return ctx.reply("broadcast.usage")
    try:
        broadcast, withdrawn = await _service(ctx).cancel(broadcast_id, ctx.actor)
    except Invalid as problem:
        return problem.reply(ctx)
    counts = (await ctx.store.broadcasts.counts([broadcast.id]))[broadcast.id]
    return ctx.reply(
        "broadcast.cancelled",
        id=broadcast.id,
        withdrawn=render.number(ctx.lang, withdrawn),
        sent=render.number(ctx.lang, counts.sent),
    )


async def unreachable_list(ctx: Context, arg: str) -> Outgoing:
    broadcast = await ctx.store.broadcasts.get(wanted) if (wanted := record_id(arg)) else None
    if broadcast is None:
        return ctx.reply("broadcast.unknown_id", id=arg[:20])
    people = await ctx.store.broadcasts.unreachable(broadcast.id, UNREACHABLE_SHOWN + 1)
    if not people:
        return ctx.reply("broadcast.unreachable_none", id=broadcast.id)
    lines = [
        f"• {p.name} ({p.company}, {ctx.t(f'broadcast.platform.{p.platform}')})"
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

    @router.action("bc.cancel", access=Access.ADMIN)
    async def confirm_cancel(ctx: Context, arg: str) -> Outgoing:
        broadcast = await ctx.store.broadcasts.get(wanted) if (wanted := record_id(arg)) else None
        if broadcast is None or broadcast.status not in ("scheduled", "sending"):
            return await overview(ctx, ctx.t("broadcast.not_open", id=arg[:20]), replace=True)
        buttons = [
            [
                Button(label=ctx.t("broadcast.btn_cancel_yes"), action="bc.cancel_yes", arg=arg),
                ctx.button("broadcast.btn_keep", "bc.status"),
            ]
        ]
        return ctx.reply("broadcast.cancel_confirm", id=broadcast.id, buttons=buttons)

    @router.action("bc.cancel_yes", access=Access.ADMIN)
    async def cancel(ctx: Context, arg: str) -> Outgoing:
        return await cancel_now(ctx, arg)

    @router.action("bc.unreach", access=Access.ADMIN)
    async def unreachable(ctx: Context, arg: str) -> Outgoing:
        return await unreachable_list(ctx, arg)
