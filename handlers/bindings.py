"""Binding a group chat or channel to a topic, so the topic's news is posted there.

The binding names a target kind (``topic`` now, ``group`` for working groups), so the same
commands and the same delivery serve both.
"""

from __future__ import annotations

from bot.context import Context
from bot.models import ChatKind, Outgoing
from bot.router import Access, Router


async def _target_names(ctx: Context) -> list[str]:
    names = []
    for binding in await ctx.store.bindings.for_chat(ctx.platform, ctx.incoming.chat_id):
        if binding.target_kind == "topic":
            topic = await ctx.store.topics.get(binding.target_id)
            names.append(topic.name if topic else f"#{binding.target_id}")
        else:
            names.append(f"{binding.target_kind} #{binding.target_id}")
    return names


def register(router: Router) -> None:
    @router.command("bind", "binden", access=Access.ADMIN, help_key="help.bind", in_groups=True)
    async def bind(ctx: Context, args: str) -> Outgoing:
        if ctx.incoming.chat_kind != ChatKind.GROUP:
            return ctx.reply("error.group_only")
        if not args.strip():
            names = await _target_names(ctx)
            if names:
                return ctx.reply("bind.list", targets=", ".join(names))
            return ctx.reply("bind.usage")
        topic = await ctx.store.topics.find(args.strip())
        if topic is None or topic.archived:
            return ctx.reply("topics.unknown", topic=args.strip())
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

    @router.command("unbind", "loesen", access=Access.ADMIN, help_key="help.unbind", in_groups=True)
    async def unbind(ctx: Context, args: str) -> Outgoing:
        if ctx.incoming.chat_kind != ChatKind.GROUP:
            return ctx.reply("error.group_only")
        names = await _target_names(ctx)
        if args.strip():
            topic = await ctx.store.topics.find(args.strip())
            if topic is None:
                return ctx.reply("topics.unknown", topic=args.strip())
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
