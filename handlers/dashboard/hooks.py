"""Actions that other capabilities lend the dashboard; each shows only once registered.

Data protection (export one member's data, erase a member, with a confirmation step) and
cooperation requests are built alongside the dashboard. When such a capability lands, its
``install(services)`` registers its service functions here, e.g.::

    from handlers.dashboard import hooks
    hooks.HOOKS.export_member = privacy_service.export_for_dashboard

and the members page and the overview show the action or the list from then on. Until
then the routes answer 404 and the pages show nothing of it. The dashboard adds no rules
of its own here either: it calls the function and shows or sends what it returns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services import Services


@dataclass(frozen=True)
class Download:
    """A file the browser saves (e.g. one member's data as JSON)."""

    filename: str
    content_type: str
    body: bytes


@dataclass(frozen=True)
class OpenRequest:
    """An open cooperation request, as the overview lists it (texts as given)."""

    title: str
    who: str
    since: datetime


MemberExport = Callable[["Services", int, str], Awaitable[Download]]  # member id, actor
MemberErase = Callable[["Services", int, str], Awaitable[None]]  # member id, actor
OpenRequests = Callable[["Services"], Awaitable[list[OpenRequest]]]


@dataclass
class Hooks:
    export_member: MemberExport | None = None
    erase_member: MemberErase | None = None
    open_cooperation_requests: OpenRequests | None = None


HOOKS = Hooks()
