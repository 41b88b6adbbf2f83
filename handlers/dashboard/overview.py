"""The overview page: what the network team looks at first."""

from __future__ import annotations

from aiohttp import web

from handlers.dashboard.kit import render


async def overview(request: web.Request) -> web.Response:
    return render(request, "overview.html")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/", overview)
