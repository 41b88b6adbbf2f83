"""The ``/gesuch`` (``/request``) form: kind, title, description, keywords (typed or ticked
from suggestions), for whom (the member's region or the whole network), how long it stays
open, then the request as matching members will see it, to post, change or discard.

The fields are declared once (:data:`FORM`); the form kernel asks them in a chat and shows
them as one modal on Slack. The service checks every field with the same rules again when
the request is posted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from bot.arguments import record_id
from bot.calendar.parse import parse_day
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import CALLBACK_LIMIT, Outgoing
from bot.router import Router
from handlers.cooperation import render
from handlers.cooperation.service import (
    DEFAULT_EXPIRY,
    EXPIRY_CHOICES,
    MAX_DESCRIPTION,
    MAX_TITLE,
    CooperationService,
)
from handlers.cooperation.service import Draft as Request
from handlers.members.render import OTHER_REGION, region_label
from handlers.validation import Invalid
from storage.cooperation import KINDS
from storage.members import Member

ACTION = "f.coop"


class RequestForm(BaseModel):
    kind: str
    title: str
    description: str
    tags: list[str]
    scope: str | None = None  # "region"; anything else is the whole network
    expiry: str = DEFAULT_EXPIRY  # a preset (``6w``) or the ISO end of a chosen day
    regional: bool = False  # not asked: whether the author has a region to keep it to
    process: str | None = None  # a vocabulary entry's id
    certification: str | None = None
    faceted: bool = False  # not asked: whether any member has a process or certification


def service(ctx: Context) -> CooperationService:
    return CooperationService(ctx.store, ctx.notifier, ctx.settings)


def _author(ctx: Context) -> Member:
    if ctx.member is None:  # the form is for members; a deleted one is told so
        raise Invalid("error.not_registered")
    return ctx.member


def _until(ctx: Context, expiry: str) -> datetime:
    if expiry in EXPIRY_CHOICES:
        return service(ctx).expiry_after(expiry)
    return datetime.fromisoformat(expiry)


def _read_expiry(ctx: Context, text: str, draft: Draft) -> str:
    """A typed date (a preset is picked by its label or number before this)."""
    svc = service(ctx)
    day = parse_day(text)
    if day is None:
        raise svc.expiry_problem()
    return svc.check_expiry(svc.end_of_day(day)).isoformat()


async def _expiries(ctx: Context, draft: Draft) -> list[Choice]:
    svc = service(ctx)
    return [
        Choice(c, ctx.t(f"cooperation.expiry.{c}", date=ctx.format_date(svc.expiry_after(c))))
        for c in EXPIRY_CHOICES
    ]


async def _scopes(ctx: Context, draft: Draft) -> list[Choice]:
    region = region_label(ctx.lang, _author(ctx).region)
    return [
        Choice("region", ctx.t("cooperation.scope.region", region=region)),
        Choice("network", key="cooperation.scope.network"),
    ]


async def _suggestions(ctx: Context, draft: Draft) -> list[Choice]:
    """Topic channels and frequent competencies, then keywords typed before (to untick
    them); each keeps its place, so a number typed means the same after every tap."""
    room = CALLBACK_LIMIT - len(f"{ACTION}|9:".encode())
    names = await service(ctx).suggestions()
    taken = {name.casefold() for name in names}
    names += [tag for tag in draft.raw.get("tags") or [] if tag.casefold() not in taken]
    return [Choice(name, name) for name in names if len(name.encode()) <= room]


async def _read_tags(ctx: Context, text: str, draft: Draft) -> list[str]:
    """Typed keywords added to the ticked ones; a suggestion typed in another case is that
    suggestion, so its button shows it ticked."""
    tags = service(ctx).check_tags(text, list(draft.raw.get("tags") or []))
    spelled = {c.value.casefold(): c.value for c in await _suggestions(ctx, draft)}
    return [spelled.get(tag.casefold(), tag) for tag in tags]


def _chosen_tags(ctx: Context, draft: Draft) -> dict[str, object]:
    tags = ", ".join(draft.raw.get("tags") or [])
    return {"chosen": "\n\n" + ctx.t("cooperation.tags_chosen", tags=tags) if tags else ""}


FACET_FIELDS = ("process", "certification")  # asked only when some member has one


def _facet_choices(facet: str):  # type: ignore[no-untyped-def]
    async def choices(ctx: Context, draft: Draft) -> list[Choice]:
        """The facet's entries that members chose, most chosen first."""
        return [
            Choice(str(e.id), e.label)
            for e in await ctx.store.facets.entries(facet, proposed=False)
            if e.members
        ][:24]

    return choices


