"""``/termine`` as one message: a compact list of the next dates (date, time, title, the
member's own answer, seats left) with one button per date, and "mehr" for the next page.

A date's button turns the list into the event's card in place (details, Zusage /
Vielleicht / Absage, .ics, back to the list), and "Zur Liste" turns it back into the same
page: one message however many dates there are, which is also what Telegram's per-chat
limit asks for. Button arguments carry the page and topic (:mod:`handlers.events.buttons`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.calendar.recurrence import Occurrence, find_occurrence
from bot.context import Context, MemberContext
from bot.i18n import tn
from bot.models import Outgoing
from bot.router import Router
from handlers.broadcast.event_people import may_write
from handlers.events import buttons
from handlers.events import render as event_render
from handlers.events.service import EventService, recurs
from handlers.events.upcoming import upcoming
from handlers.feedback import render as feedback_render
from handlers.names import find_topic, unknown
from storage.db import utcnow
from storage.topics import Topic

PAGE_SIZE = 8


def service(ctx: Context) -> EventService:
    return EventService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


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
    listing = buttons.ListPage(page, topic_id or 0)
    lines = [event_render.list_line(ctx.lang, ctx.zone, row) for row in rows]
    cards = [[event_render.list_button(ctx.lang, ctx.zone, row, listing)] for row in rows]
    paging = []
    if page:
        paging.append(ctx.button("events.btn_previous", buttons.ListPage(page - 1, listing.topic)))
    if more:
        paging.append(ctx.button("events.btn_more", buttons.ListPage(page + 1, listing.topic)))
    if paging:
        cards.append(paging)
    text = "\n".join([heading, "", *lines, "", ctx.t("events.list_hint")])
    return Outgoing(text=text, buttons=cards, replace=replace)


async def card(
    ctx: Context,
    occ: Occurrence,
    listing: buttons.ListPage | None = None,
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
    writer = await may_write(
        ctx.store, occ.event, ctx.member.id if ctx.member else None, ctx.is_admin
    )
    rows = event_render.rsvp_buttons(
        ctx.lang, occ, admin=ctx.is_admin, listing=listing, writer=writer
    )
    if ctx.is_admin:  # the organiser's feedback, once members were asked for it
        figures = await ctx.store.feedback.figures(occ.event.id, occ.key)
        line = feedback_render.card_line(ctx.lang, figures)
        if line:
            text += "\n" + line
        if figures.asked:
            rows.append([feedback_render.figures_button(ctx.lang, occ)])
    if listing is not None:
        rows.append([ctx.button("events.btn_to_list", listing)])
    return Outgoing(
        title=event_render.title(ctx.lang, occ.event, occ),
        text=text,
        buttons=rows,
        replace=replace,
    )


async def occurrence_from_button(
    ctx: Context, event_id: int, at: int
) -> tuple[Occurrence | None, Outgoing | None]:
    """The date a button names (event and epoch); a clear answer when the event is gone."""
    occ, _topics, problem = await occurrence_for_card(ctx, event_id, at)
    return occ, problem


async def occurrence_for_card(
    ctx: Context, event_id: int, at: int
) -> tuple[Occurrence | None, list[str], Outgoing | None]:
    """As :func:`occurrence_from_button`, with the event's topic names for its card (one
    query for all of it)."""
    found = await ctx.store.events.for_card(event_id)
    if found is None:
        return None, [], ctx.reply("events.gone")
    event, overrides, topics = found
    key = datetime.fromtimestamp(at, tz=UTC)
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
                raise unknown(name, await ctx.store.topics.list(), "topic")
        return await list_message(ctx, topic)

    @router.action(buttons.ListPage)
    async def list_button(ctx: Context, pressed: buttons.ListPage) -> Outgoing:
        if pressed.page is None:  # from elsewhere (the calendar message): a new message
            return await list_message(ctx, None)
        topic = await _topic(ctx, pressed.topic_id)
        return await list_message(ctx, topic, pressed.page, replace=True)

    @router.action(buttons.Card)
    async def card_button(ctx: Context, pressed: buttons.Card) -> Outgoing:
        """From the list: the card in its place. Without a page (the Slack App Home's
        "Details"): the card as a message of its own."""
        listing = buttons.listing_of(pressed)
        occ, topics, problem = await occurrence_for_card(ctx, pressed.event_id, pressed.at)
        if occ is None:
            return problem or ctx.reply("events.gone")
        return await card(ctx, occ, listing, replace=listing is not None, topics=topics)

    @router.action(buttons.Rsvp)
    async def rsvp(ctx: MemberContext, pressed: buttons.Rsvp) -> Outgoing:
        listing = buttons.listing_of(pressed)  # a card opened from the list leads back
        status = event_render.RSVP_CODES[pressed.answer]
        occ, topics, problem = await occurrence_for_card(ctx, pressed.event_id, pressed.at)
        if problem is not None or occ is None:
            return problem or ctx.reply("events.gone")
        if occ.cancelled:
            return ctx.reply("events.cancelled_answer", title=occ.event.title)
        if occ.start <= utcnow():
            return ctx.reply("events.past", title=occ.event.title)
        outcome = await service(ctx).answer(occ, ctx.member.id, status)
        key = "events.answer_waitlist" if outcome.waitlisted else f"events.answer_{status}"
        notice = ctx.t(key, position=outcome.position or 0)
        return await card(ctx, occ, listing, notice, replace=True, topics=topics)
