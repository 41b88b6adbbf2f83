"""Events for members: upcoming dates, answering (with a waitlist), .ics files, the
personal calendar feed and the reminder settings."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from babel.units import format_unit

from bot.arguments import MAX_TIMESTAMP, button_fields, button_number
from bot.calendar.ics import MIME_TYPE, event_ics
from bot.calendar.recurrence import Occurrence, find_occurrence
from bot.context import Context
from bot.i18n import tn
from bot.models import Button, Document, Outgoing
from bot.router import Access, Router
from handlers.events import render as event_render
from handlers.events.reminders import ALL_DAY_REMINDER_HOUR
from handlers.events.service import EventService
from handlers.events.upcoming import upcoming
from storage.db import utcnow

LIST_LIMIT = 10
_LOCALES = {"de": "de_DE", "en": "en_GB"}
_ON = {"on", "an", "ein", "ja", "yes"}
_OFF = {"off", "aus", "nein", "no"}
_TOPIC_WORDS = {"topics", "themen", "thema", "topic"}


def service(ctx: Context) -> EventService:
    return EventService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


async def seats_line(ctx: Context, occ: Occurrence) -> str | None:
    capacity = occ.event.capacity
    if capacity is None:
        return None
    taken = await ctx.store.rsvps.confirmed_count(occ.event.id, occ.key)
    waiting = len(await ctx.store.rsvps.waitlist(occ.event.id, occ.key))
    line = ctx.t("events.seats", free=max(0, capacity - taken), capacity=capacity)
    if waiting:
        line += " " + ctx.t("events.seats_waiting", count=waiting)
    return line


async def my_answer_line(ctx: Context, occ: Occurrence) -> str | None:
    if ctx.member is None:
        return None
    return await event_render.answer_line(ctx.store, ctx.lang, occ, ctx.member.id)


async def occurrence_message(
    ctx: Context, occ: Occurrence, notice: str | None = None, replace: bool = False
) -> Outgoing:
    """One date with its details, seats, the member's answer and the buttons."""
    topics = await service(ctx).topic_names(occ.event.id)
    text = event_render.details(ctx.lang, ctx.zone, occ, topics, await seats_line(ctx, occ))
    mine = await my_answer_line(ctx, occ)
    if mine:
        text += f"\n\n{mine}"
    if notice:
        text = f"{notice}\n\n{text}"
    if ctx.is_admin:
        text += "\n" + ctx.t("events.admin_id", id=occ.event.id)
    return Outgoing(
        title=event_render.title(ctx.lang, occ.event, occ),
        text=text,
        buttons=event_render.rsvp_buttons(ctx.lang, occ, admin=ctx.is_admin),
        replace=replace,
    )


async def events_list(ctx: Context, args: str) -> list[Outgoing]:
    topic = None
    name = args.strip()
    if name:
        topic = await ctx.store.topics.find(name)
        if topic is None:
            return [ctx.reply("topics.unknown", topic=name[:60])]
    found = await upcoming(ctx.store, topic_id=topic.id if topic else None, limit=LIST_LIMIT)
    if topic is not None:
        if not found:
            return [ctx.reply("events.none_topic", topic=topic.name)]
        heading = tn(ctx.lang, "events.list_title_topic", len(found), topic=topic.name)
    else:
        if not found:
            return [ctx.reply("events.none")]
        heading = tn(ctx.lang, "events.list_title", len(found))
    return [Outgoing(text=heading)] + [await occurrence_message(ctx, occ) for occ in found]


async def occurrence_from_arg(ctx: Context, arg: str) -> tuple[Occurrence | None, Outgoing | None]:
    """Decode ``event:epoch`` from a button; a clear answer when the event is gone."""
    event_part, epoch_part = button_fields(arg, 2)
    event = await ctx.store.events.get(button_number(event_part, 1))
    if event is None:
        return None, ctx.reply("events.gone")
    key = datetime.fromtimestamp(button_number(epoch_part, 0, MAX_TIMESTAMP), tz=UTC)
    occ = find_occurrence(event, await ctx.store.events.overrides(event.id), key)
    if occ is None:
        return None, ctx.reply("events.gone")
    return occ, None


async def attendee_list(ctx: Context, occ: Occurrence) -> Outgoing:
    attendees = await ctx.store.rsvps.attendees(occ.event.id, occ.key)
    groups: dict[str, list[str]] = {"yes": [], "waitlist": [], "maybe": [], "no": []}
    for a in attendees:
        group = "waitlist" if a.waitlisted else a.status
        groups[group].append(f"• {a.name} ({a.company})")
    lines = [event_render.occurrence_when(ctx.lang, ctx.zone, occ)]
    for group, names in groups.items():
        lines.append("")
        lines.append(ctx.t(f"events.att_{group}", count=len(names)))
        lines += names or [ctx.t("events.att_nobody")]
    return Outgoing(title=ctx.t("events.att_title", title=occ.event.title), text="\n".join(lines))


async def reminder_settings(
    ctx: Context, notice: str | None = None, replace: bool = False
) -> Outgoing:
    assert ctx.member is not None
    enabled = ctx.member.reminders_enabled
    topics = await ctx.store.rsvps.remind_topics(ctx.member.id)
    offsets = ", ".join(_offset_text(ctx, o) for o in ctx.settings.reminder_offsets)
    text = ctx.t(
        "events.reminders_status",
        state=ctx.t("events.state_on" if enabled else "events.state_off"),
        topics=ctx.t("events.state_on" if topics else "events.state_off"),
        offsets=offsets,
        hour=ALL_DAY_REMINDER_HOUR,
    )
    if notice:
        text = f"{notice}\n\n{text}"
    buttons = [
        [ctx.button("events.btn_rem_off" if enabled else "events.btn_rem_on", "ev.rem", "toggle")],
        [
            ctx.button(
                "events.btn_remtopics_off" if topics else "events.btn_remtopics_on",
                "ev.rem",
                "topics",
            )
        ],
    ]
    return Outgoing(text=text, buttons=buttons, replace=replace)


