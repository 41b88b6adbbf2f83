"""Events for members: .ics files, the attendee list button, the personal calendar feed
and the reminder settings. The list of dates and the event card are in ``listing``."""

from __future__ import annotations

from datetime import timedelta

from babel.units import format_unit

from bot.calendar.ics import MIME_TYPE, event_ics
from bot.calendar.recurrence import Occurrence
from bot.context import Context, MemberContext
from bot.models import Document, Outgoing
from bot.router import Access, Router, Section
from handlers.events import buttons
from handlers.events import render as event_render
from handlers.events.listing import occurrence_from_button
from handlers.events.reminders import ALL_DAY_REMINDER_HOUR
from handlers.events.service import EventService
from handlers.members.render import with_company

_LOCALES = {"de": "de_DE", "en": "en_GB"}
_ON = {"on", "an", "ein", "ja", "yes"}
_OFF = {"off", "aus", "nein", "no"}
_TOPIC_WORDS = {"topics", "themen", "thema", "topic"}


def service(ctx: Context) -> EventService:
    return EventService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


async def attendee_list(ctx: Context, occ: Occurrence) -> Outgoing:
    attendees = await ctx.store.rsvps.attendees(occ.event.id, occ.key)
    groups: dict[str, list[str]] = {"yes": [], "waitlist": [], "maybe": [], "no": []}
    for a in attendees:
        group = "waitlist" if a.waitlisted else a.status
        groups[group].append(f"• {with_company(a.name, a.company)}")
    lines = [event_render.occurrence_when(ctx.lang, ctx.zone, occ)]
    for group, names in groups.items():
        lines.append("")
        lines.append(ctx.t(f"events.att_{group}", count=len(names)))
        lines += names or [ctx.t("events.att_nobody")]
    return Outgoing(title=ctx.t("events.att_title", title=occ.event.title), text="\n".join(lines))


async def reminder_settings(
    ctx: MemberContext, notice: str | None = None, replace: bool = False
) -> Outgoing:
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
    reminders_key = "events.btn_rem_off" if enabled else "events.btn_rem_on"
    topics_key = "events.btn_remtopics_off" if topics else "events.btn_remtopics_on"
    switches = [
        [ctx.button(reminders_key, buttons.Reminders("toggle"))],
        [ctx.button(topics_key, buttons.Reminders("topics"))],
    ]
    return Outgoing(text=text, buttons=switches, replace=replace)


def _offset_text(ctx: Context, offset: timedelta) -> str:
    """``1 Tag``, ``2 Stunden``, ``90 Minuten``: Babel knows each language's plural forms."""
    seconds = int(offset.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            return format_unit(seconds // size, f"duration-{unit}", locale=_LOCALES[ctx.lang])
    return format_unit(seconds, "duration-second", locale=_LOCALES[ctx.lang])


async def set_reminders(ctx: MemberContext, enabled: bool) -> None:
    await ctx.store.members.set_reminders(ctx.member.id, enabled)
    ctx.member = ctx.member.model_copy(update={"reminders_enabled": enabled})


def register(router: Router) -> None:
    @router.action(buttons.Ics)
    async def ics_file(ctx: Context, pressed: buttons.Ics) -> Outgoing:
        event = await ctx.store.events.get(pressed.event_id)
        if event is None:
            return ctx.reply("events.gone")
        content = event_ics(
            event,
            await ctx.store.events.overrides(event.id),
            await service(ctx).topic_names(event.id),
        )
        return Outgoing(
            text=ctx.t("events.ics_caption", title=event.title),
            document=Document(
                filename=event_render.ics_file_name(event.title),
                content=content,
                mime_type=MIME_TYPE,
            ),
        )

    @router.action(buttons.Attendees, access=Access.ADMIN)
    async def attendees_button(ctx: Context, pressed: buttons.Attendees) -> Outgoing:
        occ, problem = await occurrence_from_button(ctx, pressed.event_id, pressed.at)
        if occ is None:
            return problem or ctx.reply("events.gone")
        return await attendee_list(ctx, occ)

    @router.command(
        "reminders", "erinnerungen", help_key="help.reminders", section=Section.SETTINGS
    )
    async def reminders(ctx: MemberContext, args: str) -> Outgoing:
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

    @router.action(buttons.Reminders)
    async def reminder_button(ctx: MemberContext, pressed: buttons.Reminders) -> Outgoing:
        if pressed.switch == "topics":
            enabled = not await ctx.store.rsvps.remind_topics(ctx.member.id)
            await ctx.store.rsvps.set_remind_topics(ctx.member.id, enabled)
            notice = ctx.t("events.remtopics_on" if enabled else "events.remtopics_off")
        else:
            enabled = not ctx.member.reminders_enabled
            await set_reminders(ctx, enabled)
            notice = ctx.t("events.reminders_on" if enabled else "events.reminders_off")
        return await reminder_settings(ctx, notice, replace=True)

    @router.command("calendar", "kalender", help_key="help.calendar", section=Section.SETTINGS)
    async def calendar(ctx: MemberContext, args: str) -> Outgoing:
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
            buttons=[[ctx.button("events.btn_list", buttons.ListPage())]],
        )
