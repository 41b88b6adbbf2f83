"""Mounts the dashboard under ``/admin`` on the bot's HTTP server, when it runs one, and
forgets spent login links and ended sessions once an hour."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import aiohttp_jinja2
import jinja2
from aiohttp import web

from handlers.checkin import web as checkin
from handlers.dashboard import (
    audit,
    broadcasts,
    event_dates,
    event_message,
    events,
    figures,
    members,
    overview,
    polls,
    signin,
    structure,
    vocab,
)
from handlers.dashboard.kit import PREFIX, SERVICES, security_headers, signed_in
from storage import Store
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

# event_dates before events: /events/import is matched before /events/{event_id}
PAGES = [
    signin,
    overview,
    members,
    event_dates,
    events,
    event_message,
    checkin,
    polls,
    broadcasts,
    structure,
    figures,
    vocab,
    audit,
]
PURGE_JOB = "dashboard-purge"


def build_app(services: Services) -> web.Application:
    app = web.Application(middlewares=[security_headers, signed_in])
    app[SERVICES] = services
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.PackageLoader("handlers.dashboard", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    for module in PAGES:
        module.add_routes(app.router)
    return app


async def purge(store: Store) -> None:
    try:
        await store.dashboard.purge_expired(utcnow())
    except Exception:
        log.exception("dashboard: forgetting expired sessions failed; trying again later")


def install(services: Services) -> None:
    if services.http is None:
        return
    services.http.mount(PREFIX, build_app(services))
    services.scheduler.add_job(
        purge, "interval", hours=1, args=[services.store], id=PURGE_JOB, replace_existing=True
    )
