"""``/terminabsagen`` and ``/teilnehmer`` for the network team.

Cancelling tells everyone who answered yes or maybe, so it is never done on a typo: the
command shows the title, the date and how many said yes, and a button does it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.arguments import numbered
from bot.calendar.parse import parse_day
from bot.calendar.recurrence import Occurrence, find_occurrence, occurrence_on
from bot.context import Context
from bot.i18n import tn
from bot.models import Button, Outgoing
from bot.router import Access, Router
from handlers.events import buttons
from handlers.events import render as event_render
from handlers.events.chat import attendee_list, service
from handlers.events.upcoming import upcoming
from storage.db import utcnow
from storage.events import Event


async def pick_occurrence(
    ctx: Context, args: str, usage: str
) -> tuple[Occurrence | None, Outgoing | None]:
    """``NR`` (the next date) or ``NR DATUM`` from a command's arguments (the number as
    :func:`bot.arguments.numbered` reads it: ``3``, ``#3``, ``Nr. 3``); anything else gets
    the command's usage."""
    event_number, day_text = numbered(args)
    if event_number is None:
        return None, ctx.reply(usage)
    event = await ctx.store.events.get(event_number)
    if event is None:
        return None, ctx.reply("events.unknown_id", id=event_number)
    if not day_text.strip():
        found = await upcoming(ctx.store, event_id=event.id, limit=1)
        if not found:
            return None, ctx.reply("events.no_upcoming", title=event.title)
        return found[0], None
    day = parse_day(day_text)
    if day is None:
        return None, ctx.reply("events.bad_day", value=day_text.strip()[:20])
    found_on_day = occurrence_on(event, await ctx.store.events.overrides(event.id), day)
    if found_on_day is not None:
        return found_on_day, None
    return None, ctx.reply("events.no_date", title=event.title, day=day_text.strip()[:20])


async def _yes_count(ctx: Context, event: Event, occ: Occurrence | None) -> int:
    """Who holds a seat: on one date, or (whole event) on any date still to come."""
    if occ is not None:
        return await ctx.store.rsvps.confirmed_count(event.id, occ.key)
    now = utcnow()
    attendees = await ctx.store.rsvps.attendees(event.id)
    return len(
        {
            a.member_id
            for a in attendees
            if a.status == "yes" and not a.waitlisted and a.occurrence + event.duration > now
        }
    )


def _buttons(ctx: Context, event_id: int, at: int | None) -> list[list[Button]]:
    """Yes and no to cancelling one date (``at``) or, without one, the whole event."""
    return [
        [
            ctx.button("events.btn_cancel_yes", buttons.Cancel(event_id, at, "y")),
            ctx.button("events.btn_cancel_no", buttons.Cancel(event_id, at, "n")),
        ]
    ]


async def ask_cancel(ctx: Context, args: str) -> Outgoing:
    """The question before cancelling: title, date, how many said yes."""
    event_number, day = numbered(args)
    if event_number is None:
        return ctx.reply("events.cancel_usage")
    if day.strip():
        occ, problem = await pick_occurrence(ctx, args, "events.cancel_usage")
        if occ is None:
            return problem or ctx.reply("events.cancel_usage")
        if occ.cancelled:
            return ctx.reply("events.already_cancelled", title=occ.event.title)
        question = ctx.t(
            "events.cancel_confirm_date",
            title=occ.event.title,
            when=event_render.start_text(ctx.lang, ctx.zone, occ),
        )
        count = await _yes_count(ctx, occ.event, occ)
        answers = _buttons(ctx, occ.event.id, occ.epoch)
    else:
        event = await ctx.store.events.get(event_number)
        if event is None:
            return ctx.reply("events.unknown_id", id=event_number)
        if event.cancelled:
            return ctx.reply("events.already_cancelled", title=event.title)
        found = await upcoming(ctx.store, event_id=event.id, limit=1)
        first = found[0] if found else Occurrence(event, event.start, event.start, event.end)
        question = ctx.t(
            "events.cancel_confirm_all",
            title=event.title,
            when=event_render.start_text(ctx.lang, ctx.zone, first),
        )
        count = await _yes_count(ctx, event, None)
        answers = _buttons(ctx, event.id, None)
    yes = tn(ctx.lang, "events.cancel_confirm_yes", count)
    return Outgoing(text=f"{question}\n{yes}", buttons=answers)


async def confirm_cancel(ctx: Context, pressed: buttons.Cancel) -> Outgoing:
    """The button: cancel (checked again, it may have changed since the question) or not."""
    event = await ctx.store.events.get(pressed.event_id)
    if event is None:
        return ctx.reply("events.gone", replace=True)
    if pressed.answer == "n":
        return ctx.reply("events.cancel_kept", replace=True)
    if pressed.at is None:
        if event.cancelled:
            return ctx.reply("events.already_cancelled", title=event.title, replace=True)
        await service(ctx).cancel(event)
        return ctx.reply("events.cancelled_done", title=event.title, replace=True)
    key = datetime.fromtimestamp(pressed.at, tz=UTC)
    occ = find_occurrence(event, await ctx.store.events.overrides(event.id), key)
    if occ is None:
        return ctx.reply("events.gone", replace=True)
    if occ.cancelled:
        return ctx.reply("events.already_cancelled", title=event.title, replace=True)
    await service(ctx).cancel(event, occ.key)
    when = event_render.start_text(ctx.lang, ctx.zone, occ)
    return ctx.reply("events.cancelled_date", title=event.title, when=when, replace=True)


def register(router: Router) -> None:
    @router.command(
        "cancelevent", "terminabsagen", access=Access.ADMIN, help_key="help.cancelevent"
    )
    async def cancel_event(ctx: Context, args: str) -> Outgoing:
        return await ask_cancel(ctx, args)

    router.action(buttons.Cancel, access=Access.ADMIN)(confirm_cancel)

    @router.command("attendees", "teilnehmer", access=Access.ADMIN, help_key="help.attendees")
    async def attendees(ctx: Context, args: str) -> Outgoing:
        occ, problem = await pick_occurrence(ctx, args, "events.attendees_usage")
        if occ is None:
            return problem or ctx.reply("events.attendees_usage")
        return await attendee_list(ctx, occ)
