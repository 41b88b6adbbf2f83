"""``/terminfindung`` (``/datepoll``): a declared form (:mod:`bot.forms`) for a date poll:
title, audience, 2–12 candidate dates typed in one go, the deadline, who sees the answers,
and an optional reminder. The dates are read by the shared parser
(:mod:`bot.parsing.dates`), so a weekday that does not match its date is refused there."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from bot.arguments import member_number, record_id
from bot.context import Context, MemberContext
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.i18n import examples
from bot.models import Outgoing
from bot.parsing.dates import format_span, parse_datetime, parse_start
from bot.router import Router
from handlers.events.inputs import check_span, read_title
from handlers.polls import buttons
from handlers.polls.service import PollService, may_organise, moderated_groups
from handlers.validation import Invalid
from storage.db import utcnow
from storage.polls import NewPoll, Poll

FLOW = "datepoll"
MIN_OPTIONS = 2
MAX_OPTIONS = buttons.MAX_OPTIONS
_SEPARATORS = re.compile(r"[;\n]+")
_JOINED = 3  # a date written with commas ("Di., 14.01.2027, 10:00 Uhr") spans three pieces

Span = tuple[datetime, datetime | None]


class NewDatePoll(BaseModel):
    title: str
    audience: str  # group, topic or members
    group: str | None = None
    topic: str | None = None
    members: list[int] = []
    options: list[Span]
    deadline: datetime
    visibility: str = "all"
    remind: datetime | None = None


def service(ctx: Context) -> PollService:
    return PollService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


# reading the candidate dates ---------------------------------------------------------------


def _pieces(text: str, zone: ZoneInfo) -> list[str]:
    """The typed dates: separated by semicolons or lines, and by commas where a comma is
    not part of a date (the shortest run of comma pieces the parser reads is one date)."""
    found: list[str] = []
    for chunk in _SEPARATORS.split(text):
        parts = [p.strip() for p in chunk.split(",")]
        index = 0
        while index < len(parts):
            if not parts[index]:
                index += 1
                continue
            for size in range(1, _JOINED + 1):
                candidate = ", ".join(parts[index : index + size])
                if _reads(candidate, zone):
                    break
            else:
                size, candidate = 1, parts[index]  # the parser says what is wrong with it
            found.append(candidate)
            index += size
    return found


def _reads(text: str, zone: ZoneInfo) -> bool:
    try:
        parse_start(text, utcnow(), zone)
    except Invalid:
        return False
    return True


def read_options(ctx: Context, text: str, draft: Draft) -> list[Span]:
    """2 to 12 dates in the future, none twice; each with its end if one was typed."""
    now = utcnow()
    pieces = _pieces(text, ctx.zone)
    if len(pieces) > MAX_OPTIONS:
        raise Invalid("polls.too_many", {"count": len(pieces), "max": MAX_OPTIONS})
    spans: list[Span] = []
    for piece in pieces:
        start, end = parse_start(piece, now, ctx.zone)
        shown = format_span(start, end, ctx.lang, ctx.zone)
        if start <= now:
            raise Invalid("polls.option_past", {"date": shown})
        if end is not None:
            check_span(start, end)
        if any(start == other for other, _ in spans):
            raise Invalid("polls.twice", {"date": shown})
        spans.append((start, end))
    if len(spans) < MIN_OPTIONS:
        raise Invalid("polls.too_few")
    return spans


def read_deadline(ctx: Context, text: str, draft: Draft) -> datetime:
    """In the future and before the first candidate date."""
    now = utcnow()
    deadline = parse_datetime(text, now, ctx.zone)
    if deadline <= now:
        raise Invalid("polls.deadline_past")
    if "options" in draft.raw:
        first = min(start for start, _ in draft["options"])
        if deadline >= first:
            raise Invalid("polls.deadline_after_first", {"first": ctx.format_datetime(first)})
    return deadline


def read_remind(ctx: Context, text: str, draft: Draft) -> datetime:
    """In the future and before the deadline."""
    now = utcnow()
    moment = parse_datetime(text, now, ctx.zone)
    if moment <= now:
        raise Invalid("polls.remind_past")
    if "deadline" in draft.raw and moment >= draft["deadline"]:
        raise Invalid("polls.remind_late", {"deadline": ctx.format_datetime(draft["deadline"])})
    return moment


def read_members(ctx: Context, text: str, draft: Draft) -> list[int]:
    """Member numbers, ``#12, #15``."""
    found: list[int] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        number = member_number(part)
        if number is None:
            raise Invalid("polls.no_members", {"member": part[:30]})
        if number not in found:
            found.append(number)
    if not found:
        raise Invalid("polls.no_members", {"member": text.strip()[:30]})
    return found


# choices -----------------------------------------------------------------------------------


async def _audiences(ctx: Context, draft: Draft) -> list[Choice]:
    kinds = ("group", "topic", "members") if ctx.is_admin else ("group",)
    return [Choice(kind, key=f"polls.audience.{kind}") for kind in kinds]


async def _groups(ctx: Context, draft: Draft) -> list[Choice]:
    if ctx.is_admin:
        groups = await ctx.store.groups.list()
    else:
        groups = await moderated_groups(ctx.store, ctx.member.id) if ctx.member else []
    return [Choice(str(g.id), g.name) for g in groups]


async def _topics(ctx: Context, draft: Draft) -> list[Choice]:
    return [Choice(str(topic.id), topic.name) for topic in await ctx.store.topics.list()]


