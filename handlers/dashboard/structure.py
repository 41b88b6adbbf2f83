"""Topics and working groups: create, archive, and a group's moderators; through the same
functions as ``/neuesthema``, ``/themaarchivieren``, ``/neuegruppe``, ``/gruppearchivieren``,
``/moderator`` and the CLI (checks, audit log, withdrawing a group's queued updates)."""

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
from handlers.dashboard.problems import GROUP_FIELDS, TOPIC_FIELDS, Problem, problem_of
from handlers.groups.service import GroupService
from handlers.topics import archive_topic, create_topic
from handlers.validation import Invalid
from storage.groups import JOIN_POLICIES, Group

NOTICES = {
    "topic_created", "topic_archived", "group_created", "group_archived",
    "moderator_named", "moderator_removed", "unchanged", RESUBMITTED,
}  # fmt: skip


def groups(request: web.Request) -> GroupService:
    services = request.app[SERVICES]
    return GroupService(
        services.store, services.notifier, services.settings, request[ADMIN].identity
    )


def _field(request: web.Request, name: str, limit: int = 1000) -> str:
    value = form(request).get(name, "")
    return value[:limit] if isinstance(value, str) else ""


async def _notice(request: web.Request) -> tuple[str | None, str]:
    return await notice_of(request, NOTICES)


async def structure_page(request: web.Request, problem: Problem | None = None) -> web.Response:
    store = request.app[SERVICES].store
    notice, name = await _notice(request) if problem is None else (None, "")
    return render(
        request,
        "topics.html",
        status=400 if problem else 200,
        topics=await store.topics.list(include_archived=True),
        subscribers=await store.dashboard.subscriber_counts(),
        levels=await store.topics.level_counts(),
        groups=await store.groups.list(include_archived=True),
        members=await store.groups.member_counts(),
        policies=JOIN_POLICIES,
        active_topics=await store.topics.list(),
        notice=notice,
        notice_name=name,
        problem=problem,
    )


async def topics_page(request: web.Request) -> web.Response:
    return await structure_page(request)


async def _done(request: web.Request, path: str, notice: str, name: str) -> web.Response:
    await tell(request, notice, name)
    return see_other(path)


async def new_topic(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    try:
        async with store.transaction():
            topic = await create_topic(
                store, _field(request, "name"), _field(request, "description"),
                request[ADMIN].identity,
            )  # fmt: skip
    except Invalid as refused:
        problem = problem_of(page_tools(request), refused, TOPIC_FIELDS, "topic-name")
        return await structure_page(request, problem)
    return await _done(request, "/admin/topics", "topic_created", topic.name)


async def archive_topic_route(request: web.Request) -> web.Response:
    store = request.app[SERVICES].store
    topic = await store.topics.get(record_id(request.match_info["topic_id"]) or 0)
    if topic is None:
        raise web.HTTPNotFound()
    try:
        async with store.transaction():
            await archive_topic(store, topic.name, request[ADMIN].identity)
    except Invalid as refused:
        return await structure_page(request, problem_of(page_tools(request), refused, {}))
    return await _done(request, "/admin/topics", "topic_archived", topic.name)


async def new_group(request: web.Request) -> web.Response:
    topic_id = record_id(_field(request, "topic_id", 20))
    found = await request.app[SERVICES].store.topics.get(topic_id) if topic_id else None
    try:
        group = await groups(request).create(
            _field(request, "name"),
            _field(request, "description"),
            _field(request, "join_policy", 20) or "open",
            found.name if found else None,
        )
    except Invalid as refused:
        problem = problem_of(page_tools(request), refused, GROUP_FIELDS, "group-name")
        return await structure_page(request, problem)
    return await _done(request, f"/admin/groups/{group.id}", "group_created", group.name)


async def _group(request: web.Request) -> Group:
    group = await request.app[SERVICES].store.groups.get(
        record_id(request.match_info["group_id"]) or 0
    )
    if group is None:
        raise web.HTTPNotFound()
    return group


async def group_page(request: web.Request, problem: Problem | None = None) -> web.Response:
    group = await _group(request)
    store = request.app[SERVICES].store
    notice, name = await _notice(request) if problem is None else (None, "")
    topic = await store.topics.get(group.topic_id) if group.topic_id else None
    return render(
        request,
        "group.html",
        status=400 if problem else 200,
        group=group,
        topic=topic,
        members=await store.groups.members(group.id),
        notice=notice,
        notice_name=name,
        problem=problem,
    )


async def show_group(request: web.Request) -> web.Response:
    return await group_page(request)


async def archive_group(request: web.Request) -> web.Response:
    group = await _group(request)
    try:
        await groups(request).archive(group.name)
    except Invalid as refused:
        return await group_page(request, problem_of(page_tools(request), refused, {}))
    return await _done(request, f"/admin/groups/{group.id}", "group_archived", group.name)


async def moderators(request: web.Request) -> web.Response:
    """Name a moderator by name or handle (``@Anna Muster``, ``telegram:123``), or take
    the role from one (``remove`` with the member's id)."""
    group = await _group(request)
    service = groups(request)
    try:
        if group.status != "active":
            raise Invalid("groups.gone", {})
        removing = record_id(_field(request, "remove", 20))
        if removing is not None:
            member = await request.app[SERVICES].store.members.get(removing)
            if member is None:
                raise Invalid("groups.member_unknown", {"who": str(removing)})
            changed = await service.set_moderator(group, member.id, moderator=False)
            notice = "moderator_removed" if changed else "unchanged"
        else:
            handle = _field(request, "member", 200)
            if not handle.strip().removeprefix("@").strip():
                raise Invalid("dashboard.required.member", {})
            member = await service.member_by_handle(handle)
            changed = await service.set_moderator(group, member.id)
            notice = "moderator_named" if changed else "unchanged"
    except Invalid as refused:
        return await group_page(request, problem_of(page_tools(request), refused, {}, "moderator"))
    return await _done(request, f"/admin/groups/{group.id}", notice, member.name)


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/topics", topics_page)
    router.add_post("/topics/new", once(new_topic))
    router.add_post("/topics/{topic_id}/archive", once(archive_topic_route))
    router.add_post("/groups/new", once(new_group))
    router.add_get("/groups/{group_id}", show_group)
    router.add_post("/groups/{group_id}/archive", once(archive_group))
    router.add_post("/groups/{group_id}/moderators", once(moderators))
