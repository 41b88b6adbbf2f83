"""The bot's one HTTP server: webhooks, Slack events, calendar feeds, health and metrics.

Adapters and capabilities add their routes before :meth:`HttpServer.start`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from storage import Store

RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class HttpServer:
    def __init__(self, host: str, port: int, store: Store) -> None:
        self.host = host
        self.port = port
        self.store = store
        self.app = web.Application(client_max_size=2 * 1024 * 1024)
        self.app.router.add_get("/healthz", self._health)
        self.app.router.add_get("/metrics", self._metrics)
        self._runner: web.AppRunner | None = None

    def add_route(self, method: str, path: str, handler: RouteHandler) -> None:
        self.app.router.add_route(method, path, handler)

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self._runner.addresses:  # the real port when 0 (any free port) was asked for
            self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def _health(self, request: web.Request) -> web.Response:
        await self.store.db.ping()
        return web.json_response({"status": "ok"})

    async def _metrics(self, request: web.Request) -> web.Response:
        lines = [
            "# HELP knotenpunkt_outbox_messages Outbox rows by status.",
            "# TYPE knotenpunkt_outbox_messages gauge",
        ]
        for status, count in sorted((await self.store.outbox.counts()).items()):
            lines.append(f'knotenpunkt_outbox_messages{{status="{status}"}} {count}')
        lines += [
            "# HELP knotenpunkt_members Registered members.",
            "# TYPE knotenpunkt_members gauge",
            f"knotenpunkt_members {await self.store.members.count()}",
        ]
        return web.Response(text="\n".join(lines) + "\n", content_type="text/plain")
