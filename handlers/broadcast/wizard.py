"""The ``/rundschreiben`` (``/broadcast``) wizard: audience, text, preview, send or schedule.

Admins only, in a private chat (the router refuses groups and members). The audience is
everyone, a topic, a region, both, or a working group (offered while an active one exists).
The preview is the message exactly as members get it, then the exact number of recipients
per platform with the buttons: send now, schedule, edit, cancel. Sending confirms the
previewed number: if the audience changed meanwhile the admin sees the new number and
confirms again.
"""

from __future__ import annotations

from typing import Any

from bot.arguments import number, record_id
from bot.calendar.parse import BadTime, parse_local
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router, Section
from handlers import validation
from handlers.broadcast import markup, render, status
from handlers.broadcast.service import (
    MAX_TEXT,
    BroadcastService,
    CountChanged,
    Preview,
    Sender,
)
from handlers.members.render import region_label
from handlers.names import find_topic
from handlers.validation import Invalid
from storage.broadcasts import Audience

FLOW = "broadcast"
KINDS = ("all", "topic", "region", "group", "both")
_STATUS = {"status", "stand", "liste", "list"}
_CANCEL = {"cancel", "abbrechen", "stopp", "stop"}
_SEND = {"senden", "send", "jetzt", "now", "ja", "yes"}


def service(ctx: Context) -> BroadcastService:
    return BroadcastService(ctx.store, ctx.notifier, ctx.settings)


def sender(ctx: Context) -> Sender:
    return Sender(
        actor=ctx.actor,
        language=ctx.lang,
        member_id=ctx.member.id if ctx.member else None,
        chat=(ctx.platform, ctx.incoming.chat_id),
    )


def _data(ctx: Context) -> dict[str, Any]:
    return dict(ctx.conversation.data) if ctx.conversation else {}


def _audience(data: dict[str, Any]) -> Audience:
    return Audience(
        topic_id=data.get("topic_id"), region=data.get("region"), group_id=data.get("group_id")
    )


async def _kinds(ctx: Context) -> list[str]:
    """The audience kinds to offer: a working group only while an active one exists."""
    has_groups = bool(await service(ctx).groups())
    return [kind for kind in KINDS if kind != "group" or has_groups]


def _in_step(ctx: Context, *steps: str) -> bool:
    c = ctx.conversation
    return c is not None and c.flow == FLOW and c.step in steps


async def _go(ctx: Context, step: str, **values: Any) -> list[Outgoing]:
    await ctx.set_conversation(FLOW, step, {**_data(ctx), **values})
    return await prompt(ctx, step)


async def prompt(ctx: Context, step: str) -> list[Outgoing]:
    """The question of a step, with its buttons."""
    data = _data(ctx)
    if step == "audience":
        kinds = await _kinds(ctx)
        rows = [[ctx.button(f"broadcast.kind.{kind}", "bc.kind", kind)] for kind in kinds]
        return [ctx.reply("broadcast.ask_audience", buttons=rows)]
    if step == "topic":
        topics = await ctx.store.topics.list()
        if not topics:
            await ctx.set_conversation(FLOW, "audience", data)
            return [ctx.reply("broadcast.no_topics"), *await prompt(ctx, "audience")]
        rows = [[Button(label=t.name, action="bc.topic", arg=str(t.id))] for t in topics]
        return [ctx.reply("broadcast.ask_topic", buttons=rows)]
    if step == "group":
        groups = await service(ctx).groups()
        if not groups:
            await ctx.set_conversation(FLOW, "audience", data)
            return [ctx.reply("broadcast.no_groups"), *await prompt(ctx, "audience")]
        rows = [[Button(label=g.name, action="bc.group", arg=str(g.id))] for g in groups]
        return [ctx.reply("broadcast.ask_group", buttons=rows)]
    if step == "region":
        rows = [
            [Button(label=region_label(ctx.lang, name), action="bc.region", arg=str(index))]
            for index, name in enumerate(data.get("regions", []))
        ]
        return [ctx.reply("broadcast.ask_region", buttons=rows)]
    if step == "text":
        label = await service(ctx).describe(ctx.lang, _audience(data))
        limit = render.number(ctx.lang, MAX_TEXT)
        return [ctx.reply("broadcast.ask_text", audience=label, max=limit)]
    if step == "when":
        back = [[ctx.button("broadcast.btn_back", "bc.go", "back")]]
        return [ctx.reply("broadcast.ask_when", zone=str(ctx.zone), buttons=back)]
    return await _preview(ctx)


