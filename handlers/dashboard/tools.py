"""What every template may use: texts from the catalog in the admin's language, dates in
the admin's zone, numbers, and the request's CSRF token and script nonce."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from aiohttp import web
from babel.numbers import format_decimal
from multidict import MultiDictProxy

from bot import markup
from bot.calendar.recurrence import Occurrence
from bot.i18n import CATALOG, format_date, format_datetime, format_day, t, tn
from handlers.broadcast import render as broadcast_render
from handlers.dashboard.auth import Admin
from handlers.events import render as event_render
from handlers.events.rule_text import describe_rule
from handlers.members.render import region_label
from storage.events import Event

if TYPE_CHECKING:
    from bot.services import Services


SERVICES: web.AppKey[Services] = web.AppKey("services")
ADMIN: web.RequestKey[Admin] = web.RequestKey("admin", Admin)
NONCE: web.RequestKey[str] = web.RequestKey("nonce", str)
FORM: web.RequestKey[MultiDictProxy[Any]] = web.RequestKey("form")


WEB = ".web"


def web_key(key: str) -> str:
    """The key a web page shows for ``key``: its ``<key>.web`` text where the shared text
    speaks of chat things (bot/i18n/catalog/web.py), else the key itself. Every text of the
    dashboard passes here, so an ``Invalid`` from a shared parser reads like a form."""
    web = f"{key}{WEB}"
    return web if web in CATALOG else key


@dataclass(frozen=True)
class PageTools:
    services: Services
    admin: Admin | None
    request: web.Request

    @property
    def lang(self) -> str:
        return self.admin.language if self.admin else self.services.settings.language

    @property
    def zone(self) -> ZoneInfo:
        member = self.admin.member if self.admin else None
        if member is not None and member.timezone:
            return ZoneInfo(member.timezone)
        return self.services.settings.zone

    def t(self, key: str, **params: object) -> str:
        return t(self.lang, web_key(key), **params)

    def tn(self, key: str, count: int, **params: object) -> str:
        return tn(self.lang, web_key(key), count, **params)

    def when(self, moment: datetime | None) -> str:
        return format_datetime(moment, self.lang, self.zone) if moment else "–"

    def day(self, moment: datetime | None) -> str:
        return format_date(moment, self.lang, self.zone) if moment else "–"

    def day_of(self, value: date) -> str:
        return format_day(value, self.lang)

    def occurrence_when(self, occ: Occurrence) -> str:
        return event_render.occurrence_when(self.lang, self.zone, occ)

    def rule(self, event: Event) -> str:
        return describe_rule(
            self.lang, event.rrule, event.start.astimezone(ZoneInfo(event.timezone))
        )

    def region(self, value: str) -> str:
        """A region as members read it ("other" is "Andere Region")."""
        return region_label(self.lang, value)

    def number(self, value: int) -> str:
        return format_decimal(value, locale="de_DE" if self.lang == "de" else "en_GB")

    @property
    def nonce(self) -> str:
        return self.request.get(NONCE, "")

    def context(self) -> dict[str, Any]:
        return {
            "t": self.t,
            "tn": self.tn,
            "when": self.when,
            "day": self.day,
            "number": self.number,
            "region_name": self.region,
            "day_of": self.day_of,
            "occurrence_when": self.occurrence_when,
            "rule": self.rule,
            "snippet": broadcast_render.snippet,
            "spans": markup.spans,
            "lang": self.lang,
            "admin": self.admin,
            "csrf_token": self.admin.csrf_token if self.admin else "",
            "nonce": self.nonce,
            "path": self.request.path,
            "network_name": self.services.settings.network_name,
        }


def tools_for(services: Services, admin: Admin | None, request: web.Request) -> PageTools:
    return PageTools(services, admin, request)
