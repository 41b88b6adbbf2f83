"""The services a process builds once: what adapters, capabilities and jobs may use.

Kept apart from :mod:`bot.app` so that adapters and capabilities can name it without
importing the wiring (which imports them): nothing imports ``bot.app`` but the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.adapters.base import Adapter
from bot.core import Core
from bot.delivery.notify import Notifier
from bot.delivery.worker import DeliveryWorker
from bot.http import HttpServer
from bot.metrics import Metrics
from bot.router import Router
from bot.settings import Settings
from storage import Store


@dataclass
class Services:
    """Everything an adapter or a scheduled job may need, built once per process."""

    settings: Settings
    store: Store
    router: Router
    notifier: Notifier
    core: Core
    worker: DeliveryWorker
    scheduler: AsyncIOScheduler
    http: HttpServer | None
    metrics: Metrics = field(default_factory=Metrics)
    adapters: dict[str, Adapter] = field(default_factory=dict)
