"""The date-poll pages (Terminfindungen): the list, a new poll, one poll with its live
tally, ending it and closing it into an event. Every change goes through
:class:`~handlers.polls.service.PollService`, as in the chat: the same rules, the same
audit entries, the ballots and the result queued once."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from bot.arguments import number, record_id
from bot.i18n import examples
from handlers.dashboard.kit import (
    ADMIN,
    RESUBMITTED,
    SERVICES,
    form,
    notice_of,
    once,
    page_tools,
    render,
    see_other,
    tell,
)
from handlers.dashboard.poll_form import PollValues, Refused, chat_context, read_poll
from handlers.dashboard.problems import POLL_CLOSE_FIELDS, POLL_FIELDS, Problem, problem_of
from handlers.events.inputs import read_capacity
from handlers.polls import render as poll_render
from handlers.polls.form import MAX_OPTIONS, start_poll
from handlers.polls.service import PollService
from handlers.validation import Invalid
from storage.polls import AUDIENCE_KINDS, VISIBILITIES, Poll

NOTICES = {"created", "ended", "closed", RESUBMITTED}


def poll_service(request: web.Request) -> PollService:
    services = request.app[SERVICES]
    return PollService(
        services.store, services.notifier, services.settings, request[ADMIN].identity
    )


async def poll_of(request: web.Request) -> Poll:
    poll_id = record_id(request.match_info["poll_id"])
    poll = await request.app[SERVICES].store.polls.get(poll_id) if poll_id else None
    if poll is None:
        raise web.HTTPNotFound()
    return poll


@dataclass(frozen=True)
class Row:
    """A poll as the list shows it."""

    poll: Poll
    audience: str
    asked: int
    answered: int

    @property
    def rate(self) -> int:
        """The share of those asked who answered, in percent."""
        return round(100 * self.answered / self.asked) if self.asked else 0


async def audience_text(request: web.Request, poll: Poll, asked: int) -> str:
    """Who was asked, in words: the group's or the topic's name, or the chosen members."""
    store = request.app[SERVICES].store
    tools = page_tools(request)
    if poll.audience_kind == "group" and poll.audience_ref:
        group = await store.groups.get(poll.audience_ref)
        name = group.name if group else "–"
    elif poll.audience_kind == "topic" and poll.audience_ref:
        topic = await store.topics.get(poll.audience_ref)
        name = topic.name if topic else "–"
    else:
        return tools.t("dashboard.polls.chosen_members", count=asked)
    return f"{tools.t(f'polls.audience.{poll.audience_kind}')}: {name}"


async def poll_list(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    polls = await store.polls.recent()
    rates = await store.polls.answer_rates(p.id for p in polls)
    rows = []
    for poll in polls:
        asked, answered = rates.get(poll.id, (0, 0))
        rows.append(Row(poll, await audience_text(request, poll, asked), asked, answered))
    return render(request, "polls.html", rows=rows)


# one poll --------------------------------------------------------------------------------


async def _poll_page(
    request: web.Request, poll: Poll, problem: Problem | None = None, chosen: int | None = None
) -> web.Response:
    store = request.app[SERVICES].store
    tools = page_tools(request)
    answers = await store.polls.answers(poll.id)
    counts = poll_render.counts(poll, answers)
    waiting = await store.polls.not_answered(poll.id)
    names = await store.polls.names(waiting)
    asked = len(await store.polls.audience(poll.id))
    organiser = await store.members.get(poll.organiser_id or 0)
    event = await store.events.get(poll.event_id) if poll.event_id else None
    notice, _name = (None, "") if problem else await notice_of(request, NOTICES)
    values = form(request) if problem else {}
    best = counts[0].option.position if counts else None
    return render(
        request,
        "poll.html",
        status=400 if problem else 200,
        poll=poll,
        counts=counts,
        waiting=[names.get(m, "?") for m in waiting],
        asked=asked,
        answered=asked - len(waiting),
        audience=await audience_text(request, poll, asked),
        organiser=organiser.name if organiser else "–",
        event=event,
        chosen_option=next((o for o in poll.options if o.position == poll.chosen_option), None),
        option_text=lambda option: poll_render.option_text(option, tools.lang, tools.zone),
        score=lambda value: f"{value:g}".replace(".", "," if tools.lang == "de" else "."),
        picked=best if chosen is None else chosen,
        where=values.get("where", ""),
        capacity=values.get("capacity", ""),
        problem=problem,
        notice=notice,
    )


async def poll_page(request: web.Request) -> web.Response:
    return await _poll_page(request, await poll_of(request))


async def end_poll(request: web.Request) -> web.Response:
    """Stop the voting (as the organiser's button in the chat or the deadline does)."""
    poll = await poll_of(request)
    if poll.is_open:
        await poll_service(request).end(poll.id)
        await tell(request, "ended")
    return see_other(f"/admin/polls/{poll.id}")


async def close_poll(request: web.Request) -> web.Response:
    """The chosen date becomes an event through :meth:`PollService.close`, as the chat's
    closing form does; a poll closed already is refused, so it makes one event."""
    poll = await poll_of(request)
    data = form(request)
    position = number(str(data.get("option", "")), 0, len(poll.options) - 1)
    try:
        if poll.state == "closed":
            raise Invalid("polls.already_closed")
        if position is None:
            raise Invalid("dashboard.polls.pick_date", {})
        typed = str(data.get("capacity", "")).strip()
        capacity = read_capacity(typed) if typed else None
        where = str(data.get("where", ""))
        await poll_service(request).close(poll, position, where, capacity)
    except Invalid as refused:
        problem = problem_of(page_tools(request), refused, POLL_CLOSE_FIELDS, None)
        fresh = await request.app[SERVICES].store.polls.get(poll.id)
        return await _poll_page(request, fresh or poll, problem, position)
    await tell(request, "closed")
    return see_other(f"/admin/polls/{poll.id}")


# a new poll ------------------------------------------------------------------------------


async def _form_page(
    request: web.Request, values: PollValues, problem: Problem | None = None
) -> web.Response:
    store = request.app[SERVICES].store
    shown = examples()
    return render(
        request,
        "poll_form.html",
        status=400 if problem else 200,
        values=values,
        problem=problem,
        kinds=AUDIENCE_KINDS,
        visibilities=VISIBILITIES,
        groups=await store.groups.list(),
        topics=await store.topics.list(),
        example_dates=f"{shown['ex_datetime']}, {shown['ex_morning']}",
        example_moment=shown["ex_datetime"],
        max_options=MAX_OPTIONS,
        zone=page_tools(request).zone.key,
    )


async def new_poll_form(request: web.Request) -> web.Response:
    return await _form_page(request, PollValues())


async def create_poll(request: web.Request) -> web.Response:
    values = PollValues.from_post(form(request))
    tools = page_tools(request)
    try:
        ctx = chat_context(request)
        data = await read_poll(ctx, values)
        poll, _asked = await start_poll(ctx, data, poll_service(request))
    except Refused as refused:
        problem = Problem(tools.t(refused.refusal.key, **refused.refusal.params), refused.field)
        return await _form_page(request, values, problem)
    except Invalid as refused:
        return await _form_page(request, values, problem_of(tools, refused, POLL_FIELDS, None))
    await tell(request, "created")
    return see_other(f"/admin/polls/{poll.id}")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/polls", poll_list)
    router.add_get("/polls/new", new_poll_form)
    router.add_post("/polls/new", once(create_poll))
    router.add_get("/polls/{poll_id}", poll_page)
    router.add_post("/polls/{poll_id}/end", once(end_poll))
    router.add_post("/polls/{poll_id}/close", once(close_poll))