def _request(ctx: Context, data: RequestForm) -> Request:
    author = _author(ctx)
    picked = [record_id(v) for v in (data.process, data.certification) if v]
    facets = tuple(v for v in picked if v is not None)
    return Request(
        kind=data.kind,
        title=data.title,
        description=data.description,
        tags=data.tags,
        region=author.region if data.scope == "region" else None,
        expires_at=_until(ctx, data.expiry),
        facets=facets,
    )


async def _preview(ctx: Context, draft: Draft, listing: str) -> list[Outgoing]:
    """The request as matching members will see it."""
    data = RequestForm.model_validate({k: v for k, v in draft.raw.items() if v is not None})
    card = render.preview(ctx.lang, ctx.zone, _request(ctx, data))
    return [ctx.reply("cooperation.preview_intro"), card, ctx.reply("cooperation.preview_ask")]


async def _post(ctx: Context, data: RequestForm) -> Outgoing:
    posted = await service(ctx).post(_author(ctx), _request(ctx, data), ctx.actor)
    told = {0: "notified_none", 1: "notified_one"}.get(posted.notified, "notified_many")
    notified = ctx.t(f"cooperation.{told}", count=posted.notified)
    return ctx.reply("cooperation.posted", id=posted.request.id, notified=notified)


def _asked(name: str, kind: Kind, **options: Any) -> Field:
    """A field whose catalog keys follow its name: ``cooperation.ask_…``, ``….label.…``."""
    return Field(name, kind, f"cooperation.ask_{name}", f"cooperation.label.{name}", **options)


_KINDS = [Choice(k, key=f"cooperation.kind_button.{k}") for k in KINDS]
FORM = Form(
    name="cooperation", action=ACTION, model=RequestForm, title="cooperation.form_title",
    finish=_post, preview=_preview, confirm="cooperation.btn_post",
    discard="cooperation.btn_cancel",
    fields=[
        _asked("kind", Kind.CHOICE, choices=_KINDS),
        _asked("title", Kind.TEXT, max_length=MAX_TITLE,
               parse=lambda ctx, text, draft: CooperationService.check_title(text),
               params=lambda ctx, draft: {"max": MAX_TITLE}),
        _asked("description", Kind.LONG_TEXT, max_length=MAX_DESCRIPTION,
               parse=lambda ctx, text, draft: CooperationService.check_description(text),
               params=lambda ctx, draft: {"max": MAX_DESCRIPTION}),
        _asked("tags", Kind.MULTI, parse=_read_tags, choices=_suggestions, params=_chosen_tags,
               columns=2),
        _asked("scope", Kind.CHOICE, choices=_scopes,
               when=lambda draft: bool(draft.raw.get("regional"))),
        _asked("expiry", Kind.CHOICE, parse=_read_expiry, choices=_expiries,
               show=lambda ctx, value, draft: ctx.format_date(_until(ctx, value))),
        _asked("process", Kind.CHOICE, choices=_facet_choices("process"), optional=True,
               when=lambda draft: bool(draft.raw.get("faceted"))),
        _asked("certification", Kind.CHOICE, choices=_facet_choices("certification"),
               optional=True, when=lambda draft: bool(draft.raw.get("faceted"))),
    ],
)  # fmt: skip


async def start(ctx: Context, args: str = "") -> list[Outgoing]:
    """The form, after what a request is for (in a chat; a modal says it in its fields)."""
    offered = [await _facet_choices(f)(ctx, Draft(RequestForm, {})) for f in FACET_FIELDS]
    faceted = any(offered)
    initial = {"regional": _author(ctx).region != OTHER_REGION, "faceted": faceted}
    begun = await FORM.begin(ctx, initial)
    return begun if ctx.incoming.form_trigger else [ctx.reply("cooperation.intro"), *begun]


def register(router: Router) -> None:
    router.command("request", "gesuch", help_key="cooperation.help_request", order=26)(start)
    router.action("coop.new")(start)
    FORM.install(router)
