"""Posting a working-group update with ``/update`` (``/neuigkeit``).

In a private chat it is a short conversation: the group (buttons, only the sender's
groups; admins may post to any), the text, a preview, then posting on confirmation. In a
chat bound to a group, ``/update TEXT`` posts to that group at once and is not sent to that
chat again through the outbox. Where the chat sees the command message itself (Telegram
groups, a mention in a Slack channel) the answer only confirms, so the update does not show
twice; a Slack slash command is invisible to the channel, so there the answer is the update.
"""

from __future__ import annotations

from bot import markup
from bot.context import Context
from bot.i18n import tn
from bot.models import Button, ChatKind, Outgoing
from bot.router import Router
from handlers import validation
from handlers.groups import render
from handlers.groups.chat import service
from handlers.groups.service import MAX_UPDATE, Fanout
from handlers.names import pick
from handlers.validation import Invalid
from storage.db import utcnow
from storage.group_posts import Post
from storage.groups import Group

FLOW = "groupupdate"
_YES = {"ja", "j", "yes", "y", "posten", "post", "senden", "send", "ok"}
_NO = {"nein", "n", "no", "verwerfen", "discard"}


async def postable_groups(ctx: Context) -> list[Group]:
    """The sender's active groups; an admin may post to every active group."""
    groups = await ctx.store.groups.list()
    if ctx.is_admin or ctx.member is None:
        return groups if ctx.is_admin else []
    mine = await ctx.store.groups.memberships_of(ctx.member.id)
    return [g for g in groups if g.id in mine]


async def _ask_group(ctx: Context) -> Outgoing:
    rows = [
        [Button(label=g.name, action=render.PICK, arg=str(g.id))]
        for g in await postable_groups(ctx)
    ]
    return ctx.reply("groups.update_ask_group", buttons=rows)


def _draft(ctx: Context, group: Group, body: str) -> Post:
    assert ctx.member is not None
    return Post(
        id=0,
        group_id=group.id,
        author_id=ctx.member.id,
        author_name=ctx.member.name,
        author_company=ctx.member.company,
        body=body,
        origin=None,
        created_at=utcnow(),
        withdrawn=False,
    )


async def _preview(ctx: Context, group: Group, body: str) -> Outgoing:
    message = render.update_message(ctx.lang, group, _draft(ctx, group, body))
    return Outgoing(
        title=ctx.t("groups.preview_title", group=group.name),
        text=f"{markup.escape(message.title or '')}\n\n{message.text}\n\n"
        f"{markup.escape(ctx.t('groups.preview_hint'))}",
        markup=True,
        buttons=[
            [
                ctx.button("groups.btn_post", render.CONFIRM, "yes"),
                ctx.button("groups.btn_discard", render.CONFIRM, "no"),
            ]
        ],
    )


async def _chosen(ctx: Context, group: Group) -> Outgoing:
    """A group was picked: ask for the text, or preview a text given with the command."""
    assert ctx.conversation is not None
    data = {**ctx.conversation.data, "group_id": group.id}
    if data.get("text"):
        await ctx.set_conversation(FLOW, "confirm", data)
        return await _preview(ctx, group, data["text"])
    await ctx.set_conversation(FLOW, "text", data)
    return ctx.reply("groups.update_ask_text", group=group.name, max=MAX_UPDATE)


async def _current_group(ctx: Context) -> Group:
    assert ctx.conversation is not None
    group_id = int(ctx.conversation.data.get("group_id", 0))
    return await service(ctx).get_active(group_id)


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


async def _post(ctx: Context) -> Outgoing | list[Outgoing]:
    assert ctx.conversation is not None and ctx.member is not None
    try:
        group = await _current_group(ctx)
        fanout = await service(ctx).post_update(
            group, ctx.member, ctx.conversation.data.get("text", ""), admin=ctx.is_admin
        )
    except Invalid as problem:
        await ctx.end_conversation()
        return problem.reply(ctx)
    await ctx.end_conversation()
    return await _posted(ctx, group, fanout)


