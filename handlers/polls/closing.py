"""The organiser picks a date; a short form asks the place and the seats, and the poll
becomes an event in one step (:meth:`PollService.close`)."""

from __future__ import annotations

from pydantic import BaseModel

from bot.context import Context, MemberContext
from bot.forms import Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Router
from handlers.events.inputs import read_capacity, read_place
from handlers.polls import buttons, render
from handlers.polls.service import PollService
from handlers.validation import Invalid


class CloseAnswers(BaseModel):
    poll_id: int
    option: int
    where: str | None = None
    capacity: int | None = None


def _service(ctx: Context) -> PollService:
    return PollService(ctx.store, ctx.notifier, ctx.settings, ctx.actor)


def _where(ctx: Context, text: str, draft: Draft) -> str:
    location, url = read_place(text)
    return url or location


async def _preview(ctx: Context, draft: Draft, listing: str) -> str:
    poll = await ctx.store.polls.get(int(draft.raw["poll_id"]))
    if poll is None:
        raise Invalid("polls.gone")
    option = next(o for o in poll.options if o.position == int(draft.raw["option"]))
    date = render.option_text(option, ctx.lang, ctx.zone)
    lines = [f"{ctx.t(f.label)}: {await f.shown(ctx, draft)}" for f in FORM.fields]
    return ctx.t("polls.close_preview", title=poll.title, date=date, listing="\n".join(lines))


async def _close(ctx: MemberContext, data: CloseAnswers) -> Outgoing:
    svc = _service(ctx)
    poll = await svc.check_organiser(data.poll_id, ctx.member, ctx.is_admin)
    done = await svc.close(poll, data.option, data.where, data.capacity)
    return ctx.reply(
        "polls.created", title=done.event.title, id=done.event.id, yes=done.yes, maybe=done.maybe
    )


FORM: Form[CloseAnswers] = Form(
    name="datepoll_close",
    action="f.pollc",
    model=CloseAnswers,
    title="polls.close_title",
    finish=_close,
    preview=_preview,
    confirm="polls.btn_create",
    discard="polls.btn_discard",
    fields=[
        Field("where", Kind.TEXT, "polls.ask_where", "polls.label_where", parse=_where,
              optional=True),
        Field("capacity", Kind.NUMBER, "polls.ask_capacity", "polls.label_capacity",
              parse=lambda ctx, text, draft: read_capacity(text), optional=True),
    ],
)  # fmt: skip


def register(router: Router) -> None:
    FORM.install(router)

    @router.action(buttons.Pick)
    async def pick(ctx: MemberContext, pressed: buttons.Pick) -> list[Outgoing]:
        poll = await _service(ctx).check_organiser(pressed.poll_id, ctx.member, ctx.is_admin)
        if pressed.option >= len(poll.options):
            raise Invalid("error.stale_button")
        return await FORM.begin(ctx, {"poll_id": poll.id, "option": pressed.option})
