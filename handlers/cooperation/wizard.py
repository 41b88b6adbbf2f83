"""The ``/gesuch`` (``/request``) wizard: kind, title, description, tags (typed or from
suggestion buttons), region scope, expiry, preview, post. Each step checks its answer;
a bad one gets a clear message and the step repeats. State lives in the conversation, so
a restart resumes at the same step."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.arguments import number
from bot.calendar.parse import parse_day
from bot.context import Context
from bot.models import Button, Outgoing
from bot.router import Router
from handlers import validation
from handlers.cooperation import render
from handlers.cooperation.service import (
    EXPIRY_CHOICES,
    MAX_DESCRIPTION,
    MAX_TITLE,
    CooperationService,
    Draft,
)
from handlers.members.render import OTHER_REGION, region_label
from handlers.validation import Invalid
from storage.cooperation import KINDS

FLOW = "cooperation"
SCOPES = ("region", "network")
_POST = {"ja", "yes", "veröffentlichen", "post", "senden", "send"}


def service(ctx: Context) -> CooperationService:
    return CooperationService(ctx.store, ctx.notifier, ctx.settings)


def _data(ctx: Context) -> dict[str, Any]:
    return dict(ctx.conversation.data) if ctx.conversation else {}


def _in_step(ctx: Context, *steps: str) -> bool:
    c = ctx.conversation
    return c is not None and c.flow == FLOW and c.step in steps


def _draft(ctx: Context, data: dict[str, Any]) -> Draft:
    assert ctx.member is not None
    return Draft(
        kind=data["kind"],
        title=data["title"],
        description=data["description"],
        tags=list(data["tags"]),
        region=ctx.member.region if data.get("scope") == "region" else None,
        expires_at=datetime.fromisoformat(data["expires_at"]),
    )


async def _go(ctx: Context, step: str, **values: Any) -> list[Outgoing]:
    await ctx.set_conversation(FLOW, step, {**_data(ctx), **values})
    return await prompt(ctx, step)


async def prompt(ctx: Context, step: str) -> list[Outgoing]:
    """The question of a step, with its buttons."""
    assert ctx.member is not None
    data = _data(ctx)
    if step == "kind":
        rows = [[ctx.button(f"cooperation.kind_button.{k}", "coop.kind", k)] for k in KINDS]
        return [ctx.reply("cooperation.ask_kind", buttons=rows)]
    if step == "title":
        return [ctx.reply("cooperation.ask_title", max=MAX_TITLE)]
    if step == "description":
        return [ctx.reply("cooperation.ask_description", max=MAX_DESCRIPTION)]
    if step == "tags":
        return [_tags_prompt(ctx, data)]
    if step == "scope":
        region = region_label(ctx.lang, ctx.member.region)
        rows = [
            [ctx.button("cooperation.scope.region", "coop.scope", "region", region=region)],
            [ctx.button("cooperation.scope.network", "coop.scope", "network")],
        ]
        return [ctx.reply("cooperation.ask_scope", buttons=rows)]
    if step == "expiry":
        svc = service(ctx)
        rows = [
            [ctx.button(f"cooperation.expiry.{c}", "coop.expiry", c, date=_day(ctx, svc, c))]
            for c in EXPIRY_CHOICES
        ]
        return [ctx.reply("cooperation.ask_expiry", buttons=rows)]
    draft = _draft(ctx, data)
    ask = ctx.reply(
        "cooperation.preview_ask",
        buttons=[
            [
                ctx.button("cooperation.btn_post", "coop.go", "post"),
                ctx.button("cooperation.btn_cancel", "coop.go", "cancel"),
            ]
        ],
    )
    return [ctx.reply("cooperation.preview_intro"), render.preview(ctx.lang, ctx.zone, draft), ask]


def _day(ctx: Context, svc: CooperationService, choice: str) -> str:
    return ctx.format_date(svc.expiry_after(choice))


def _tags_prompt(ctx: Context, data: dict[str, Any]) -> Outgoing:
    chosen = list(data.get("tags", []))
    taken = {tag.casefold() for tag in chosen}
    # every suggestion keeps its place (✅ = chosen, tap again to drop it), so a button's
    # number or position means the same thing after each tap
    offered = [
        Button(
            label=("✅ " if name.casefold() in taken else "▫️ ") + name[:60],
            action="coop.tag",
            arg=str(index),
        )
        for index, name in enumerate(data.get("suggestions", []))
    ]
    rows = [offered[i : i + 2] for i in range(0, len(offered), 2)]
    text = ctx.t("cooperation.ask_tags")
    if chosen:
        text += "\n\n" + ctx.t("cooperation.tags_chosen", tags=", ".join(chosen))
        rows.append([ctx.button("cooperation.tags_done", "coop.tags_done")])
    return Outgoing(text=text, buttons=rows)


async def _after_tags(ctx: Context, tags: list[str]) -> list[Outgoing]:
    assert ctx.member is not None
    if ctx.member.region == OTHER_REGION:  # no region to keep it to
        return await _go(ctx, "expiry", tags=tags, scope="network")
    return await _go(ctx, "scope", tags=tags)


async def _post(ctx: Context) -> list[Outgoing]:
    assert ctx.member is not None
    try:
        posted = await service(ctx).post(ctx.member, _draft(ctx, _data(ctx)), ctx.actor)
    except Invalid as problem:
        return [problem.reply(ctx), *await prompt(ctx, "preview")]
    await ctx.end_conversation()
    if posted.notified == 0:
        notified = ctx.t("cooperation.notified_none")
    elif posted.notified == 1:
        notified = ctx.t("cooperation.notified_one")
    else:
        notified = ctx.t("cooperation.notified_many", count=posted.notified)
    return [ctx.reply("cooperation.posted", id=posted.request.id, notified=notified)]


async def answer(ctx: Context, text: str) -> list[Outgoing]:
    """Typed answers at each step."""
    assert ctx.conversation is not None
    step, value = ctx.conversation.step, text.strip()
    data = _data(ctx)
    svc = service(ctx)
    try:
        if step == "kind":
            labels = [ctx.t(f"cooperation.kind_button.{k}") for k in KINDS]
            choice = validation.match_choice(value, labels)
            if choice is None:
                return await prompt(ctx, step)
            return await _go(ctx, "title", kind=KINDS[labels.index(choice)])
        if step == "title":
            return await _go(ctx, "description", title=svc.check_title(text))
        if step == "description":
            checked = svc.check_description(text)
            return await _go(ctx, "tags", description=checked, suggestions=await svc.suggestions())
        if step == "tags":
            return await _after_tags(ctx, svc.check_tags(text, data.get("tags", [])))
        if step == "scope":
            assert ctx.member is not None
            region = region_label(ctx.lang, ctx.member.region)
            labels = [
                ctx.t("cooperation.scope.region", region=region),
                ctx.t("cooperation.scope.network"),
            ]
            choice = validation.match_choice(value, labels)
            if choice is None:
                return await prompt(ctx, step)
            return await _go(ctx, "expiry", scope=SCOPES[labels.index(choice)])
        if step == "expiry":
            return await _choose_expiry(ctx, svc, value)
    except Invalid as problem:
        return [problem.reply(ctx), *await prompt(ctx, step)]
    if value.casefold() in _POST:
        return await _post(ctx)
    return await prompt(ctx, "preview")


async def _choose_expiry(ctx: Context, svc: CooperationService, value: str) -> list[Outgoing]:
    """A preset by its label or number, or a date."""
    labels = [ctx.t(f"cooperation.expiry.{c}", date=_day(ctx, svc, c)) for c in EXPIRY_CHOICES]
    choice = validation.match_choice(value, labels)
    if choice is not None:
        when = svc.expiry_after(list(EXPIRY_CHOICES)[labels.index(choice)])
    else:
        day = parse_day(value)
        if day is None:
            raise svc.expiry_problem()
        when = svc.check_expiry(svc.end_of_day(day))
    return await _go(ctx, "preview", expires_at=when.isoformat())


async def start(ctx: Context, args: str = "") -> list[Outgoing]:
    await ctx.set_conversation(FLOW, "kind", {})
    return [ctx.reply("cooperation.intro"), *await prompt(ctx, "kind")]


def register(router: Router) -> None:
    router.command("request", "gesuch", help_key="cooperation.help_request", order=26)(start)
    router.flow(FLOW)(answer)

    @router.action("coop.new")
    async def new_button(ctx: Context, arg: str) -> list[Outgoing]:
        return await start(ctx)

    @router.action("coop.kind")
    async def kind_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "kind") or arg not in KINDS:
            return [ctx.reply("cooperation.wizard_stale")]
        return await _go(ctx, "title", kind=arg)

    @router.action("coop.tag")
    async def tag_button(ctx: Context, arg: str) -> list[Outgoing]:
        suggestions = _data(ctx).get("suggestions", [])
        index = number(arg, 0, len(suggestions) - 1)
        if not _in_step(ctx, "tags") or index is None:
            return [ctx.reply("cooperation.wizard_stale")]
        chosen = list(_data(ctx).get("tags", []))
        tapped = suggestions[index].casefold()
        if any(tag.casefold() == tapped for tag in chosen):  # chosen before: drop it
            return await _go(ctx, "tags", tags=[t for t in chosen if t.casefold() != tapped])
        try:
            tags = service(ctx).check_tags(suggestions[index], chosen)
        except Invalid as problem:
            return [problem.reply(ctx), *await prompt(ctx, "tags")]
        return await _go(ctx, "tags", tags=tags)

    @router.action("coop.tags_done")
    async def tags_done(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "tags"):
            return [ctx.reply("cooperation.wizard_stale")]
        tags = list(_data(ctx).get("tags", []))
        if not tags:
            return [ctx.reply("cooperation.tags_needed"), *await prompt(ctx, "tags")]
        return await _after_tags(ctx, tags)

    @router.action("coop.scope")
    async def scope_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "scope") or arg not in SCOPES:
            return [ctx.reply("cooperation.wizard_stale")]
        return await _go(ctx, "expiry", scope=arg)

    @router.action("coop.expiry")
    async def expiry_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "expiry") or arg not in EXPIRY_CHOICES:
            return [ctx.reply("cooperation.wizard_stale")]
        return await _go(ctx, "preview", expires_at=service(ctx).expiry_after(arg).isoformat())

    @router.action("coop.go")
    async def preview_button(ctx: Context, arg: str) -> list[Outgoing]:
        if not _in_step(ctx, "preview"):
            return [ctx.reply("cooperation.wizard_stale")]
        if arg == "post":
            return await _post(ctx)
        await ctx.end_conversation()
        return [ctx.reply("cancel.done")]
