"""Wires store, router, outbox worker, scheduler, HTTP server and adapters together,
and runs them until SIGINT/SIGTERM (or the end of console input)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from typing import TextIO

from bot.adapters.base import Adapter
from bot.core import Core
from bot.delivery.notify import Notifier
from bot.delivery.ratelimit import RateLimiter, limits_from_settings
from bot.delivery.worker import DeliveryWorker
from bot.http import HttpServer
from bot.i18n import set_german_address
from bot.scheduler import add_housekeeping, create_scheduler, stop_scheduler
from bot.services import Services
from bot.settings import Settings
from handlers import build_router, install_capabilities
from storage import Store

log = logging.getLogger(__name__)


class App:
    def __init__(
        self,
        settings: Settings,
        *,
        console_user: str | None = None,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        serve_http: bool | None = None,
        adapter_factories: list[Callable[[Services], Adapter]] | None = None,
    ) -> None:
        self.settings = settings
        self.console_user = console_user or "console"
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.serve_http = (not settings.console_only) if serve_http is None else serve_http
        self.adapter_factories = adapter_factories
        self.services: Services | None = None
        self._stopped = asyncio.Event()

    async def start(self) -> Services:
        settings = self.settings
        set_german_address(settings.german_address)
        store = await Store.open(settings.db_path)
        router = build_router()
        notifier = Notifier(store, settings.language)
        core = Core(store, settings, router, notifier)
        limiter = RateLimiter(limits_from_settings(settings))
        worker = DeliveryWorker(store, {}, limiter)
        notifier.on_enqueue = worker.wake
        http = (
            HttpServer(settings.http_host, settings.http_port, store) if self.serve_http else None
        )
        core.serves_http = http is not None
        scheduler = create_scheduler()
        services = Services(settings, store, router, notifier, core, worker, scheduler, http)
        self.services = services

        for adapter in self._build_adapters(services):
            services.adapters[adapter.platform.value] = adapter
        worker.adapters = dict(services.adapters)

        add_housekeeping(scheduler, store)
        install_capabilities(services)  # jobs and routes; the reminder scan runs at start
        scheduler.start()
        await worker.start()
        if http is not None:
            await http.start()
            log.info("HTTP server on %s", http.base_url)
        for adapter in services.adapters.values():
            await adapter.start()
        log.info("Knotenpunkt running with %s", ", ".join(services.adapters) or "no adapter")
        return services

    def _build_adapters(self, services: Services) -> list[Adapter]:
        if self.adapter_factories is not None:  # tests bring their own
            return [factory(services) for factory in self.adapter_factories]
        settings = self.settings
        adapters: list[Adapter] = []
        if settings.telegram_token:
            from bot.adapters.telegram import TelegramAdapter

            adapters.append(TelegramAdapter(services))
        if settings.slack_bot_token and settings.slack_signing_secret:
            from bot.adapters.slack import SlackAdapter

            adapters.append(SlackAdapter(services))
        if settings.console_only:
            from bot.adapters.console import ConsoleAdapter

            adapters.append(
                ConsoleAdapter(
                    services.core.handle,
                    self.console_user,
                    self.stdin,
                    self.stdout,
                    on_eof=self._console_finished,
                    after_each=self._console_settle,
                )
            )
        return adapters

    async def _console_settle(self) -> None:
        """Let notifications for the console user appear before the next prompt."""
        assert self.services is not None
        with contextlib.suppress(TimeoutError):
            await self.services.worker.drain(within=2.0)

    async def _console_finished(self) -> None:
        self.request_stop()

    def request_stop(self) -> None:
        self._stopped.set()

    async def stop(self) -> None:
        services = self.services
        if services is None:
            return
        for adapter in services.adapters.values():
            try:
                await adapter.stop()
            except Exception:
                log.exception("stopping the %s adapter failed", adapter.platform)
        await stop_scheduler(services.scheduler)
        await services.worker.stop()
        if services.http is not None:
            await services.http.stop()
        await services.store.close()
        self.services = None

    async def run(self) -> None:
        """Run until SIGINT/SIGTERM or the end of console input, then stop gracefully."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.request_stop)
        try:
            await self.start()
            await self._stopped.wait()
        finally:
            await self.stop()