async def _preview(ctx: Context, notice: str | None = None) -> list[Outgoing]:
    """The message as members will see it, then the count and the choices."""
    data = _data(ctx)
    svc = service(ctx)
    audience = _audience(data)
    found = await svc.preview(audience)
    await ctx.set_conversation(FLOW, "preview", {**data, "count": found.total})
    as_members_see_it = svc.message_for(data["text"])(ctx.lang)
    return [as_members_see_it, await _count_message(ctx, audience, found, data["text"], notice)]


async def _count_message(
    ctx: Context, audience: Audience, found: Preview, text: str, notice: str | None
) -> Outgoing:
    label = await service(ctx).describe(ctx.lang, audience)
    lines = [notice] if notice else []
    if found.total:
        lines.append(
            ctx.t(
                "broadcast.preview_count",
                count=render.number(ctx.lang, found.total),
                audience=label,
                platforms=render.platform_counts(ctx.lang, found.by_platform),
            )
        )
    else:
        lines.append(ctx.t("broadcast.preview_nobody", audience=label))
    literal = markup.literal_markers(text)
    if literal:
        lines.append(ctx.t("broadcast.literal_hint", markers=" ".join(literal)))
    buttons = [
        [
            ctx.button("broadcast.btn_send", "bc.go", "now"),
            ctx.button("broadcast.btn_schedule", "bc.go", "schedule"),
        ],
        [
            ctx.button("broadcast.btn_edit", "bc.go", "edit"),
            ctx.button("broadcast.btn_cancel", "bc.go", "cancel"),
        ],
    ]
    return Outgoing(text="\n\n".join(lines), buttons=buttons)


async def _send_now(ctx: Context) -> list[Outgoing]:
    data = _data(ctx)
    try:
        broadcast, queued = await service(ctx).send_now(
            _audience(data), data["text"], sender(ctx), expected=data.get("count")
        )
    except CountChanged as changed:
        notice = ctx.t(
            "broadcast.count_changed", count=render.number(ctx.lang, changed.preview.total)
        )
        return await _preview(ctx, notice)
    except Invalid as problem:
        return [problem.reply(ctx), *await _preview(ctx)]
    await ctx.end_conversation()
    return [
        ctx.reply(
            "broadcast.sending",
            id=broadcast.id,
            count=render.number(ctx.lang, queued),
            buttons=[[ctx.button("broadcast.btn_status", "bc.status")]],
        )
    ]


async def _schedule(ctx: Context, value: str) -> list[Outgoing]:
    data = _data(ctx)
    try:
        when = parse_local(value, ctx.zone)
        broadcast, found = await service(ctx).schedule(
            _audience(data), data["text"], sender(ctx), when
        )
    except BadTime:
        return [ctx.reply("broadcast.bad_time", value=value[:40]), *await prompt(ctx, "when")]
    except Invalid as problem:
        return [problem.reply(ctx), *await prompt(ctx, "when")]
    await ctx.end_conversation()
    return [
        ctx.reply(
            "broadcast.scheduled",
            id=broadcast.id,
            when=ctx.format_datetime(broadcast.send_at),
            count=found.total,
            buttons=[[ctx.button("broadcast.btn_status", "bc.status")]],
        )
    ]


async def _choose_kind(ctx: Context, kind: str) -> list[Outgoing]:
    fresh = {"kind": kind, "topic_id": None, "region": None, "group_id": None}
    if kind in ("topic", "both"):
        return await _go(ctx, "topic", **fresh)
    if kind == "group":
        return await _go(ctx, "group", **fresh)
    if kind == "region":
        return await _go(ctx, "region", **fresh, regions=await service(ctx).regions())
    return await _go(ctx, "text", **fresh)


async def _choose_topic(ctx: Context, topic_id: int) -> list[Outgoing]:
    if _data(ctx).get("kind") == "both":
        return await _go(ctx, "region", topic_id=topic_id, regions=await service(ctx).regions())
    return await _go(ctx, "text", topic_id=topic_id)


