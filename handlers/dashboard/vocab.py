"""The company profile's vocabularies on the dashboard: every facet's entries with how
many members chose each (proposed ones marked), adding an entry and merging one into
another; through the same functions as ``knotenpunkt vocab`` (checks, audit log)."""

from __future__ import annotations

from aiohttp import web

from bot.arguments import record_id
from handlers.dashboard.kit import (
    ADMIN,
    RESUBMITTED,
    SERVICES,
    form,
    notice_of,
    once,
    page_tools,
    render,
    see_other,
    tell,
)
from handlers.dashboard.problems import Problem, problem_of
from handlers.directory.vocab import add_entry, merge_entries
from handlers.validation import Invalid
from storage.facets import FACETS

NOTICES = {"added", "merged", RESUBMITTED}
PATH = "/admin/vocab"


def _field(request: web.Request, name: str, limit: int = 200) -> str:
    value = form(request).get(name, "")
    return value[:limit] if isinstance(value, str) else ""


async def vocab_page(request: web.Request, problem: Problem | None = None) -> web.Response:
    store = request.app[SERVICES].store
    notice, name = await notice_of(request, NOTICES) if problem is None else (None, "")
    entries = await store.facets.entries()
    by_facet = {facet: [e for e in entries if e.facet == facet] for facet in FACETS}
    return render(
        request,
        "vocab.html",
        status=400 if problem else 200,
        facets=FACETS,
        by_facet=by_facet,
        entries=entries,
        notice=notice,
        notice_name=name,
        problem=problem,
    )


async def show(request: web.Request) -> web.Response:
    return await vocab_page(request)


async def new_entry(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    try:
        async with store.transaction():
            entry = await add_entry(
                store, _field(request, "facet", 20), _field(request, "label"),
                request[ADMIN].identity,
            )  # fmt: skip
    except Invalid as refused:
        return await vocab_page(request, problem_of(page_tools(request), refused, {}, "label"))
    await tell(request, "added", entry.label)
    return see_other(PATH)


async def merge(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    source = record_id(_field(request, "source", 20)) or 0
    target = record_id(_field(request, "target", 20)) or 0
    try:
        async with store.transaction():
            gone, kept, _moved = await merge_entries(store, source, target, request[ADMIN].identity)
    except Invalid as refused:
        return await vocab_page(request, problem_of(page_tools(request), refused, {}, "source"))
    await tell(request, "merged", f"{gone.label} → {kept.label}")
    return see_other(PATH)


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/vocab", show)
    router.add_post("/vocab/new", once(new_entry))
    router.add_post("/vocab/merge", once(merge))
