"""What ``/healthz`` reports: each part of the running bot, and whether it is well.

Failing (HTTP 503): the store does not answer or its file is gone, an adapter's receiving
loop has died, the delivery worker's loop has ended, the scheduler is not running, or a
pending outbox row has waited longer than ``KNOTENPUNKT_HEALTH_OUTBOX_MAX_AGE``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

STORE_TIMEOUT = 3.0

Part = dict[str, Any]


async def store_part(services: Services) -> Part:
    try:
        await asyncio.wait_for(services.store.db.ping(), STORE_TIMEOUT)
    except Exception as exc:
        return {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "path": str(services.store.db.path)}


async def adapter_part(adapter: object) -> Part:
    report = getattr(adapter, "health", None)
    if report is None:
        return {"ok": True}
    try:
        return dict(await report())
    except Exception as exc:
        return {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}


async def outbox_part(services: Services) -> Part:
    limit = services.settings.health_outbox_max_age.total_seconds()
    try:
        now = utcnow()
        oldest = await services.store.outbox.oldest_due_pending(now)
        counts = await services.store.outbox.counts()
    except Exception as exc:
        return {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
    age = (now - oldest).total_seconds() if oldest else 0.0
    return {
        "ok": age <= limit,
        "pending": counts.get("pending", 0),
        "oldest_pending_age_seconds": round(age, 1),
        "max_age_seconds": limit,
    }


async def check(services: Services) -> tuple[bool, dict[str, Part]]:
    """Every part's report, and whether all of them are well."""
    parts: dict[str, Part] = {"store": await store_part(services)}
    for name, adapter in services.adapters.items():
        parts[name] = await adapter_part(adapter)
    parts["delivery_worker"] = {"ok": services.worker.alive}
    parts["scheduler"] = {"ok": bool(services.scheduler.running)}
    parts["outbox"] = (
        await outbox_part(services) if parts["store"]["ok"] else {"ok": False, "detail": "no store"}
    )
    ok = all(part["ok"] for part in parts.values())
    if not ok:
        failing = ", ".join(name for name, part in parts.items() if not part["ok"])
        log.warning("health: failing: %s", failing)
    return ok, parts
