"""Wires store, router, outbox worker, scheduler, HTTP server and adapters together,
and runs them until SIGINT/SIGTERM (or the end of console input)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

from bot import health
from bot.adapters.base import Adapter
from bot.adapters.console import ConsoleAdapter, Others, files_folder, store_lookup
from bot.core import Core
from bot.delivery.notify import Notifier
from bot.delivery.quiet import QuietHours
from bot.delivery.ratelimit import RateLimiter, limits_from_settings
from bot.delivery.worker import DeliveryWorker
from bot.http import HttpServer
from bot.i18n import set_german_address, set_network_zone
from bot.metrics import Metrics
from bot.scheduler import add_housekeeping, create_scheduler, stop_scheduler, watch_scheduler
from bot.services import Services
from bot.settings import Settings
from handlers import build_router, install_capabilities
from storage import Store
from storage.lock import StoreLock

log = logging.getLogger(__name__)

SHUTDOWN_SECONDS = 10.0  # from the first SIGTERM to a closed store


class App:
    def __init__(
        self,
        settings: Settings,
        *,
        console_user: str | None = None,
        console_files: Path | None = None,
        console_others: Others = "note",
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        serve_http: bool | None = None,
        adapter_factories: list[Callable[[Services], Adapter]] | None = None,
    ) -> None:
        self.settings = settings
        self.console_user = console_user or "console"
        self.console_files = console_files or files_folder(settings.db_path)
        self.console_others: Others = console_others
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.serve_http = (not settings.console_only) if serve_http is None else serve_http
        self.adapter_factories = adapter_factories
        self.services: Services | None = None
        self._stopped = asyncio.Event()
        self._lock: StoreLock | None = None

    async def start(self) -> Services:
        settings = self.settings
        set_german_address(settings.german_address)
        set_network_zone(settings.zone)
        if str(settings.db_path) != ":memory:":
            self._lock = StoreLock(settings.db_path)
            self._lock.acquire("knotenpunkt run")  # StoreBusy if another bot runs on it
        try:
            store = await Store.open(settings.db_path)
        except BaseException:
            self._release_lock()
            raise
        router = build_router()
        metrics = Metrics()
        notifier = Notifier(
            store, settings.language, quiet=QuietHours.from_settings(store, settings)
        )
        core = Core(store, settings, router, notifier, metrics)
        limiter = RateLimiter(limits_from_settings(settings))
        worker = DeliveryWorker(store, {}, limiter, metrics=metrics)
        notifier.on_enqueue = worker.wake
        http = (
            HttpServer(settings.http_host, settings.http_port, store, metrics)
            if self.serve_http
            else None
        )
        core.serves_http = http is not None
        scheduler = create_scheduler()
        watch_scheduler(scheduler, metrics)
        services = Services(
            settings, store, router, notifier, core, worker, scheduler, http, metrics
        )
        self.services = services
        if http is not None:
            http.health_check = partial(health.check, services)

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
            adapters.append(
                ConsoleAdapter(
                    services.core.handle,
                    self.console_user,
                    self.stdin,
                    self.stdout,
                    on_eof=self._console_finished,
                    after_each=self._console_settle,
                    files=self.console_files,
                    others=self.console_others,
                    lookup=store_lookup(services.store, self.console_user, settings.language),
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

    async def stop(self, within: float = SHUTDOWN_SECONDS) -> None:
        """Take nothing new, finish what is in progress, close the store, all ``within``.

        Updates stop coming first (adapters stop fetching, webhook and Slack requests get
        503 so the platforms send them again); handlers in progress finish; the delivery
        worker starts no new send and waits for those in flight; rows not yet sent stay
        pending for the next start.
        """
        services = self.services
        if services is None:
            self._release_lock()
            return
        loop = asyncio.get_running_loop()
        started = loop.time()

        def left(until: float) -> float:
            return max(0.1, started + until * within - loop.time())

        if services.http is not None:
            services.http.closing = True
        services.worker.stop_taking()
        await stop_scheduler(services.scheduler)  # a running job may finish, nothing new
        # stop receiving, finish the updates taken; adapters can still send meanwhile
        await self._each_adapter("stop_receiving", left, 0.5)
        await services.worker.stop(drain_seconds=left(0.75))
        await self._each_adapter("stop", left, 0.85)  # now close their connections
        if services.http is not None:
            await services.http.stop()
        await services.store.close()
        self.services = None
        self._release_lock()
        log.info("stopped in %.1f s", loop.time() - started)

    async def _each_adapter(self, step: str, left: Callable[[float], float], until: float) -> None:
        assert self.services is not None
        for adapter in self.services.adapters.values():
            action = getattr(adapter, step, None)
            if action is None:
                continue
            try:
                await asyncio.wait_for(action(), timeout=left(until))
            except TimeoutError:
                log.warning("%s of the %s adapter took too long; going on", step, adapter.platform)
            except Exception:
                log.exception("%s of the %s adapter failed", step, adapter.platform)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _on_signal(self, sig: signal.Signals) -> None:
        """The first SIGTERM/SIGINT stops gracefully; a second one exits at once."""
        if self._stopped.is_set():
            log.warning("%s again: exiting now; unsent messages go out at the next start", sig.name)
            for handler in logging.getLogger().handlers:
                handler.flush()
            os._exit(128 + sig.value)
        log.info("%s: stopping (send it again to exit at once)", sig.name)
        self.request_stop()

    async def run(self) -> None:
        """Run until SIGINT/SIGTERM or the end of console input, then stop gracefully."""
        loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM)
        for sig in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self._on_signal, sig)
        try:
            await self.start()
            await self._stopped.wait()
        finally:
            await self.stop()
            for sig in signals:
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(sig)
