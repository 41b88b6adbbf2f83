"""Posting a working-group update with ``/update`` (``/neuigkeit``).

In a private chat it is a declared form (:data:`FORM`): the group (only the sender's
groups; admins may post to any), the text, a preview as the members will see it, then
posting on confirmation; on Slack it opens as a modal. In a
chat bound to a group, ``/update TEXT`` posts to that group at once and is not sent to that
chat again through the outbox. Where the chat sees the command message itself (Telegram
groups, a mention in a Slack channel) the answer only confirms, so the update does not show
twice; a Slack slash command is invisible to the channel, so there the answer is the update.
"""

from __future__ import annotations

from pydantic import BaseModel

from bot import markup
from bot.context import Context
from bot.forms import Choice, Draft, Field, Form, Kind
from bot.i18n import tn
from bot.models import ChatKind, Outgoing
from bot.router import Router
from handlers.groups import render
from handlers.groups.chat import service
from handlers.groups.service import MAX_UPDATE, Fanout, GroupService
from handlers.validation import Invalid
from storage.db import utcnow
from storage.group_posts import Post
from storage.groups import Group
from storage.members import Member


class Update(BaseModel):
    group: str  # the group's id, as its choice
    text: str


async def postable_groups(ctx: Context) -> list[Group]:
    """The sender's active groups; an admin may post to every active group."""
    groups = await ctx.store.groups.list()
    if ctx.is_admin or ctx.member is None:
        return groups if ctx.is_admin else []
    mine = await ctx.store.groups.memberships_of(ctx.member.id)
    return [g for g in groups if g.id in mine]


def _draft(ctx: Context, group: Group, body: str) -> Post:
    author = _author(ctx)
    return Post(
        id=0,
        group_id=group.id,
        author_id=author.id,
        author_name=author.name,
        author_company=author.company,
        body=body,
        origin=None,
        created_at=utcnow(),
        withdrawn=False,
    )


def _author(ctx: Context) -> Member:
    if ctx.member is None:  # the form is for members; a deleted one is told so
        raise Invalid("error.not_registered")
    return ctx.member


async def _groups(ctx: Context, draft: Draft) -> list[Choice]:
    return [Choice(str(g.id), g.name) for g in await postable_groups(ctx)]


async def _group(ctx: Context, draft: Draft) -> Group:
    return await service(ctx).get_active(int(draft.raw["group"]))


async def _group_name(ctx: Context, draft: Draft) -> dict[str, object]:
    name = (await _group(ctx, draft)).name if draft.raw.get("group") else ""
    return {"group": name, "max": MAX_UPDATE}


async def _preview(ctx: Context, draft: Draft, listing: str) -> list[Outgoing]:
    """The update as the group's members will get it."""
    group = await _group(ctx, draft)
    message = render.update_message(ctx.lang, group, _draft(ctx, group, draft.raw["text"]))
    text = f"{markup.escape(message.title or '')}\n\n{message.text}\n\n"
    hint = markup.escape(ctx.t("groups.preview_hint"))
    title = ctx.t("groups.preview_title", group=group.name)
    return [Outgoing(title=title, text=text + hint, markup=True)]


async def _posted(ctx: Context, group: Group, fanout: Fanout) -> Outgoing:
    """Who got the update now, who sees it later (weekly digest, muted), and when nobody
    else is in the group yet, that: never "an 0 Mitglieder und 0 verbundene Chats"."""
    author_id = ctx.member.id if ctx.member else None
    later = len(
        [m for m in await ctx.store.groups.member_ids(group.id, ("digest", "muted"))
         if m != author_id]
    )  # fmt: skip
    reached = []
    if fanout.members:
        reached.append(tn(ctx.lang, "groups.sent_members", fanout.members))
    if fanout.chats:
        reached.append(tn(ctx.lang, "groups.sent_chats", fanout.chats))
    if reached:
        text = ctx.t("groups.posted", recipients=f" {ctx.t('groups.and')} ".join(reached))
    elif later:
        text = ctx.t("groups.posted_saved")
    else:
        text = ctx.t("groups.posted_alone", group=group.name)
    if later:
        text += " " + tn(ctx.lang, "groups.posted_later", later)
    withdraw = ctx.button("groups.btn_withdraw_mine", render.WITHDRAW, str(fanout.post.id))
    return Outgoing(text=text, buttons=[[withdraw]])


async def _post(ctx: Context, data: Update) -> Outgoing:
    group = await service(ctx).get_active(int(data.group))
    fanout = await service(ctx).post_update(group, _author(ctx), data.text, admin=ctx.is_admin)
    return await _posted(ctx, group, fanout)


FORM = Form(
    name="groupupdate", action="f.gpost", model=Update, title="groups.form_title",
    finish=_post, preview=_preview, confirm="groups.btn_post", discard="groups.btn_discard",
    fields=[
        Field("group", Kind.CHOICE, "groups.update_ask_group", "groups.label.group",
              choices=_groups),
        Field("text", Kind.LONG_TEXT, "groups.update_ask_text", "groups.label.text",
              parse=lambda ctx, text, draft: GroupService.check_text(text),
              params=_group_name, max_length=MAX_UPDATE),
    ],
)  # fmt: skip


async def _post_in_chat(ctx: Context, text: str) -> Outgoing:
    """``/update TEXT`` in a chat bound to a group."""
    author = _author(ctx)
    binding = await ctx.store.bindings.group_of_chat(ctx.platform, ctx.incoming.chat_id)
    if binding is None:
        return ctx.reply("groups.chat_not_bound")
    if not text.strip():
        return ctx.reply("groups.update_usage_chat")
    groups = service(ctx)
    group = await groups.get_active(binding.target_id)
    fanout = await groups.post_update(
        group, author, text, admin=ctx.is_admin, origin=(ctx.platform, ctx.incoming.chat_id)
    )
    footer = ctx.t("groups.posted_chat", members=fanout.members, chats=fanout.chats)
    withdraw = [[ctx.button("groups.btn_withdraw_mine", render.WITHDRAW, str(fanout.post.id))]]
    if not ctx.incoming.direct:  # the chat shows the command with its text already
        posted = ctx.t("groups.posted_here", group=group.name)
        return Outgoing(text=f"{posted}\n{footer}", buttons=withdraw)
    shown = render.update_message(ctx.settings.language, group, fanout.post)
    return Outgoing(
        title=shown.title,
        text=f"{shown.text}\n\n{markup.escape(footer)}",
        markup=True,
        buttons=withdraw,
        for_everyone=True,  # the update itself: the channel it was posted in must see it
    )


def register(router: Router) -> None:
    @router.command("update", "neuigkeit", help_key="groups.help_update", in_groups=True, order=13)
    async def update(ctx: Context, args: str) -> Outgoing | list[Outgoing]:
        if ctx.incoming.chat_kind == ChatKind.GROUP:
            return await _post_in_chat(ctx, args)
        if not await postable_groups(ctx):
            return ctx.reply("groups.update_no_groups")
        if args.strip():  # the text given with the command: only the group is asked
            return await FORM.begin(ctx, {"text": service(ctx).check_text(args)}, edit=True)
        return await FORM.begin(ctx)

    FORM.install(router)
