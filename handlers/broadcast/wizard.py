"""The ``/rundschreiben`` (``/broadcast``) form: audience, text, when, preview, send.

Admins only, in a private chat (the router refuses groups and members). The audience is
everyone, a topic, a region, both, or a working group (offered while an active one exists);
the second field (which topic, region or group) is asked for the kind that needs it. Then
the text, and whether it goes out now, at a planned moment, or now as urgent (not held by
members' quiet hours; at night without sound). The preview is the message
exactly as members get it, then the exact number of recipients per platform. Sending
confirms the previewed number (the form remembers it): if the audience changed meanwhile,
nothing is sent and the admin sees the new number and confirms again.
"""

from __future__ import annotations

from datetime import datetime
from hashlib import sha1

from pydantic import BaseModel

from bot.arguments import record_id
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.models import Outgoing
from bot.router import Access, HandlerResult, Invalid, Router, Section
from handlers.broadcast import markup, render, status
from handlers.broadcast.sending import send_or_schedule, service
from handlers.broadcast.service import KINDS, MAX_TEXT, BroadcastService
from handlers.members.render import region_label
from handlers.names import find_topic
from storage.broadcasts import Audience

_STATUS = {"status", "stand", "liste", "list"}
_CANCEL = {"cancel", "abbrechen", "stopp", "stop"}


class Broadcast(BaseModel):
    kind: str
    topic: int | None = None
    region: str | None = None  # a region's name, or its token when the name is long
    group: int | None = None
    text: str
    when: str = "now"  # now, later, or urgent (now, also in members' quiet hours)
    send_at: datetime | None = None
    shown: int | None = None  # the count the preview showed


def region_token(name: str) -> str:
    """A region as a choice value: its name, or a short digest of a name too long for a
    button's data."""
    return name if len(name.encode()) <= 40 else "#" + sha1(name.encode()).hexdigest()[:12]


# the fields' choices and parsers ------------------------------------------------------


async def _kinds(ctx: Context, draft: Draft) -> list[Choice]:
    """A working group only while an active one exists."""
    has_groups = bool(await service(ctx).groups())
    return [Choice(k, key=f"broadcast.kind.{k}") for k in KINDS if k != "group" or has_groups]


async def _topics(ctx: Context, draft: Draft) -> list[Choice]:
    return [Choice(str(t.id), t.name) for t in await ctx.store.topics.list()]


async def _topic(ctx: Context, text: str, draft: Draft) -> int:
    topic = await find_topic(ctx.store, text)
    if topic is None or topic.archived:
        raise Invalid("topics.unknown", {"topic": text.strip()[:60]})
    return topic.id


async def _regions(ctx: Context, draft: Draft) -> list[Choice]:
    regions = await service(ctx).regions()
    return [Choice(region_token(r), region_label(ctx.lang, r)) for r in regions]


def _region(ctx: Context, text: str, draft: Draft) -> str:
    raise Invalid("broadcast.bad_region", {"region": text.strip()[:60]})


async def _groups(ctx: Context, draft: Draft) -> list[Choice]:
    return [Choice(str(g.id), g.name) for g in await service(ctx).groups()]


async def _group(ctx: Context, text: str, draft: Draft) -> int:
    return (await service(ctx).group(text)).id


async def _group_gone(ctx: Context, value: str, draft: Draft) -> None:
    group = await ctx.store.groups.get(record_id(value) or 0)
    if group is not None and not group.active:
        raise Invalid("broadcast.group_archived", {"group": group.name})


def _text(ctx: Context, text: str, draft: Draft) -> str:
    return BroadcastService.check_text(text)


def _send_at(ctx: Context, text: str, draft: Draft) -> datetime:
    return service(ctx).read_send_at(text, ctx.zone)


async def _text_params(ctx: Context, draft: Draft) -> dict[str, object]:
    """The audience so far; in a modal, whatever is chosen above it."""
    if "kind" not in draft:
        label = ctx.t("broadcast.audience.above")
    else:
        label = await service(ctx).describe(ctx.lang, await _audience(ctx, draft))
    return {"audience": label, "max": render.number(ctx.lang, MAX_TEXT)}


async def _region_name(ctx: Context, token: str | None) -> str | None:
    regions = await service(ctx).regions()
    return next((r for r in regions if region_token(r) == token), token)


async def _audience(ctx: Context, draft: Draft) -> Audience:
    """The audience of the answers so far, unchecked (for the prompts and the preview):
    only those that apply to the kind (a group chosen before the kind changed does not)."""
    given = {f.name: draft.get(f.name) for f in FIELDS if f.applies(draft)}
    region = await _region_name(ctx, given.get("region"))
    return Audience(topic_id=given.get("topic"), region=region, group_id=given.get("group"))


# preview and finish --------------------------------------------------------------------