_VISIBILITY = [Choice(v, key=f"polls.visibility.{v}") for v in ("all", "organiser")]


def _options_shown(ctx: Context, value: list[Span], draft: Draft) -> str:
    return "\n" + "\n".join(
        f"{n}. {format_span(start, end, ctx.lang, ctx.zone)}"
        for n, (start, end) in enumerate(value, start=1)
    )


def _example_dates(ctx: Context, draft: Draft) -> dict[str, object]:
    shown = examples()
    return {"max": MAX_OPTIONS, "example": f"{shown['ex_datetime']}, {shown['ex_morning']}"}


def _example_moment(ctx: Context, draft: Draft) -> dict[str, object]:
    return {"example": examples()["ex_datetime"]}


# finishing ---------------------------------------------------------------------------------


def _ref(data: NewDatePoll) -> int | None:
    if data.audience == "group":
        return record_id(data.group or "")
    if data.audience == "topic":
        return record_id(data.topic or "")
    return None


async def start_poll(
    ctx: MemberContext, data: NewDatePoll, svc: PollService | None = None
) -> tuple[Poll, int]:
    """Check the audience and the dates again (time has passed since they were read) and
    send the ballots: the poll and how many were asked. The chat's form and the
    dashboard's both finish here (the dashboard's service names the admin in the audit)."""
    svc = svc or service(ctx)
    if not await may_organise(ctx.store, ctx.member, ctx.is_admin):
        raise Invalid("polls.not_allowed")
    if data.remind is not None and data.remind <= utcnow():  # the preview waited too long
        raise Invalid("polls.remind_past")
    if data.remind is not None and data.remind >= data.deadline:
        raise Invalid("polls.remind_late", {"deadline": ctx.format_datetime(data.deadline)})
    if data.deadline >= min(start for start, _ in data.options):
        first = min(start for start, _ in data.options)
        raise Invalid("polls.deadline_after_first", {"first": ctx.format_datetime(first)})
    ref = _ref(data)
    audience = await svc.audience(data.audience, ref, data.members, ctx.member, ctx.is_admin)
    new = NewPoll(
        title=data.title,
        organiser_id=ctx.member.id,
        audience_kind=data.audience,
        audience_ref=ref,
        deadline=data.deadline,
        visibility=data.visibility,
        remind_at=data.remind,
        options=data.options,
    )
    poll = await svc.start(new, audience, ctx.member)
    return poll, len(audience)


async def _send(ctx: MemberContext, data: NewDatePoll) -> list[Outgoing]:
    """Send the poll and show the organiser's tally: the message later edits go to."""
    svc = service(ctx)
    poll, asked = await start_poll(ctx, data, svc)
    # the tally can be kept in one message where the confirmation was a press on a message
    pressed = ctx.incoming.action and ctx.incoming.message_id
    target = ctx.incoming.reply_target if pressed else None
    await ctx.store.polls.set_tally_target(poll.id, ctx.platform, ctx.incoming.chat_id, target)
    tally = await svc.tally_for(poll, ctx.lang, ctx.zone)
    sent = ctx.reply("polls.sent", title=poll.title, count=asked)
    return [tally.model_copy(update={"replace": True}), sent]


def _asked(name: str, kind: Kind, **options: object) -> Field:
    """A field whose catalog keys follow its name: ``polls.ask_…`` and ``polls.label_…``."""
    return Field(name, kind, f"polls.ask_{name}", f"polls.label_{name}", **options)  # type: ignore[arg-type]


FORM: Form[NewDatePoll] = Form(
    name=FLOW,
    action="f.poll",
    model=NewDatePoll,
    title="polls.form_title",
    finish=_send,
    confirm="polls.btn_send",
    discard="polls.btn_discard",
    fields=[
        _asked("title", Kind.TEXT, parse=lambda ctx, text, draft: read_title(text)),
        _asked("audience", Kind.CHOICE, choices=_audiences),
        _asked(
            "group",
            Kind.CHOICE,
            choices=_groups,
            when=lambda draft: draft.raw.get("audience") == "group",
        ),
        _asked(
            "topic",
            Kind.CHOICE,
            choices=_topics,
            when=lambda draft: draft.raw.get("audience") == "topic",
        ),
        _asked(
            "members",
            Kind.TEXT,
            parse=read_members,
            when=lambda draft: draft.raw.get("audience") == "members",
            show=lambda ctx, value, draft: ", ".join(f"#{m}" for m in value),
        ),
        _asked(
            "options",
            Kind.LONG_TEXT,
            parse=read_options,
            params=_example_dates,
            show=_options_shown,
            max_length=1500,
            pickers=MAX_OPTIONS,  # a Slack modal: a date picker per option, beside the text
            picker_label="polls.label_option_pick",
            hint="polls.hint_options",
        ),
        _asked("deadline", Kind.DATETIME, parse=read_deadline, params=_example_moment),
        _asked("visibility", Kind.CHOICE, choices=_VISIBILITY),
        _asked("remind", Kind.DATETIME, parse=read_remind, optional=True, params=_example_moment),
    ],
)


def register(router: Router) -> None:
    FORM.install(router)

    @router.command("datepoll", "terminfindung", help_key="polls.help", order=28)
    async def start(ctx: MemberContext, args: str) -> list[Outgoing]:
        if not await may_organise(ctx.store, ctx.member, ctx.is_admin):
            raise Invalid("polls.not_allowed")
        return await FORM.begin(ctx)
