"""``/neuertermin``: a declared form (:mod:`bot.forms`) whose fields are read by the same
readers as the CLI's and the dashboard's (:mod:`handlers.events.inputs`); creation goes
through :class:`EventService`. Cancelling and the attendee list are in
:mod:`handlers.events.cancelling`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from bot.arguments import record_id
from bot.calendar.recurrence import HORIZON
from bot.calendar.recurrence import occurrences as expand
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind, Several, words
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.events.chat import service
from handlers.events.inputs import (
    MAX_DESCRIPTION,
    REPEATS,
    read_capacity,
    read_description,
    read_end,
    read_format,
    read_place,
    read_repeat,
    read_span,
    read_title,
    repeat_rule,
)
from handlers.events.listing import card
from handlers.events.rule_text import describe_rule
from handlers.events.service import check_rule
from handlers.names import pick
from handlers.validation import Invalid
from storage.db import utcnow
from storage.events import FORMATS, EventFields

FLOW = "newevent"
WITH_GROUPS = "with_groups"  # set at the start when there are groups: only then is it asked
NO_GROUP = "none"


class NewEvent(BaseModel):
    """The answers: ``repeat`` is one of :data:`REPEATS` or a rule typed by hand."""

    title: str
    start: datetime
    end: datetime
    where: str | None = None
    topics: list[int] = []
    group: str | None = None  # a group's id or NO_GROUP
    format: str = "meetup"
    capacity: int | None = None
    repeat: str = "none"
    description: str | None = None


# readers: the shared ones, given what they need from the context and earlier answers ----


def _start(ctx: Context, text: str, draft: Draft) -> datetime | Several:
    """The start; a range typed as the start (``1.4. 18:30 bis 20 Uhr``) sets the end too."""
    start, end = read_span(text, ctx.zone, utcnow())
    return start if end is None else Several(start, {"end": end})


def _end(ctx: Context, text: str, draft: Draft) -> datetime:
    if "start" not in draft.raw:  # a native form whose start was refused
        raise Invalid("events.end_needs_start")
    return read_end(text, draft["start"], ctx.zone)


def _where(ctx: Context, text: str, draft: Draft) -> str:
    location, url = read_place(text)
    return url or location


def _format(ctx: Context, text: str, draft: Draft) -> str:
    return read_format(text, {f: ctx.t(f"events.format.{f}") for f in FORMATS})


def _capacity(ctx: Context, text: str, draft: Draft) -> int | None:
    return read_capacity(text)


def _repeat(ctx: Context, text: str, draft: Draft) -> str:
    """Words the buttons do not name (``wöchentlich``), or a rule typed by hand, which
    must give the series a first date."""
    value = read_repeat(text)
    if value not in REPEATS and "start" in draft.raw and "end" in draft.raw:
        check_rule(value, draft["start"], draft["end"], ctx.settings.timezone)
    return value


def _description(ctx: Context, text: str, draft: Draft) -> str:
    return read_description(text)


async def _group(ctx: Context, text: str, draft: Draft) -> str:
    """A group named in other words than its button (``#3``, part of its name)."""
    if words.word(text) in words.SKIP:
        return NO_GROUP
    chosen = pick(text, await ctx.store.groups.list(), "group")
    if chosen is None:
        raise Invalid("groups.unknown", {"group": text.strip()[:60]})
    return str(chosen.id)


# choices and how values read -------------------------------------------------------------


async def _topic_choices(ctx: Context, draft: Draft) -> list[Choice]:
    return [Choice(str(topic.id), topic.name) for topic in await ctx.store.topics.list()]


async def _group_choices(ctx: Context, draft: Draft) -> list[Choice]:
    groups = [Choice(str(group.id), group.name) for group in await ctx.store.groups.list()]
    return [*groups, Choice(NO_GROUP, key="groups.event_no_group")]


def _local_start(ctx: Context, draft: Draft) -> datetime | None:
    return draft["start"].astimezone(ctx.settings.zone) if "start" in draft.raw else None


def _rule(ctx: Context, repeat: str, start: datetime) -> str | None:
    if repeat not in REPEATS:
        return repeat
    return repeat_rule(repeat, start.astimezone(ctx.settings.zone))


async def _repeat_choices(ctx: Context, draft: Draft) -> list[Choice]:
    """In words for the start given ("Monatlich am 2. Dienstag"), in general before it."""
    local = _local_start(ctx, draft)
    if local is None:
        return [Choice(kind, key=f"events.repeat.{kind}") for kind in REPEATS]
    return [
        Choice(kind, describe_rule(ctx.lang, repeat_rule(kind, local), local)) for kind in REPEATS
    ]


def _repeat_shown(ctx: Context, value: Any, draft: Draft) -> str:
    local = _local_start(ctx, draft)
    if local is None:
        return str(value)
    return describe_rule(ctx.lang, _rule(ctx, str(value), local), local)


async def _preview(ctx: Context, draft: Draft, listing: str) -> str:
    """The answers, with unlimited seats in words and the group as its messages show it."""
    lines = []
    for item in FORM.fields:
        if not item.applies(draft):
            continue
        value = await item.shown(ctx, draft)
        if item.name == "capacity" and draft.raw.get("capacity") is None:
            value = ctx.t("events.unlimited")
        if item.name == "group":  # as the event's messages will say it
            lines.append(ctx.t("groups.event_group", group=value))
        else:
            lines.append(f"{ctx.t(item.label)}: {value}")
    return ctx.t("events.preview", listing="\n".join(lines))


# creating --------------------------------------------------------------------------------


async def _create(ctx: Context, data: NewEvent) -> list[Outgoing]:
    """The event as answered; a group or topic gone meanwhile, or a start that has passed
    while the preview waited, is refused (and the preview stays)."""
    if data.start <= utcnow():
        raise Invalid("events.start_past")
    group_id = record_id(data.group or "")
    if group_id is not None:
        group = await ctx.store.groups.get(group_id)
        if group is None or not group.active:
            raise Invalid("groups.gone")
    open_topics = {topic.id for topic in await ctx.store.topics.list()}
    if any(topic_id not in open_topics for topic_id in data.topics):
        raise Invalid("form.choice_gone")
    location, url = read_place(data.where or "")
    fields = EventFields(
        title=data.title,
        description=data.description or "",
        start=data.start,
        end=data.end,
        timezone=ctx.settings.timezone,
        location=location,
        url=url,
        format=data.format,
        capacity=data.capacity,
        rrule=_rule(ctx, data.repeat, data.start),
        organiser=ctx.member.name if ctx.member else None,
        topic_ids=data.topics,
        group_id=group_id,
    )
    event = await service(ctx).create(fields)
    overrides = await ctx.store.events.overrides(event.id)
    first = expand(event, overrides, event.start, event.end + HORIZON)[:1]
    done = ctx.reply("events.created", title=event.title, id=event.id)
    if await ctx.store.events.topic_ids(event.id):  # only then is anyone notified
        done = done.model_copy(update={"text": done.text + " " + ctx.t("events.created_notify")})
    return [done] + [await card(ctx, occ) for occ in first]


def _asked(name: str, kind: Kind, **options: Any) -> Field:
    """A field whose catalog keys follow its name: ``events.ask_…`` and ``events.label_…``."""
    return Field(name, kind, f"events.ask_{name}", f"events.label_{name}", **options)


def _with_groups(draft: Draft) -> bool:
    return bool(draft.raw.get(WITH_GROUPS))


_FORMATS = [Choice(f, key=f"events.format.{f}") for f in FORMATS]
FORM: Form[NewEvent] = Form(
    name=FLOW,
    action="f.ev",
    model=NewEvent,
    title="events.form_title",
    finish=_create,
    access=Access.ADMIN,
    confirm="events.btn_create",
    discard="events.btn_discard",
    preview=_preview,
    fields=[
        _asked("title", Kind.TEXT, parse=lambda ctx, text, draft: read_title(text)),
        _asked("start", Kind.DATETIME, parse=_start, params=lambda ctx, d: {"zone": ctx.zone.key}),
        _asked("end", Kind.DATETIME, parse=_end),
        _asked("where", Kind.TEXT, parse=_where, optional=True),
        _asked("topics", Kind.MULTI, choices=_topic_choices, optional=True),
        _asked("group", Kind.CHOICE, parse=_group, choices=_group_choices, when=_with_groups),
        _asked("format", Kind.CHOICE, parse=_format, choices=_FORMATS, columns=3),
        _asked("capacity", Kind.NUMBER, parse=_capacity, optional=True),
        _asked("repeat", Kind.CHOICE, parse=_repeat, choices=_repeat_choices, show=_repeat_shown),
        _asked(
            "description",
            Kind.LONG_TEXT,
            parse=_description,
            optional=True,
            max_length=MAX_DESCRIPTION,
        ),
    ],
)


def register(router: Router) -> None:
    FORM.install(router)

    @router.command("newevent", "neuertermin", access=Access.ADMIN, help_key="help.newevent")
    async def new_event(ctx: Context, args: str) -> list[Outgoing]:
        initial = {WITH_GROUPS: True} if await ctx.store.groups.list() else {}
        return await FORM.begin(ctx, initial)
