"""The bot's one HTTP server: webhooks, Slack events, calendar feeds, health and metrics.

Adapters and capabilities add their routes before :meth:`HttpServer.start`. ``/healthz``
reports each part as JSON (503 when one is failing), ``/healthz/live`` only says that the
process answers, ``/metrics`` is Prometheus' text format. While the bot shuts down, every
other route answers 503 so that Telegram and Slack send their updates again later.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.metrics import Metrics
from storage import Store

log = logging.getLogger(__name__)

RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]
HealthCheck = Callable[[], Awaitable[tuple[bool, dict[str, Any]]]]
ALWAYS_OPEN = ("/healthz", "/healthz/live", "/metrics")


class HttpServer:
    def __init__(self, host: str, port: int, store: Store, metrics: Metrics | None = None) -> None:
        self.host = host
        self.port = port
        self.store = store
        self.metrics = metrics or Metrics()
        self.health_check: HealthCheck | None = None  # set by the wiring once all parts exist
        self.closing = False
        self.app = web.Application(
            client_max_size=2 * 1024 * 1024, middlewares=[self._refuse_while_closing]
        )
        self.app.router.add_get("/healthz", self._health)
        self.app.router.add_get("/healthz/live", self._live)
        self.app.router.add_get("/metrics", self._metrics)
        self._runner: web.AppRunner | None = None

    def add_route(self, method: str, path: str, handler: RouteHandler) -> None:
        self.app.router.add_route(method, path, handler)

    def mount(self, prefix: str, app: web.Application) -> None:
        """A capability's own application under ``prefix`` (with its own middlewares, e.g.
        the dashboard's sign-in check); the server's own middleware still applies."""
        self.app.add_subapp(prefix, app)

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
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

    @web.middleware
    async def _refuse_while_closing(
        self, request: web.Request, handler: RouteHandler
    ) -> web.StreamResponse:
        if self.closing and request.path not in ALWAYS_OPEN:
            return web.Response(status=503, text="shutting down", headers={"Retry-After": "10"})
        return await handler(request)

    async def _live(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def _health(self, request: web.Request) -> web.Response:
        parts: dict[str, Any] = {}
        ok = True
        if self.health_check is not None:
            ok, parts = await self.health_check()
        if self.closing:
            ok = False
            parts["shutdown"] = {"ok": False, "detail": "shutting down"}
        body = {"status": "ok" if ok else "failing", "checks": parts}
        return web.json_response(body, status=200 if ok else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        try:
            await self.metrics.refresh(self.store)
        except Exception as exc:  # counters and process metrics are still worth serving
            log.warning("metrics: reading the store failed: %s", exc)
        body, content_type = self.metrics.exposition(request.headers.get("Accept"))
        return web.Response(body=body, headers={"Content-Type": content_type})
