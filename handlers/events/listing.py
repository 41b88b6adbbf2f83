"""``/termine`` as one message: a compact list of the next dates (date, time, title, the
member's own answer, seats left) with one button per date, and "mehr" for the next page.

A date's button turns the list into the event's card in place (details, Zusage /
Vielleicht / Absage, .ics, back to the list), and "Zur Liste" turns it back into the same
page: one message however many dates there are, which is also what Telegram's per-chat
limit asks for. Button arguments carry the page and topic (``page:topic``, 0 = all).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.arguments import MAX_TIMESTAMP, button_fields, button_number
from bot.calendar.recurrence import Occurrence, find_occurrence
from bot.context import Context
from bot.i18n import tn
from bot.models import Outgoing
from bot.router import Router
from handlers.events import render as event_render
from handlers.events.service import EventService, recurs
from handlers.events.upcoming import upcoming
from handlers.names import find_topic
from storage.db import utcnow
from storage.topics import Topic

PAGE_SIZE = 8
MAX_PAGE = 1000


def service(ctx: Context) -> EventService:
    return EventService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


def listing_arg(page: int, topic_id: int | None) -> str:
    return f"{page}:{topic_id or 0}"


def parse_listing(page_part: str, topic_part: str) -> tuple[int, int | None]:
    return button_number(page_part, 0, MAX_PAGE), button_number(topic_part) or None


async def list_message(
    ctx: Context, topic: Topic | None, page: int = 0, replace: bool = False
) -> Outgoing:
    """One page of the next dates (one date per event, soonest first)."""
    topic_id = topic.id if topic else None
    found = await upcoming(
        ctx.store, topic_id=topic_id, limit=PAGE_SIZE + 1, offset=page * PAGE_SIZE
    )
    more, found = len(found) > PAGE_SIZE, found[:PAGE_SIZE]
    if not found and page == 0:
        if topic is not None:
            return ctx.reply("events.none_topic", topic=topic.name)
        return ctx.reply("events.none")
    if page:
        heading = ctx.t("events.list_page_title", page=page + 1)
    elif topic is not None:
        heading = tn(ctx.lang, "events.list_title_topic", len(found), topic=topic.name)
    else:
        heading = tn(ctx.lang, "events.list_title", len(found))
    member_id = ctx.member.id if ctx.member else None
    rows = await event_render.list_rows(ctx.store, member_id, found)
    listing = listing_arg(page, topic_id)
    lines = [event_render.list_line(ctx.lang, ctx.zone, row) for row in rows]
    buttons = [[event_render.list_button(ctx.lang, ctx.zone, row, listing)] for row in rows]
    paging = []
    if page:
        arg = listing_arg(page - 1, topic_id)
        paging.append(ctx.button("events.btn_previous", event_render.LIST_ACTION, arg))
    if more:
        arg = listing_arg(page + 1, topic_id)
        paging.append(ctx.button("events.btn_more", event_render.LIST_ACTION, arg))
    if paging:
        buttons.append(paging)
    text = "\n".join([heading, "", *lines, "", ctx.t("events.list_hint")])
    return Outgoing(text=text, buttons=buttons, replace=replace)


async def card(
    ctx: Context,
    occ: Occurrence,
    listing: str = "",
    notice: str | None = None,
    replace: bool = False,
    topics: list[str] | None = None,
) -> Outgoing:
    """One date with its details, seats, the member's answer and the buttons; opened from
    the list (``listing``) it leads back to that page. ``topics``: the event's topic names
    when the caller read them with the event."""
    if topics is None:
        topics = await service(ctx).topic_names(occ.event.id)
    [row] = await event_render.list_rows(ctx.store, None, [occ])
    seats = None
    if row.free is not None and occ.event.capacity is not None:
        seats = ctx.t("events.seats", free=row.free, capacity=occ.event.capacity)
        waiting = len(await ctx.store.rsvps.waitlist(occ.event.id, occ.key))
        if waiting:
            seats += " " + ctx.t("events.seats_waiting", count=waiting)
    text = event_render.details(ctx.lang, ctx.zone, occ, topics, seats)
    if recurs(occ.event):  # answers are per date (rsvps are keyed by the occurrence)
        text += "\n\n" + ctx.t("events.card_series_answer")
    if ctx.member is not None:
        mine = await event_render.answer_line(ctx.store, ctx.lang, occ, ctx.member.id)
        if mine:
            text += f"\n\n{mine}"
    if notice:
        text = f"{notice}\n\n{text}"
    text += "\n" + ctx.t("events.card_number", id=occ.event.id)  # the number of the list
    buttons = event_render.rsvp_buttons(ctx.lang, occ, admin=ctx.is_admin, listing=listing)
    if listing:
        buttons.append([ctx.button("events.btn_to_list", event_render.LIST_ACTION, listing)])
    return Outgoing(
        title=event_render.title(ctx.lang, occ.event, occ),
        text=text,
        buttons=buttons,
        replace=replace,
    )


async def occurrence_from_arg(
    ctx: Context, event_part: str, epoch_part: str
) -> tuple[Occurrence | None, Outgoing | None]:
    """Decode ``event`` and ``epoch`` from a button; a clear answer when the event is gone."""
    occ, _topics, problem = await occurrence_for_card(ctx, event_part, epoch_part)
    return occ, problem


async def occurrence_for_card(
    ctx: Context, event_part: str, epoch_part: str
) -> tuple[Occurrence | None, list[str], Outgoing | None]:
    """As :func:`occurrence_from_arg`, with the event's topic names for its card (one
    query for all of it)."""
    found = await ctx.store.events.for_card(button_number(event_part, 1))
    if found is None:
        return None, [], ctx.reply("events.gone")
    event, overrides, topics = found
    key = datetime.fromtimestamp(button_number(epoch_part, 0, MAX_TIMESTAMP), tz=UTC)
    occ = find_occurrence(event, overrides, key)
    if occ is None:
        return None, [], ctx.reply("events.gone")
    return occ, topics, None


async def _topic(ctx: Context, topic_id: int | None) -> Topic | None:
    return await ctx.store.topics.get(topic_id) if topic_id else None


def register(router: Router) -> None:
    @router.command("events", "termine", help_key="help.events", order=20)
    async def events(ctx: Context, args: str) -> Outgoing:
        name = args.strip()
        topic = None
        if name:
            topic = await find_topic(ctx.store, name)
            if topic is None:
                return ctx.reply("topics.unknown", topic=name[:60])
        return await list_message(ctx, topic)

    @router.action(event_render.LIST_ACTION)
    async def list_button(ctx: Context, arg: str) -> Outgoing:
        if not arg:  # from elsewhere (the calendar message): the list as a new message
            return await list_message(ctx, None)
        page, topic_id = parse_listing(*button_fields(arg, 2))
        return await list_message(ctx, await _topic(ctx, topic_id), page, replace=True)

    @router.action(event_render.CARD_ACTION)
    async def card_button(ctx: Context, arg: str) -> Outgoing:
        """From the list: the card in its place. ``event:epoch`` alone (the Slack App
        Home's "Details"): the card as a message of its own."""
        if arg.count(":") == 1:
            event_part, epoch_part = button_fields(arg, 2)
            listing = ""
        else:
            event_part, epoch_part, page_part, topic_part = button_fields(arg, 4)
            listing = listing_arg(*parse_listing(page_part, topic_part))
        occ, topics, problem = await occurrence_for_card(ctx, event_part, epoch_part)
        if occ is None:
            return problem or ctx.reply("events.gone")
        return await card(ctx, occ, listing, replace=bool(listing), topics=topics)

    @router.action(event_render.RSVP_ACTION)
    async def rsvp(ctx: Context, arg: str) -> Outgoing:
        assert ctx.member is not None
        parts = arg.split(":")
        if len(parts) == 5:  # a card opened from the list: page and topic ride along
            page, topic_id = parse_listing(parts[3], parts[4])
            listing = listing_arg(page, topic_id)
        else:
            parts, listing = button_fields(arg, 3), ""
        status = event_render.RSVP_CODES.get(parts[2])
        occ, topics, problem = await occurrence_for_card(ctx, parts[0], parts[1])
        if problem is not None or occ is None or status is None:
            return problem or ctx.reply("input.stale_button")
        if occ.cancelled:
            return ctx.reply("events.cancelled_answer", title=occ.event.title)
        if occ.start <= utcnow():
            return ctx.reply("events.past", title=occ.event.title)
        outcome = await service(ctx).answer(occ, ctx.member.id, status)
        key = "events.answer_waitlist" if outcome.waitlisted else f"events.answer_{status}"
        notice = ctx.t(key, position=outcome.position or 0)
        return await card(ctx, occ, listing, notice, replace=True, topics=topics)
