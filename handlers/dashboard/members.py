"""The members page: search and filters (region, topic, group, platform, status), approving
or declining pending registrations through the chat's own approval code (the member is
told in chat), and, where data protection is installed, export and erasure."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from aiohttp import web

from bot.arguments import record_id
from bot.forms.words import fold
from bot.settings import PLATFORMS
from handlers.dashboard.hooks import HOOKS
from handlers.dashboard.kit import ADMIN, SERVICES, render, see_other
from handlers.members.approval import decide
from storage.dashboard_figures import PAGE, MemberFilter, TextMatch

STATUSES = ("active", "pending", "rejected")
NOTICES = {"approved", "rejected", "already", "gone", "erased"}


def member_filter(query: web.BaseRequest) -> MemberFilter:
    values = query.query
    return MemberFilter(
        text=values.get("q", "")[:100],
        region=values.get("region", "")[:100],
        topic_id=record_id(values.get("topic", "")),
        group_id=record_id(values.get("group", "")),
        platform=values.get("platform", "") if values.get("platform") in PLATFORMS else "",
        status=values.get("status", "") if values.get("status") in STATUSES else "",
    )


# Folding costs tens of microseconds a text, and every search folds every member's name,
# company and competencies again: the folded texts are kept (competencies repeat a lot).
_folded = lru_cache(maxsize=50_000)(fold)


def text_match(text: str) -> TextMatch | None:
    """How the search field finds members: every word of it somewhere in the name, the
    company or a competence, folded as the chat directory and the name matcher fold
    ("Weiss" finds "Weiß", "juergen" finds "Jürgen"). A search with no letters or digits
    (an emoji) is looked for as typed, ignoring case."""
    words = fold(text).split()
    if words:

        def by_words(texts: list[str]) -> bool:
            folded = [_folded(value) for value in texts]
            return all(any(word in value for value in folded) for word in words)

        return by_words
    typed = " ".join(text.casefold().split())
    if not typed:
        return None
    return lambda texts: any(typed in value.casefold() for value in texts)


def member_id(request: web.Request) -> int:
    found = record_id(request.match_info["member_id"])
    if found is None:
        raise web.HTTPNotFound()
    return found


async def member_list(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    wanted = member_filter(request)
    page = max(1, record_id(request.query.get("page", "1")) or 1)
    found, total = await store.dashboard.find_members(
        wanted, offset=(page - 1) * PAGE, matches=text_match(wanted.text)
    )
    notice = request.query.get("notice")
    return render(
        request,
        "members.html",
        wanted=wanted,
        members=found,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE)),
        regions=await store.dashboard.member_regions(),
        topics=await store.topics.list(),
        groups=await store.groups.list(),
        platforms=PLATFORMS,
        statuses=STATUSES,
        notice=notice if notice in NOTICES else None,
        notice_name=request.query.get("name", "")[:100],
        can_export=HOOKS.export_member is not None,
        can_erase=HOOKS.erase_member is not None,
    )


async def _decide(request: web.Request, approve: bool) -> web.Response:
    services = request.app[SERVICES]
    outcome, member = await decide(
        services.store,
        services.notifier,
        services.settings,
        member_id(request),
        approve,
        request[ADMIN].identity,
    )
    name = member.name if member else ""
    return see_other(f"/admin/members?status=pending&notice={outcome}&name={_quote(name)}")


def _quote(text: str) -> str:
    return quote(text, safe="")


async def approve(request: web.Request) -> web.Response:
    return await _decide(request, approve=True)


async def decline(request: web.Request) -> web.Response:
    return await _decide(request, approve=False)


async def export(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    if HOOKS.export_member is None or await services.store.members.get(member_id(request)) is None:
        raise web.HTTPNotFound()
    download = await HOOKS.export_member(services, member_id(request), request[ADMIN].identity)
    return web.Response(
        body=download.body,
        content_type=download.content_type,
        headers={"Content-Disposition": f'attachment; filename="{download.filename}"'},
    )


async def erase_question(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    member = await services.store.members.get(member_id(request))
    if HOOKS.erase_member is None or member is None:
        raise web.HTTPNotFound()
    return render(request, "member_erase.html", member=member)


async def erase(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    member = await services.store.members.get(member_id(request))
    if HOOKS.erase_member is None or member is None:
        raise web.HTTPNotFound()
    await HOOKS.erase_member(services, member.id, request[ADMIN].identity)
    return see_other(f"/admin/members?notice=erased&name={_quote(member.name)}")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/members", member_list)
    router.add_post("/members/{member_id}/approve", approve)
    router.add_post("/members/{member_id}/decline", decline)
    router.add_get("/members/{member_id}/export", export)
    router.add_get("/members/{member_id}/erase", erase_question)
    router.add_post("/members/{member_id}/erase", erase)
