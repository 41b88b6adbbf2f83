"""The check-in rules, one place for chat and dashboard: which date a code belongs to,
whether it is still valid, whether the date is open for check-in, one check-in per member
and date, walk-ins, and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.calendar.recurrence import Occurrence, find_occurrence
from bot.settings import Settings
from handlers.checkin import tokens
from storage import Store
from storage.db import utcnow

# how far back a code is recognised as one that has rotated away (rather than unknown)
EXPIRED_MEMORY = timedelta(hours=12)
# dates whose original start lies this far around now are searched for a typed code
# (a date moved by days keeps its original start as key)
SEARCH_SPAN = timedelta(days=14)


@dataclass(frozen=True)
class ShownCode:
    """What the check-in page shows now, and until when."""

    code: str
    telegram_link: str | None
    slack_link: str | None
    valid_until: datetime  # the next code is shown from then on


@dataclass
class Refused(Exception):
    """A check-in that cannot happen; ``key`` names the message, ``moment`` a time in it."""

    key: str
    moment: datetime | None = None


@dataclass(frozen=True)
class CheckedIn:
    occurrence: Occurrence
    walk_in: bool
    already: bool  # True: they were checked in before (at ``at``), nothing changed
    at: datetime


def telegram_link(settings: Settings, code: str) -> str | None:
    username = (settings.telegram_bot_username or "").lstrip("@")
    return f"https://t.me/{username}?start={tokens.LINK_PREFIX}{code}" if username else None


def slack_link(settings: Settings) -> str | None:
    """Opens the direct messages with the bot in the Slack app (a documented Slack deep
    link); the member types the code shown beside it. Slack has no link that sends a
    message by itself, so the code is what checks in there."""
    team, user = settings.slack_team_id, settings.slack_bot_user_id
    return f"slack://user?team={team}&id={user}" if team and user else None


class CheckinService:
    def __init__(self, store: Store, settings: Settings, actor: str | None) -> None:
        self.store = store
        self.settings = settings
        self.actor = actor

    @property
    def rotation(self) -> timedelta:
        return self.settings.checkin_rotation

    async def shown_code(
        self, event_id: int, occurrence: datetime, now: datetime | None = None
    ) -> ShownCode:
        """The code and links of this window for the check-in page."""
        now = now or utcnow()
        secret = await self.store.checkins.secret_for(event_id, occurrence)
        window = tokens.window_of(now, self.rotation)
        code = tokens.code_for(secret, window)
        return ShownCode(
            code=code,
            telegram_link=telegram_link(self.settings, code),
            slack_link=slack_link(self.settings),
            valid_until=tokens.window_end(window, self.rotation),
        )

    def opens_at(self, occ: Occurrence) -> datetime:
        return occ.start - self.settings.checkin_opens_before

    def closes_at(self, occ: Occurrence) -> datetime:
        return occ.end + self.settings.checkin_closes_after

    def is_open(self, occ: Occurrence, now: datetime) -> bool:
        return self.opens_at(occ) <= now <= self.closes_at(occ)

    async def date_of_code(self, text: str, now: datetime) -> tuple[int, datetime]:
        """The date (event id, original start) a typed or scanned code belongs to; a code
        that has rotated away or that nobody was shown is refused."""
        code = tokens.normalize(text)
        current = tokens.window_of(now, self.rotation)
        oldest = tokens.window_of(now - EXPIRED_MEMORY, self.rotation)
        candidates = await self.store.checkins.secrets_between(now - SEARCH_SPAN, now + SEARCH_SPAN)
        for date in candidates:
            if code in (tokens.code_for(date.secret, w) for w in (current, current - 1)):
                return date.event_id, date.occurrence
        for date in candidates:
            if any(tokens.code_for(date.secret, w) == code for w in range(oldest, current - 1)):
                raise Refused("checkin.expired")
        raise Refused("checkin.unknown_code")

    async def check_in_with_code(
        self, member_id: int, text: str, how: str, now: datetime | None = None
    ) -> CheckedIn:
        """A member checks in with the code they typed (how='code') or scanned (how='link')."""
        now = now or utcnow()
        event_id, key = await self.date_of_code(text, now)
        return await self._check_in(event_id, key, member_id, how, None, now)

    async def check_in_by_staff(
        self, event_id: int, occurrence: datetime, member_id: int, by: int | None
    ) -> CheckedIn:
        """Staff tick a name on the attendee list (the date's window applies here too)."""
        return await self._check_in(event_id, occurrence, member_id, "staff", by, utcnow())

    async def date(self, event_id: int, key: datetime) -> Occurrence:
        event = await self.store.events.get(event_id)
        if event is None:
            raise Refused("checkin.unknown_code")
        occ = find_occurrence(event, await self.store.events.overrides(event_id), key)
        if occ is None or occ.cancelled:
            raise Refused("checkin.cancelled")
        return occ

    async def _check_in(
        self,
        event_id: int,
        key: datetime,
        member_id: int,
        how: str,
        by: int | None,
        now: datetime,
    ) -> CheckedIn:
        occ = await self.date(event_id, key)
        if now < self.opens_at(occ):
            raise Refused("checkin.not_yet", self.opens_at(occ))
        if now > self.closes_at(occ):
            raise Refused("checkin.closed", self.closes_at(occ))
        checkins = self.store.checkins
        async with self.store.transaction():
            walk_in = not await checkins.said_yes_or_maybe(event_id, key, member_id)
            added = await checkins.add(
                event_id, key, member_id, how, walk_in=walk_in, by=by, at=now
            )
            if not added:
                earlier = await checkins.get(event_id, key, member_id)
                assert earlier is not None
                return CheckedIn(occ, earlier.walk_in, already=True, at=earlier.checked_in_at)
            await self.store.audit.record(
                "checkin.recorded",
                self.actor,
                event_id=event_id,
                occurrence=key.isoformat(),
                member_id=member_id,
                how=how,
                walk_in=walk_in,
            )
        return CheckedIn(occ, walk_in, already=False, at=now)
