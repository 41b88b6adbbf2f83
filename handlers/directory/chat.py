"""``/find`` (``/suche``): a search with a term, the overview without one, and "more"."""

from __future__ import annotations

from bot.context import MemberContext
from bot.models import Outgoing
from bot.router import Router
from handlers.directory import filters, render
from handlers.directory.service import (
    MAX_TERM,
    BadTerm,
    DirectoryService,
    RateLimited,
    SearchResult,
)
from storage.directory import SearchFilters


def register(router: Router) -> None:
    @router.command("find", "suche", help_key="directory.help_find", order=25)
    async def find(ctx: MemberContext, args: str) -> Outgoing:
        directory = DirectoryService(ctx.store)
        if not args.strip():
            listed_self = await directory.is_listed(ctx.member.id)
            page = render.overview(ctx.lang, await directory.overview(), listed_self)
            buttons = filters.filter_buttons(ctx, 0, SearchFilters())
            return page.model_copy(update={"buttons": [*page.buttons, *buttons]})
        try:
            found = await directory.search(ctx.member.id, args)
        except BadTerm:
            return ctx.reply("directory.bad_term", max=MAX_TERM)
        except RateLimited as limited:
            return ctx.reply("directory.rate_limited", seconds=limited.seconds)
        return await filters.results(ctx, found)

    @router.action(render.MorePage)
    async def more(ctx: MemberContext, pressed: render.MorePage) -> Outgoing:
        directory = DirectoryService(ctx.store)
        try:
            found: SearchResult | None = await directory.more(
                ctx.member.id, pressed.search_id, pressed.offset
            )
        except RateLimited as limited:
            return ctx.reply("directory.rate_limited", seconds=limited.seconds)
        if found is None:
            return ctx.reply("directory.expired")
        return await filters.results(ctx, found)
