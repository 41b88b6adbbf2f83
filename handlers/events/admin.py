"""The ``/neuertermin`` wizard. Creation goes through :class:`EventService` like the CLI,
and each answer is read by the same checks as the CLI's (:mod:`handlers.events.inputs`).
Cancelling and the attendee list are in :mod:`handlers.events.cancelling`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.arguments import StaleArgument, button_number, record_id
from bot.calendar.recurrence import (
    HORIZON,
    nth_weekday_rule,
    weekly_rule,
)
from bot.calendar.recurrence import occurrences as expand
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers import validation
from handlers.events.chat import service
from handlers.events.inputs import (
    SKIP_WORDS,
    read_capacity,
    read_end,
    read_format,
    read_rule,
    read_start,
)
from handlers.events.listing import card
from handlers.events.rule_text import describe_rule
from handlers.events.service import MAX_LOCATION, MAX_TITLE, validate
from handlers.names import find_topic, pick
from handlers.validation import Invalid
from storage.db import utcnow
from storage.events import FORMATS, EventFields

FLOW = "newevent"
_DONE = {"weiter", "fertig", "done", "next", "ok"}
_PRESETS = ("none", "monthly", "biweekly", "weekly")


def _start(ctx: Context) -> datetime:
    assert ctx.conversation is not None
    return datetime.fromisoformat(ctx.conversation.data["start"])


async def prompt(ctx: Context, step: str) -> Outgoing:
    """The question for a step of the wizard, with its buttons."""
    data = ctx.conversation.data if ctx.conversation else {}
    if step == "start":
        return ctx.reply("events.ask_start", zone=ctx.settings.timezone)
    if step == "topics":
        chosen = set(data.get("topic_ids", []))
        rows = [
            [
                Button(
                    label=("✅ " if topic.id in chosen else "▫️ ") + topic.name,
                    action="ev.wt",
                    arg=str(topic.id),
                )
            ]
            for topic in await ctx.store.topics.list()
        ]
        rows.append([ctx.button("events.btn_next", "ev.wt", "done")])
        return ctx.reply("events.ask_topics", buttons=rows)
    if step == "group":
        rows = [
            [Button(label=group.name, action="ev.wg", arg=str(group.id))]
            for group in await ctx.store.groups.list()
        ]
        rows.append([ctx.button("groups.event_no_group", "ev.wg", "none")])
        return ctx.reply("groups.event_ask_group", buttons=rows)
    if step == "format":
        buttons = [ctx.button(f"events.format.{f}", "ev.wf", f) for f in FORMATS]
        return ctx.reply("events.ask_format", buttons=[buttons[:3], buttons[3:]])
    if step == "rrule":
        local = _start(ctx).astimezone(ctx.settings.zone)
        rows = [
            [
                Button(
                    label=describe_rule(ctx.lang, _preset_rule(ctx, p), local),
                    action="ev.wr",
                    arg=p,
                )
            ]
            for p in _PRESETS
        ]
        return ctx.reply("events.ask_rrule", buttons=rows)
    if step == "confirm":
        return await _summary(ctx)
    return ctx.reply(f"events.ask_{step}")


def _preset_rule(ctx: Context, preset: str) -> str | None:
    local = _start(ctx).astimezone(ctx.settings.zone)
    if preset == "monthly":
        return nth_weekday_rule(local)
    if preset == "biweekly":
        return weekly_rule(local, 2)
    if preset == "weekly":
        return weekly_rule(local)
    return None


def fields_from(ctx: Context, data: dict[str, Any]) -> EventFields:
    return EventFields(
        title=data["title"],
        start=datetime.fromisoformat(data["start"]),
        end=datetime.fromisoformat(data["end"]),
        timezone=ctx.settings.timezone,
        location=data.get("location", ""),
        url=data.get("url"),
        format=data.get("format", "meetup"),
        capacity=data.get("capacity"),
        rrule=data.get("rrule"),
        organiser=ctx.member.name if ctx.member else None,
        topic_ids=list(data.get("topic_ids", [])),
        group_id=data.get("group_id"),
    )


async def _summary(ctx: Context) -> Outgoing:
    assert ctx.conversation is not None
    data = ctx.conversation.data
    fields = fields_from(ctx, data)
    topics = [t.name for t in await ctx.store.topics.list() if t.id in fields.topic_ids]
    text = ctx.t(
        "events.summary",
        title=fields.title,
        start=ctx.format_datetime(fields.start),
        end=ctx.format_datetime(fields.end),
        where=fields.location or fields.url or "–",
        topics=", ".join(topics) or "–",
        format=ctx.t(f"events.format.{fields.format}"),
        capacity=fields.capacity or ctx.t("events.unlimited"),
        rule=describe_rule(ctx.lang, fields.rrule, fields.start.astimezone(ctx.settings.zone)),
    )
    group = await ctx.store.groups.get(fields.group_id) if fields.group_id else None
    if group is not None:
        text += "\n" + ctx.t("groups.event_group", group=group.name)
    buttons = [
        [
            ctx.button("events.btn_create", "ev.wc", "yes"),
            ctx.button("events.btn_discard", "ev.wc", "no"),
        ]
    ]
    return Outgoing(text=text, buttons=buttons)


async def _advance(ctx: Context, step: str, **values: object) -> Outgoing:
    assert ctx.conversation is not None
    data = {**ctx.conversation.data, **values}
    await ctx.set_conversation(FLOW, step, data)
    return await prompt(ctx, step)


async def _after_topics(ctx: Context, **values: object) -> Outgoing:
    """The working-group step comes only when there are groups to choose from."""
    step = "group" if await ctx.store.groups.list() else "format"
    return await _advance(ctx, step, **values)


async def _create(ctx: Context) -> list[Outgoing]:
    assert ctx.conversation is not None
    try:
        event = await service(ctx).create(fields_from(ctx, ctx.conversation.data))
    except Invalid as problem:
        return [problem.reply(ctx), await prompt(ctx, "confirm")]
    await ctx.end_conversation()
    overrides = await ctx.store.events.overrides(event.id)
    first = expand(event, overrides, event.start, event.end + HORIZON)[:1]
    done = ctx.reply("events.created", title=event.title, id=event.id)
    if await ctx.store.events.topic_ids(event.id):  # only then is anyone notified
        done = done.model_copy(update={"text": done.text + " " + ctx.t("events.created_notify")})
    return [done] + [await card(ctx, occ) for occ in first]


def _in_wizard(ctx: Context, step: str) -> bool:
    c = ctx.conversation
    return c is not None and c.flow == FLOW and c.step == step


async def answer(ctx: Context, text: str) -> Outgoing | list[Outgoing]:
    """Free text at each step; a bad answer gets a clear message and the step repeats."""
    assert ctx.conversation is not None
    step, value, word = ctx.conversation.step, text.strip(), text.strip().casefold()
    zone = ctx.settings.zone
    try:
        if step == "title":
            title = validation.single_line(value, MAX_TITLE) if value else ""
            if len(title) < 2:
                raise Invalid("events.bad_title", {"max": MAX_TITLE})
            return await _advance(ctx, "start", title=title)
        if step == "start":
            start = read_start(value, zone, utcnow())
            return await _advance(ctx, "end", start=start.isoformat())
        if step == "end":
            end = read_end(value, _start(ctx), zone)
            return await _advance(ctx, "location", end=end.isoformat())
        if step == "location":
            where = "" if word in SKIP_WORDS else validation.single_line(value, MAX_LOCATION)
            is_url = where.startswith(("http://", "https://"))
            return await _advance(
                ctx, "topics", location="" if is_url else where, url=where if is_url else None
            )
        if step == "topics":
            return await _topics_text(ctx, value, word)
        if step == "group":
            if word in SKIP_WORDS:
                return await _advance(ctx, "format", group_id=None)
            groups = await ctx.store.groups.list()
            choice = validation.match_choice(value, [g.name for g in groups])
            chosen = next((g for g in groups if g.name == choice), None)
            chosen = chosen or pick(value, groups, "group")
            if chosen is None:
                return [ctx.reply("groups.unknown", group=value[:60]), await prompt(ctx, step)]
            return await _advance(ctx, "format", group_id=chosen.id)
        if step == "format":
            labels = {f: ctx.t(f"events.format.{f}") for f in FORMATS}
            return await _advance(ctx, "capacity", format=read_format(value, labels))
        if step == "capacity":
            return await _advance(ctx, "rrule", capacity=read_capacity(value))
        if step == "rrule":
            rule = read_rule(value)
            validate(fields_from(ctx, {**ctx.conversation.data, "rrule": rule}))  # a first date
            return await _advance(ctx, "confirm", rrule=rule)
        if step == "confirm":
            if word in {"ja", "yes", "j", "y", "anlegen", "create"}:
                return await _create(ctx)
            if word in {"nein", "no", "n", "verwerfen", "discard"}:
                await ctx.end_conversation()
                return ctx.reply("cancel.done")
            return await prompt(ctx, step)
    except Invalid as problem:
        return [problem.reply(ctx), await prompt(ctx, step)]
    return await prompt(ctx, step)


async def _topics_text(ctx: Context, value: str, word: str) -> Outgoing | list[Outgoing]:
    assert ctx.conversation is not None
    if word in SKIP_WORDS | _DONE:
        return await _after_topics(ctx)
    ids = []
    for name in value.split(","):
        topic = await find_topic(ctx.store, name.strip())
        if topic is None or topic.archived:
            return [
                ctx.reply("topics.unknown", topic=name.strip()[:60]),
                await prompt(ctx, "topics"),
            ]
        ids.append(topic.id)
    return await _after_topics(ctx, topic_ids=ids)


def register(router: Router) -> None:
    @router.command("newevent", "neuertermin", access=Access.ADMIN, help_key="help.newevent")
    async def new_event(ctx: Context, args: str) -> Outgoing:
        await ctx.set_conversation(FLOW, "title", {})
        return ctx.reply("events.ask_title")

    router.flow(FLOW)(answer)

    @router.action("ev.wt", access=Access.ADMIN)
    async def topic_button(ctx: Context, arg: str) -> Outgoing | list[Outgoing]:
        if not _in_wizard(ctx, "topics"):
            return ctx.reply("events.wizard_stale")
        assert ctx.conversation is not None
        if arg == "done":
            return await _after_topics(ctx)
        chosen = list(ctx.conversation.data.get("topic_ids", []))
        topic_id = button_number(arg, 1)
        if topic_id not in chosen and await ctx.store.topics.get(topic_id) is None:
            raise StaleArgument(arg)
        if topic_id in chosen:
            chosen.remove(topic_id)
        else:
            chosen.append(topic_id)
        prompt_message = await _advance(ctx, "topics", topic_ids=chosen)
        return prompt_message.model_copy(update={"replace": True})

    @router.action("ev.wg", access=Access.ADMIN)
    async def group_button(ctx: Context, arg: str) -> Outgoing:
        if not _in_wizard(ctx, "group"):
            return ctx.reply("events.wizard_stale")
        group = await ctx.store.groups.get(group_id) if (group_id := record_id(arg)) else None
        if arg != "none" and (group is None or not group.active):
            return await prompt(ctx, "group")
        return await _advance(ctx, "format", group_id=group.id if group else None)

    @router.action("ev.wf", access=Access.ADMIN)
    async def format_button(ctx: Context, arg: str) -> Outgoing:
        if not _in_wizard(ctx, "format") or arg not in FORMATS:
            return ctx.reply("events.wizard_stale")
        return await _advance(ctx, "capacity", format=arg)

    @router.action("ev.wr", access=Access.ADMIN)
    async def rule_button(ctx: Context, arg: str) -> Outgoing:
        if not _in_wizard(ctx, "rrule") or arg not in _PRESETS:
            return ctx.reply("events.wizard_stale")
        return await _advance(ctx, "confirm", rrule=_preset_rule(ctx, arg))

    @router.action("ev.wc", access=Access.ADMIN)
    async def confirm_button(ctx: Context, arg: str) -> Outgoing | list[Outgoing]:
        if not _in_wizard(ctx, "confirm"):
            return ctx.reply("events.wizard_stale")
        if arg == "yes":
            return await _create(ctx)
        await ctx.end_conversation()
        return ctx.reply("cancel.done")