async def _post_in_chat(ctx: Context, text: str) -> Outgoing:
    """``/update TEXT`` in a chat bound to a group."""
    assert ctx.member is not None
    binding = await ctx.store.bindings.group_of_chat(ctx.platform, ctx.incoming.chat_id)
    if binding is None:
        return ctx.reply("groups.chat_not_bound")
    if not text.strip():
        return ctx.reply("groups.update_usage_chat")
    groups = service(ctx)
    try:
        group = await groups.get_active(binding.target_id)
        fanout = await groups.post_update(
            group,
            ctx.member,
            text,
            admin=ctx.is_admin,
            origin=(ctx.platform, ctx.incoming.chat_id),
        )
    except Invalid as problem:
        return problem.reply(ctx)
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


async def answer(ctx: Context, text: str) -> Outgoing | list[Outgoing]:
    """Free text at each step; a bad answer is explained and the step repeats."""
    assert ctx.conversation is not None
    step, word = ctx.conversation.step, text.strip().casefold()
    if step == "group":
        groups = await postable_groups(ctx)
        names = [g.name for g in groups]
        choice = validation.match_choice(text, names)
        try:
            chosen = groups[names.index(choice)] if choice else pick(text, groups, "group")
        except Invalid as problem:
            return [problem.reply(ctx), await _ask_group(ctx)]
        if chosen is None:
            return await _ask_group(ctx)
        return await _chosen(ctx, chosen)
    try:
        group = await _current_group(ctx)
    except Invalid as problem:
        await ctx.end_conversation()
        return problem.reply(ctx)
    if step == "text":
        try:
            body = service(ctx).check_text(text)
        except Invalid as problem:
            ask = ctx.reply("groups.update_ask_text", group=group.name, max=MAX_UPDATE)
            return [problem.reply(ctx), ask]
        await ctx.set_conversation(FLOW, "confirm", {**ctx.conversation.data, "text": body})
        return await _preview(ctx, group, body)
    if word in _YES:
        return await _post(ctx)
    if word in _NO:
        await ctx.end_conversation()
        return ctx.reply("cancel.done")
    return await _preview(ctx, group, ctx.conversation.data.get("text", ""))


def _in_flow(ctx: Context, step: str) -> bool:
    c = ctx.conversation
    return c is not None and c.flow == FLOW and c.step == step


def register(router: Router) -> None:
    @router.command("update", "neuigkeit", help_key="groups.help_update", in_groups=True, order=13)
    async def update(ctx: Context, args: str) -> Outgoing | list[Outgoing]:
        if ctx.incoming.chat_kind == ChatKind.GROUP:
            return await _post_in_chat(ctx, args)
        if not await postable_groups(ctx):
            return ctx.reply("groups.update_no_groups")
        data: dict[str, object] = {}
        if args.strip():
            try:
                data["text"] = service(ctx).check_text(args)
            except Invalid as problem:
                return problem.reply(ctx)
        await ctx.set_conversation(FLOW, "group", data)
        return await _ask_group(ctx)

    router.flow(FLOW)(answer)

    @router.action(render.PICK)
    async def pick(ctx: Context, arg: str) -> Outgoing:
        if not _in_flow(ctx, "group"):
            return ctx.reply("groups.update_stale")
        chosen = [g for g in await postable_groups(ctx) if str(g.id) == arg]
        if not chosen:
            return await _ask_group(ctx)
        return await _chosen(ctx, chosen[0])

    @router.action(render.CONFIRM)
    async def confirm(ctx: Context, arg: str) -> Outgoing | list[Outgoing]:
        if not _in_flow(ctx, "confirm"):
            return ctx.reply("groups.update_stale")
        if arg == "yes":
            return await _post(ctx)
        await ctx.end_conversation()
        return ctx.reply("cancel.done")
