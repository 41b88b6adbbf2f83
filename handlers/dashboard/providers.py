"""Lends the dashboard the data-protection and cooperation actions (see :mod:`hooks`).

The dashboard calls the same services as chat and CLI: export and erasure go through
:class:`handlers.privacy.service.PrivacyService` (audit log, waitlists moved up and the
promoted told), open requests come from the cooperation store as admins see them.
"""

from __future__ import annotations

from bot.services import Services
from handlers.dashboard.hooks import HOOKS, Download, OpenRequest
from handlers.privacy.service import PrivacyService
from storage.db import utcnow

OPEN_REQUESTS = 10


async def export_member(services: Services, member_id: int, actor: str) -> Download:
    privacy = PrivacyService(services.store, services.notifier, services.settings, actor)
    document = (await privacy.export(member_id, by_staff=True)).as_file()
    return Download(document.filename, document.mime_type, document.content)


async def erase_member(services: Services, member_id: int, actor: str) -> None:
    privacy = PrivacyService(services.store, services.notifier, services.settings, actor)
    await privacy.erase(member_id, by="staff")


async def open_requests(services: Services) -> list[OpenRequest]:
    store = services.store
    found, _total = await store.cooperation.visible(
        None, None, utcnow(), everything=True, limit=OPEN_REQUESTS
    )
    listed = []
    for request in found:
        author = await store.members.get(request.author_id)
        who = f"{author.name} ({author.company})" if author else ""
        listed.append(OpenRequest(request.title, who, request.created_at))
    return listed


def install(services: Services) -> None:
    HOOKS.export_member = export_member
    HOOKS.erase_member = erase_member
    HOOKS.open_cooperation_requests = open_requests