async def _sample(ctx: Context, draft: Draft) -> list[Outgoing]:
    """The message as members will see it."""
    return [service(ctx).message_for(draft["text"])(ctx.lang)]


async def _preview(ctx: Context, draft: Draft, listing: str) -> str:
    """The exact count per platform (remembered: sending confirms it), markup that stays
    literal, and when it goes out."""
    svc = service(ctx)
    audience = await _audience(ctx, draft)
    found = await svc.preview(audience)
    await FORM.remember(ctx, "shown", found.total)
    label = await svc.describe(ctx.lang, audience)
    if found.total:
        count = render.number(ctx.lang, found.total)
        platforms = render.platform_counts(ctx.lang, found.by_platform)
        lines = [ctx.t("broadcast.preview_count", count=count, audience=label, platforms=platforms)]
    else:
        lines = [ctx.t("broadcast.preview_nobody", audience=label)]
    literal = markup.literal_markers(draft["text"])
    if literal:
        lines.append(ctx.t("broadcast.literal_hint", markers=" ".join(literal)))
    if draft.raw.get("when") == "later" and draft.raw.get("send_at"):
        lines.append(ctx.t("broadcast.preview_at", when=ctx.format_datetime(draft["send_at"])))
    if draft.raw.get("when") == "urgent":
        lines.append(ctx.t("broadcast.preview_urgent"))
    return "\n\n".join(lines)


async def _finish(ctx: Context, data: Broadcast) -> HandlerResult:
    svc = service(ctx)
    region = await _region_name(ctx, data.region)
    audience = await svc.chosen_audience(data.kind, data.topic, region, data.group)
    status = [[ctx.button("broadcast.btn_status", "bc.status")]]
    return await send_or_schedule(ctx, FORM, audience, data, status, urgent=data.when == "urgent")


def _confirm(draft: Draft) -> str:
    return "broadcast.btn_schedule" if draft.raw.get("when") == "later" else "broadcast.btn_send"


FIELDS = [
    Field("kind", Kind.CHOICE, "broadcast.ask_audience", "broadcast.label.kind",
          choices=_kinds),
    Field("topic", Kind.CHOICE, "broadcast.ask_topic", "broadcast.label.topic",
          choices=_topics, parse=_topic, empty="broadcast.no_topics",
          when=lambda d: d.raw.get("kind") in ("topic", "both")),
    Field("region", Kind.CHOICE, "broadcast.ask_region", "broadcast.label.region",
          choices=_regions, parse=_region,
          when=lambda d: d.raw.get("kind") in ("region", "both")),
    Field("group", Kind.CHOICE, "broadcast.ask_group", "broadcast.label.group",
          choices=_groups, parse=_group, empty="broadcast.no_groups", gone=_group_gone,
          when=lambda d: d.raw.get("kind") == "group"),
    Field("text", Kind.LONG_TEXT, "broadcast.ask_text", "broadcast.label.text",
          parse=_text, params=_text_params, max_length=MAX_TEXT, hint="broadcast.hint_text"),
    Field("when", Kind.CHOICE, "broadcast.ask_send", "broadcast.label.when",
          choices=[Choice("now", key="broadcast.when.now"),
                   Choice("later", key="broadcast.when.later"),
                   Choice("urgent", key="broadcast.when.urgent")], columns=2),
    Field("send_at", Kind.DATETIME, "broadcast.ask_when", "broadcast.label.send_at",
          parse=_send_at, params=lambda ctx, d: {"zone": str(ctx.zone)},
          when=lambda d: d.raw.get("when") == "later"),
]  # fmt: skip
FORM: Form[Broadcast] = Form(
    name="broadcast",
    action="f.bc",
    model=Broadcast,
    title="broadcast.form_title",
    finish=_finish,
    access=Access.ADMIN,
    fields=FIELDS,
    sample=_sample,
    preview=_preview,
    confirm=_confirm,
    discard="broadcast.btn_cancel",
    stale="broadcast.wizard_stale",
)


async def start(ctx: Context, args: str) -> list[Outgoing]:
    """``/rundschreiben`` starts the form; ``status`` and ``abbrechen NR`` as sub-commands."""
    word, _, rest = args.strip().partition(" ")
    if word.casefold() in _STATUS:
        return [await status.overview(ctx)]
    if word.casefold() in _CANCEL and rest.strip():
        return [await status.cancel_now(ctx, rest.strip())]
    if word:
        return [ctx.reply("broadcast.usage")]
    intro = [] if ctx.incoming.form_trigger else [ctx.reply("broadcast.intro")]  # a modal
    return [*intro, *await FORM.begin(ctx)]


def register(router: Router) -> None:
    router.command(
        "broadcast",
        "rundschreiben",
        access=Access.ADMIN,
        help_key="broadcast.help",
        order=70,
        section=Section.PEOPLE,
    )(start)
    FORM.install(router)
