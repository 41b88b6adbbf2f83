"""``/suche``'s filter buttons: region, certification, process and industry, combinable
with the typed term and with each other. A filter button names the earlier search it
narrows (0: none, from the overview); each pick is a new logged search, so "more" and
the rate limit work as for a typed term."""

from __future__ import annotations

from typing import Annotated, Literal

from bot.arguments import Bounds, ButtonArgs, Short, record_id
from bot.context import MemberContext
from bot.models import Button, Outgoing
from bot.router import Router
from handlers.directory import render
from handlers.directory.service import DirectoryService, RateLimited
from handlers.members.render import region_label
from storage.directory import SearchFilters
from storage.facets import FILTER_FACETS

SEARCH = Annotated[int, Bounds(0, 10**12)]
FacetCode = Literal["r", "c", "p", "i"]
CODES: dict[str, str] = {"r": "region", "c": "certification", "p": "process", "i": "industry"}
MAX_CHOICES = 24


class FilterMenu(ButtonArgs, action="dir.fmenu"):
    """The choices of one filter, for the search ``search_id`` (0: none yet)."""

    search_id: SEARCH
    facet: FacetCode


class FilterPick(ButtonArgs, action="dir.fpick"):
    """Narrow the search ``search_id`` to a region (its name) or an entry (its id)."""

    search_id: SEARCH
    facet: FacetCode
    value: Annotated[str, Short(36)]


class FilterClear(ButtonArgs, action="dir.fclear"):
    search_id: SEARCH


def filter_buttons(
    ctx: MemberContext, search_id: int, filters: SearchFilters
) -> list[list[Button]]:
    """The row of filter buttons (and "remove filters" while there are some)."""
    row = [
        FilterMenu(search_id, code).button(ctx.t(f"directory.filter.{CODES[code]}"))
        for code in ("r", "c", "p", "i")
    ]
    rows = [row[:2], row[2:]]
    if not filters.empty:
        rows.append([FilterClear(search_id).button(ctx.t("directory.filter_clear"))])
    return rows


async def filter_labels(ctx: MemberContext, filters: SearchFilters) -> list[str]:
    labels = [region_label(ctx.lang, filters.region)] if filters.region else []
    for entry_id in filters.entries:
        entry = await ctx.store.facets.entry(entry_id)
        if entry is not None:
            labels.append(entry.label)
    return labels


async def _earlier(ctx: MemberContext, search_id: int) -> tuple[str, SearchFilters] | None:
    if search_id == 0:
        return "", SearchFilters()
    return await DirectoryService(ctx.store).logged(ctx.member.id, search_id)


async def show(ctx: MemberContext, term: str, filters: SearchFilters) -> Outgoing:
    """Run the search and show its page with the filter buttons."""
    try:
        found = await DirectoryService(ctx.store).search(ctx.member.id, term, 0, filters)
    except RateLimited as limited:
        return ctx.reply("directory.rate_limited", seconds=limited.seconds)
    return await results(ctx, found)


async def results(ctx: MemberContext, found: render.SearchResult) -> Outgoing:
    """A page of results; the first page also offers the filters (later ones only "more")."""
    labels = await filter_labels(ctx, found.filters)
    page = render.results(ctx.lang, ctx.platform, found, labels)
    if found.page.offset > 0:
        return page
    buttons = [*page.buttons, *filter_buttons(ctx, found.search_id, found.filters)]
    return page.model_copy(update={"buttons": buttons})


def register(router: Router) -> None:
    @router.action(FilterMenu)
    async def menu(ctx: MemberContext, pressed: FilterMenu) -> Outgoing:
        earlier = await _earlier(ctx, pressed.search_id)
        if earlier is None:
            return ctx.reply("directory.expired")
        facet = CODES[pressed.facet]
        if facet == "region":
            overview = await DirectoryService(ctx.store).overview()
            choices = [
                (region_label(ctx.lang, region), region)
                for region, _ in overview.regions
                if len(region.encode()) <= 36
            ]
        else:
            assert facet in FILTER_FACETS
            entries = await ctx.store.facets.listed_counts(facet)
            choices = [(f"{e.label} ({e.members})", str(e.id)) for e in entries]
        title = ctx.t("directory.filter_choose", facet=ctx.t(f"directory.filter.{facet}"))
        if not choices:
            return Outgoing(text=f"{title}\n\n{ctx.t('directory.filter_nothing')}")
        buttons = [
            FilterPick(pressed.search_id, pressed.facet, value).button(label)
            for label, value in choices[:MAX_CHOICES]
        ]
        return Outgoing(text=title, buttons=[buttons[i : i + 2] for i in range(0, len(buttons), 2)])

    @router.action(FilterPick)
    async def pick(ctx: MemberContext, pressed: FilterPick) -> Outgoing:
        earlier = await _earlier(ctx, pressed.search_id)
        if earlier is None:
            return ctx.reply("directory.expired")
        term, filters = earlier
        if pressed.facet == "r":
            filters = filters.model_copy(update={"region": pressed.value})
        elif (entry_id := record_id(pressed.value)) is not None:
            entries = [*filters.entries, entry_id]
            filters = filters.model_copy(update={"entries": list(dict.fromkeys(entries))})
        else:
            return ctx.reply("error.stale_button")
        return await show(ctx, term, filters)

    @router.action(FilterClear)
    async def clear(ctx: MemberContext, pressed: FilterClear) -> Outgoing:
        earlier = await _earlier(ctx, pressed.search_id)
        if earlier is None:
            return ctx.reply("directory.expired")
        if not earlier[0]:
            listed_self = await DirectoryService(ctx.store).is_listed(ctx.member.id)
            overview = await DirectoryService(ctx.store).overview()
            page = render.overview(ctx.lang, overview, listed_self)
            return page.model_copy(update={"buttons": filter_buttons(ctx, 0, SearchFilters())})
        return await show(ctx, earlier[0], SearchFilters())