async def answer(ctx: Context, text: str) -> list[Outgoing]:
    """Typed answers at each step; a bad one gets a clear message and the step repeats."""
    assert ctx.conversation is not None
    step, value = ctx.conversation.step, text.strip()
    data = _data(ctx)
    if step == "audience":
        kinds = await _kinds(ctx)
        labels = [ctx.t(f"broadcast.kind.{kind}") for kind in kinds]
        choice = validation.match_choice(value, labels)
        if choice is None:
            return await prompt(ctx, step)
        return await _choose_kind(ctx, kinds[labels.index(choice)])
    if step == "topic":
        try:
            topic = await find_topic(ctx.store, value)
        except Invalid as problem:
            return [problem.reply(ctx), *await prompt(ctx, step)]
        if topic is None or topic.archived:
            return [ctx.reply("topics.unknown", topic=value[:60]), *await prompt(ctx, step)]
        return await _choose_topic(ctx, topic.id)
    if step == "group":
        try:
            group = await service(ctx).group(value)
        except Invalid as problem:
            return [problem.reply(ctx), *await prompt(ctx, step)]
        return await _go(ctx, "text", group_id=group.id)
    if step == "region":
        region = validation.match_choice(value, list(data.get("regions", [])))
        if region is None:
            return [ctx.reply("broadcast.bad_region", region=value[:60]), *await prompt(ctx, step)]
        return await _go(ctx, "text", region=region)
    if step == "text":
        try:
            checked = BroadcastService.check_text(text)
        except Invalid as problem:
            return [problem.reply(ctx), *await prompt(ctx, step)]
        await ctx.set_conversation(FLOW, "preview", {**data, "text": checked})
        return await _preview(ctx)
    if step == "when":
        return await _schedule(ctx, value)
    if value.casefold() in _SEND:
        return await _send_now(ctx)
    return await _preview(ctx)


async def start(ctx: Context, args: str) -> list[Outgoing]:
    """``/rundschreiben`` starts the wizard; ``status`` and ``abbrechen NR`` as sub-commands."""
    word, _, rest = args.strip().partition(" ")
    if word.casefold() in _STATUS:
        return [await status.overview(ctx)]
    if word.casefold() in _CANCEL and rest.strip():
        return [await status.cancel_now(ctx, rest.strip())]
    if word:
        return [ctx.reply("broadcast.usage")]
    await ctx.set_conversation(FLOW, "audience", {})
    return [ctx.reply("broadcast.intro"), *await prompt(ctx, "audience")]


def register(router: Router) -> None:
    router.command(
        "broadcast",
        "rundschreiben",
        access=Access.ADMIN,
        help_key="broadcast.help",
        order=70,
        section=Section.PEOPLE,
    )(start)
    router.flow(FLOW)(answer)

    @router.action("bc.kind", access=Access.ADMIN)
    async def kind_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "audience") or arg not in KINDS:
            return [ctx.reply("broadcast.wizard_stale")]
        return await _choose_kind(ctx, arg)

    @router.action("bc.topic", access=Access.ADMIN)
    async def topic_button(ctx: Context, arg: str) -> list[Outgoing]:
        topic = await ctx.store.topics.get(topic_id) if (topic_id := record_id(arg)) else None
        if not _in_step(ctx, "topic") or topic is None or topic.archived:
            return [ctx.reply("broadcast.wizard_stale")]
        return await _choose_topic(ctx, topic.id)

    @router.action("bc.group", access=Access.ADMIN)
    async def group_button(ctx: Context, arg: str) -> list[Outgoing]:
        group = await ctx.store.groups.get(group_id) if (group_id := record_id(arg)) else None
        if not _in_step(ctx, "group") or group is None:
            return [ctx.reply("broadcast.wizard_stale")]
        if not group.active:  # archived since the buttons were shown
            reply = ctx.reply("broadcast.group_archived", group=group.name)
            return [reply, *await prompt(ctx, "group")]
        return await _go(ctx, "text", group_id=group.id)

    @router.action("bc.region", access=Access.ADMIN)
    async def region_button(ctx: Context, arg: str) -> list[Outgoing]:
        regions = _data(ctx).get("regions", [])
        index = number(arg, 0, len(regions) - 1)
        if not _in_step(ctx, "region") or index is None:
            return [ctx.reply("broadcast.wizard_stale")]
        return await _go(ctx, "text", region=regions[index])

    @router.action("bc.go", access=Access.ADMIN)
    async def preview_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "preview", "when"):
            return [ctx.reply("broadcast.wizard_stale")]
        if arg == "now":
            return await _send_now(ctx)
        if arg == "schedule":
            return await _go(ctx, "when")
        if arg == "edit":
            return await _go(ctx, "text")
        if arg == "back":
            return await _preview(ctx)
        await ctx.end_conversation()
        return [ctx.reply("cancel.done")]
