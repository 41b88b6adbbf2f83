"""The audit log, filterable by action, actor and days; newest first, 50 to a page."""

from __future__ import annotations

from datetime import date

from aiohttp import web

from bot.arguments import record_id
from handlers.dashboard.kit import SERVICES, render
from storage.dashboard_figures import PAGE, AuditFilter


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


async def audit_page(request: web.Request) -> web.Response:
    query = request.query
    wanted = AuditFilter(
        action=query.get("action", "")[:60],
        actor=query.get("actor", "")[:60],
        since=_day(query.get("since", "")),
        until=_day(query.get("until", "")),
    )
    page = max(1, record_id(query.get("page", "1")) or 1)
    store = request.app[SERVICES].store
    entries, total = await store.dashboard.audit_entries(wanted, offset=(page - 1) * PAGE)
    return render(
        request,
        "audit.html",
        wanted=wanted,
        entries=entries,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE)),
        actions=await store.dashboard.actions_in_audit(),
    )


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/audit", audit_page)