def _offset_text(ctx: Context, offset: timedelta) -> str:
    """``1 Tag``, ``2 Stunden``, ``90 Minuten``: Babel knows each language's plural forms."""
    seconds = int(offset.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            return format_unit(seconds // size, f"duration-{unit}", locale=_LOCALES[ctx.lang])
    return format_unit(seconds, "duration-second", locale=_LOCALES[ctx.lang])


async def set_reminders(ctx: Context, enabled: bool) -> None:
    assert ctx.member is not None
    await ctx.store.members.set_reminders(ctx.member.id, enabled)
    ctx.member = ctx.member.model_copy(update={"reminders_enabled": enabled})


def register(router: Router) -> None:
    @router.command("events", "termine", help_key="help.events", order=20)
    async def events(ctx: Context, args: str) -> list[Outgoing]:
        return await events_list(ctx, args)

    @router.action("ev.list")
    async def list_button(ctx: Context, arg: str) -> list[Outgoing]:
        return await events_list(ctx, "")

    @router.action(event_render.RSVP_ACTION)
    async def rsvp(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        base, _, code = arg.rpartition(":")
        status = event_render.RSVP_CODES.get(code)
        occ, problem = await occurrence_from_arg(ctx, base)
        if problem is not None or occ is None or status is None:
            return problem or ctx.reply("input.stale_button")
        if occ.cancelled:
            return ctx.reply("events.cancelled_answer", title=occ.event.title)
        if occ.start <= utcnow():
            return ctx.reply("events.past", title=occ.event.title)
        outcome = await service(ctx).answer(occ, ctx.member.id, status)
        key = "events.answer_waitlist" if outcome.waitlisted else f"events.answer_{status}"
        notice = ctx.t(key, position=outcome.position or 0)
        return await occurrence_message(ctx, occ, notice, replace=True)

    @router.action(event_render.ICS_ACTION)
    async def ics_file(ctx: Context, arg: str) -> Outgoing:
        event = await ctx.store.events.get(button_number(arg, 1))
        if event is None:
            return ctx.reply("events.gone")
        content = event_ics(
            event,
            await ctx.store.events.overrides(event.id),
            await service(ctx).topic_names(event.id),
        )
        slug = re.sub(r"[^A-Za-z0-9]+", "-", event.title).strip("-")[:40] or "termin"
        return Outgoing(
            text=ctx.t("events.ics_caption", title=event.title),
            document=Document(filename=f"{slug}.ics", content=content, mime_type=MIME_TYPE),
        )

    @router.action(event_render.ATTENDEES_ACTION, access=Access.ADMIN)
    async def attendees_button(ctx: Context, arg: str) -> Outgoing:
        occ, problem = await occurrence_from_arg(ctx, arg)
        if occ is None:
            return problem or ctx.reply("events.gone")
        return await attendee_list(ctx, occ)

    @router.command("reminders", "erinnerungen", help_key="help.reminders")
    async def reminders(ctx: Context, args: str) -> Outgoing:
        assert ctx.member is not None
        words = args.casefold().split()
        if not words:
            return await reminder_settings(ctx)
        if len(words) == 2 and words[0] in _TOPIC_WORDS and words[1] in _ON | _OFF:
            enabled = words[1] in _ON
            await ctx.store.rsvps.set_remind_topics(ctx.member.id, enabled)
            key = "events.remtopics_on" if enabled else "events.remtopics_off"
            return await reminder_settings(ctx, ctx.t(key))
        if len(words) == 1 and words[0] in _ON | _OFF:
            await set_reminders(ctx, words[0] in _ON)
            key = "events.reminders_on" if words[0] in _ON else "events.reminders_off"
            return await reminder_settings(ctx, ctx.t(key))
        return ctx.reply("events.reminders_usage")

    @router.action("ev.rem")
    async def reminder_button(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        if arg == "topics":
            enabled = not await ctx.store.rsvps.remind_topics(ctx.member.id)
            await ctx.store.rsvps.set_remind_topics(ctx.member.id, enabled)
            notice = ctx.t("events.remtopics_on" if enabled else "events.remtopics_off")
        else:
            enabled = not ctx.member.reminders_enabled
            await set_reminders(ctx, enabled)
            notice = ctx.t("events.reminders_on" if enabled else "events.reminders_off")
        return await reminder_settings(ctx, notice, replace=True)

    @router.command("calendar", "kalender", help_key="help.calendar")
    async def calendar(ctx: Context, args: str) -> Outgoing:
        assert ctx.member is not None
        if ctx.public_base is None:  # no server, or no address it can be reached at
            text = ctx.t("events.calendar_unavailable")
            if ctx.is_admin:
                text += "\n\n" + ctx.t("events.calendar_setup")
            return Outgoing(title=ctx.t("events.calendar_title"), text=text)
        token = await ctx.store.events.feed_token(ctx.member.id)
        url = f"{ctx.public_base}/calendar/{token}.ics"
        return Outgoing(
            title=ctx.t("events.calendar_title"),
            text=ctx.t("events.calendar_text", url=url, topics_url=f"{url}?scope=topics"),
            buttons=[[Button(label=ctx.t("events.btn_list"), action="ev.list")]],
        )
