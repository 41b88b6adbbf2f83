"""Binding a group chat or channel to topics or a working group, so their news is posted
there.

The binding names a target kind (``topic`` or ``group``), so the same commands and the same
delivery serve both: ``/binden Wasserstoff`` binds a topic, ``/binden gruppe AG H2`` a
working group. A chat may be bound to several topics and to one working group.
"""

from __future__ import annotations

from bot.context import Context
from bot.models import Outgoing
from bot.router import Access, Router
from handlers.names import find_group, find_topic, pick, require_topic, unknown
from storage.groups import Group

_GROUP_WORDS = {"group", "gruppe", "arbeitsgruppe", "workinggroup"}


async def _target_names(ctx: Context) -> list[str]:
    names = []
    for binding in await ctx.store.bindings.for_chat(ctx.platform, ctx.incoming.chat_id):
        if binding.target_kind == "topic":
            topic = await ctx.store.topics.get(binding.target_id)
            names.append(topic.name if topic else f"#{binding.target_id}")
        else:
            group = await ctx.store.groups.get(binding.target_id)
            name = group.name if group else f"#{binding.target_id}"
            names.append(ctx.t("groups.bound_name", group=name))
    return names


def _group_words(args: str) -> str | None:
    """``gruppe NAME`` / ``group NAME``: the rest, when the first word names a group."""
    word, _, rest = args.strip().partition(" ")
    return rest.strip() if word.casefold() in _GROUP_WORDS else None


async def _bind_group(ctx: Context, group: Group) -> Outgoing:
    chat = ctx.incoming.chat_id
    current = await ctx.store.bindings.group_of_chat(ctx.platform, chat)
    if current is not None and current.target_id != group.id:
        other = await ctx.store.groups.get(current.target_id)
        name = other.name if other else f"#{current.target_id}"
        return ctx.reply("groups.bind_other", group=name)
    created = await ctx.store.bindings.bind(
        ctx.platform,
        chat,
        "group",
        group.id,
        title=ctx.incoming.chat_title,
        bound_by=ctx.member.id if ctx.member else None,
    )
    if not created:
        return ctx.reply("groups.bind_already", group=group.name)
    await ctx.store.audit.record("binding.created", ctx.actor, chat=chat, group_id=group.id)
    done = ctx.reply("groups.bind_done", group=group.name)
    return done.model_copy(update={"for_everyone": True})  # the channel should know


async def _unbind_group(ctx: Context, name: str) -> Outgoing:
    chat = ctx.incoming.chat_id
    current = await ctx.store.bindings.group_of_chat(ctx.platform, chat)
    group = await ctx.store.groups.get(current.target_id) if current else None
    if name and (group is None or pick(name, [group], "group") is None):
        return ctx.reply("groups.bind_not_this", group=name[:60])
    if current is None:
        return ctx.reply("bind.none")
    await ctx.store.bindings.unbind(ctx.platform, chat, "group", current.target_id)
    await ctx.store.audit.record(
        "binding.removed", ctx.actor, chat=chat, group_id=current.target_id
    )
    shown = group.name if group else f"#{current.target_id}"
    removed = ctx.reply("bind.removed", targets=ctx.t("groups.bound_name", group=shown))
    return removed.model_copy(update={"for_everyone": True})


def register(router: Router) -> None:
    @router.command(
        "bind",
        "binden",
        access=Access.ADMIN,
        help_key="help.bind",
        in_groups=True,
        in_private=False,
    )
    async def bind(ctx: Context, args: str) -> Outgoing:
        if not args.strip():
            names = await _target_names(ctx)
            if names:
                return ctx.reply("bind.list", targets=", ".join(names))
            return Outgoing(text=f"{ctx.t('bind.usage')}\n{ctx.t('groups.bind_hint')}")
        group_name = _group_words(args)
        if group_name:
            group = await find_group(ctx.store, group_name)
            if group is not None and group.active:
                return await _bind_group(ctx, group)
            topic = await ctx.store.topics.find(args.strip())  # a topic called "Gruppe …"?
            if topic is None or topic.archived:
                raise unknown(group_name, await ctx.store.groups.list(), "group")
        else:
            topic = await require_topic(ctx.store, args.strip())
        created = await ctx.store.bindings.bind(
            ctx.platform,
            ctx.incoming.chat_id,
            "topic",
            topic.id,
            title=ctx.incoming.chat_title,
            bound_by=ctx.member.id if ctx.member else None,
        )
        if not created:
            return ctx.reply("bind.already", topic=topic.name)
        await ctx.store.audit.record(
            "binding.created", ctx.actor, chat=ctx.incoming.chat_id, topic_id=topic.id
        )
        done = ctx.reply("bind.done", topic=topic.name)
        return done.model_copy(update={"for_everyone": True})  # the channel should know

    @router.command(
        "unbind",
        "loesen",
        access=Access.ADMIN,
        help_key="help.unbind",
        in_groups=True,
        in_private=False,
    )
    async def unbind(ctx: Context, args: str) -> Outgoing:
        group_name = _group_words(args)
        if args.strip().casefold() in _GROUP_WORDS or (
            group_name and await ctx.store.topics.find(args.strip()) is None
        ):
            return await _unbind_group(ctx, group_name or "")
        names = await _target_names(ctx)
        if args.strip():
            topic = await find_topic(ctx.store, args.strip())
            if topic is None:
                raise unknown(args, await ctx.store.topics.list(), "topic")
            removed = await ctx.store.bindings.unbind(
                ctx.platform, ctx.incoming.chat_id, "topic", topic.id
            )
            names = [topic.name]
        else:
            removed = await ctx.store.bindings.unbind(ctx.platform, ctx.incoming.chat_id)
        if not removed:
            return ctx.reply("bind.none")
        await ctx.store.audit.record("binding.removed", ctx.actor, chat=ctx.incoming.chat_id)
        removed_note = ctx.reply("bind.removed", targets=", ".join(names))
        return removed_note.model_copy(update={"for_everyone": True})
