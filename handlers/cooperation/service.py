"""The rules of cooperation requests, shared by chat, the CLI and a later web dashboard.

- A request is checked field by field in the wizard, and again as a whole when posted.
  Posting stores it, tells the matching members (:mod:`handlers.cooperation.matching`)
  and counts it, in one transaction.
- Nobody's contact is shared before both agreed: "interested" shows the author the
  member's name, company and competencies; only the author's "connect" gives both the
  other's contact.
- Closed (found, not needed, removed) and expired requests are matched, listed and
  answered no more; the store closes only open requests, so each closing counts once.
- Posted requests, interests and connections are counted per month in the network's zone
  (:meth:`CooperationService.monthly_stats`, for the CLI and ``/stats``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers import validation
from handlers.cooperation import matching, render
from handlers.validation import Invalid
from storage import Store
from storage.cooperation import KINDS, CooperationRequest, Interested, MonthCounts, TopicCount
from storage.db import utcnow
from storage.members import Member

MAX_TITLE = 120
MAX_DESCRIPTION = 2000
MAX_TAGS = 10
MAX_TAG_LENGTH = 50
EXPIRY_CHOICES = {"2w": timedelta(weeks=2), "6w": timedelta(weeks=6), "12w": timedelta(weeks=12)}
DEFAULT_EXPIRY = "6w"
MAX_EXPIRY = timedelta(weeks=26)
PAGE_SIZE = 8


@dataclass(frozen=True)
class Draft:
    """A request before it is posted (what the wizard collects)."""

    kind: str
    title: str
    description: str
    tags: list[str]
    region: str | None
    expires_at: datetime
    facets: tuple[int, ...] = ()  # vocabulary entries (a process, a certification)


@dataclass(frozen=True)
class Posted:
    request: CooperationRequest
    notified: int


@dataclass(frozen=True)
class Listing:
    """One page of ``/gesuche`` for one viewer."""

    own: list[tuple[CooperationRequest, int]]
    others: list[CooperationRequest]
    total: int
    topics: list[TopicCount]
    offset: int

    @property
    def more(self) -> bool:
        return self.offset + len(self.others) < self.total


@dataclass(frozen=True)
class Connection:
    request: CooperationRequest
    author: Member
    member: Member
    reach: dict[str, str]  # the member's accounts, for the author's introduction
    again: bool  # connected before: nothing new was sent


@dataclass
class CooperationService:
    store: Store
    notifier: Notifier
    settings: Settings
    clock: Callable[[], datetime] = utcnow

    # checks --------------------------------------------------------------------------------

    @staticmethod
    def check_kind(kind: str) -> str:
        if kind not in KINDS:
            raise Invalid("error.stale_button", {})
        return kind

    @staticmethod
    def check_title(text: str) -> str:
        return validation.single_line(text, MAX_TITLE)

    @staticmethod
    def check_description(text: str) -> str:
        value = text.strip()
        if not value:
            raise Invalid("error.empty", {})
        if len(value) > MAX_DESCRIPTION:
            raise Invalid(
                "cooperation.description_too_long", {"max": MAX_DESCRIPTION, "length": len(value)}
            )
        return value

    @staticmethod
    def check_tags(text: str, chosen: list[str] | None = None) -> list[str]:
        """Comma-separated keywords added to those ``chosen`` already, once each."""
        tags = {tag.casefold(): tag for tag in chosen or []}
        for part in text.replace("\n", ",").replace(";", ",").split(","):
            tag = " ".join(part.split())
            if tag:
                tags.setdefault(tag.casefold(), tag)
        values = list(tags.values())
        if len(values) > MAX_TAGS or any(len(tag) > MAX_TAG_LENGTH for tag in values):
            raise Invalid("cooperation.bad_tags", {"max_tags": MAX_TAGS, "max_len": MAX_TAG_LENGTH})
        if not values:
            raise Invalid("cooperation.tags_needed", {})
        return values

    def expiry_after(self, choice: str) -> datetime:
        """The end of the day that lies a preset time (``2w``, ``6w``, ``12w``) from now."""
        return self.end_of_day(
            (self.clock() + EXPIRY_CHOICES[choice]).astimezone(self.settings.zone).date()
        )

    def end_of_day(self, day: date) -> datetime:
        zone = self.settings.zone
        return datetime.combine(day, time(23, 59), tzinfo=zone)

    def check_expiry(self, when: datetime) -> datetime:
        now = self.clock()
        if not now + timedelta(hours=12) <= when <= now + MAX_EXPIRY + timedelta(days=1):
            raise self.expiry_problem()
        return when

    def expiry_problem(self) -> Invalid:
        """What to say about an expiry we cannot take: the range, and an example."""
        zone = self.settings.zone
        last = (self.clock() + MAX_EXPIRY).astimezone(zone).strftime("%d.%m.%Y")
        example = self.expiry_after(DEFAULT_EXPIRY).astimezone(zone).strftime("%d.%m.%Y")
        return Invalid("cooperation.bad_expiry", {"last": last, "example": example})

    def check_draft(self, draft: Draft) -> Draft:
        return Draft(
            kind=self.check_kind(draft.kind),
            title=self.check_title(draft.title),
            description=self.check_description(draft.description),
            tags=self.check_tags(", ".join(draft.tags)),
            region=draft.region,
            expires_at=self.check_expiry(draft.expires_at),
            facets=draft.facets,
        )

    async def suggestions(self, limit: int = 8) -> list[str]:
        """Tags to offer as buttons: the topic channels, then frequent competencies."""
        names = [topic.name for topic in await self.store.topics.list()]
        names += [tag for tag, _count in (await self.store.directory.overview(limit)).competencies]
        unique: dict[str, str] = {}
        for name in names:
            if len(name) <= MAX_TAG_LENGTH:
                unique.setdefault(name.casefold(), name)
        return list(unique.values())[:limit]

    # posting -------------------------------------------------------------------------------

    async def post(self, author: Member, draft: Draft, actor: str) -> Posted:
        """Store the request, tell the matching members, count it; all or nothing. A
        request is meant for the author's region or for the whole network."""
        draft = self.check_draft(draft)
        if draft.region not in (None, author.region):
            raise Invalid("error.stale_button", {})
        now = self.clock()
        async with self.store.transaction():
            request = await self.store.cooperation.create(
                author_id=author.id,
                kind=draft.kind,
                title=draft.title,
                description=draft.description,
                tags=draft.tags,
                region=draft.region,
                created_at=now,
                expires_at=draft.expires_at,
            )
            for entry_id in draft.facets:
                if await self.store.facets.entry(entry_id) is None:  # merged away meanwhile
                    raise Invalid("form.choice_gone", {})
            await self.store.facets.set_request(request.id, draft.facets)
            notified = await matching.notify(
                self.store,
                self.notifier,
                request,
                cap=self.settings.request_notices_per_week,
                zone=self.settings.zone,
                now=now,
            )
            await self.store.cooperation.count(self.month_of(now), "posted")
            request = await self.store.cooperation.get(request.id) or request
            await self.store.audit.record(
                "cooperation.posted",
                actor,
                request_id=request.id,
                kind=request.kind,
                region=request.region,
                tags=request.tags,
                facets=list(draft.facets),
                notified=notified,
            )
        return Posted(request, notified)

    # seeing --------------------------------------------------------------------------------

    async def listing(
        self,
        viewer: Member,
        *,
        everything: bool = False,
        topic_id: int | None = None,
        offset: int = 0,
    ) -> Listing:
        now = self.clock()
        repo = self.store.cooperation
        others, total = await repo.visible(
            viewer.id,
            viewer.region,
            now,
            everything=everything,
            topic_id=topic_id,
            offset=max(offset, 0),
            limit=PAGE_SIZE,
        )
        own = await repo.own_open(viewer.id, now) if offset == 0 and topic_id is None else []
        topics = await repo.visible_topics(viewer.id, viewer.region, now, everything)
        return Listing(own, others, total, topics, max(offset, 0))

    async def all_open(self, limit: int = 500) -> list[CooperationRequest]:
        """Every open request, all regions, newest first (for the network team)."""
        found, _total = await self.store.cooperation.visible(
            None, None, self.clock(), everything=True, limit=limit
        )
        return found

    async def visible_request(
        self, request_id: int, viewer: Member, admin: bool = False
    ) -> CooperationRequest:
        """An open request the viewer may see (their own, their region's, the network's;
        an admin sees all); raises :class:`Invalid` otherwise."""
        request = await self.store.cooperation.get(request_id)
        mine = request is not None and request.author_id == viewer.id
        if request is None or not (mine or admin or request.region in (None, viewer.region)):
            raise Invalid("cooperation.unknown", {"id": request_id})
        if not request.is_open(self.clock()):
            raise Invalid("cooperation.not_open", {})
        return request

    async def own_request(self, request_id: int, author: Member) -> CooperationRequest:
        request = await self.visible_request(request_id, author)
        if request.author_id != author.id:
            raise Invalid("cooperation.not_yours", {})
        return request

    async def interested(self, request_id: int) -> list[Interested]:
        return await self.store.cooperation.interested(request_id)

    # answering -----------------------------------------------------------------------------

    async def show_interest(self, request_id: int, member: Member) -> bool:
        """Record "interested" and tell the author who it is; False if said before."""
        request = await self.visible_request(request_id, member)
        if request.author_id == member.id:
            raise Invalid("cooperation.own_request", {})
        now = self.clock()
        async with self.store.transaction():
            previous = await self.store.cooperation.response(request.id, member.id)
            if previous is not None and previous.answer == "interested":
                return False
            await self.store.cooperation.answer(request.id, member.id, "interested", now)
            await self.store.cooperation.count(self.month_of(now), "interests")
            await self.notifier.to_members(
                [request.author_id], lambda lang: render.interest_notice(lang, request, member)
            )
        return True

    async def decline(self, request_id: int, member: Member) -> None:
        """The answer "not for me": the request no longer shows in the member's list (an
        earlier "interested" stands)."""
        request = await self.store.cooperation.get(request_id)
        if request is None:
            raise Invalid("cooperation.unknown", {"id": request_id})
        if request.author_id == member.id:
            raise Invalid("cooperation.own_request", {})
        await self.store.cooperation.answer(request.id, member.id, "declined", self.clock())

    async def connect(
        self, request_id: int, author: Member, member_id: int, actor: str
    ) -> Connection:
        """The author agrees: both get the other's contact (the member through the outbox,
        the author as the caller's answer, built from the returned :class:`Connection`)."""
        request = await self.store.cooperation.get(request_id)
        if request is None or request.status == "removed":
            raise Invalid("cooperation.not_open", {})
        if request.author_id != author.id:
            raise Invalid("cooperation.not_yours", {})
        response = await self.store.cooperation.response(request.id, member_id)
        member = await self.store.members.get(member_id)
        if member is None or response is None or response.answer != "interested":
            raise Invalid("cooperation.not_interested", {})
        reach = await self.store.directory.reach([member.id, author.id])
        now = self.clock()
        async with self.store.transaction():
            if not await self.store.cooperation.connect(request.id, member.id, now):
                return Connection(request, author, member, reach.get(member.id, {}), again=True)
            await self.store.cooperation.count(self.month_of(now), "connections")
            await self.store.audit.record(
                "cooperation.connected", actor, request_id=request.id, member_id=member.id
            )
            await self._introduce(request, author, member, reach.get(author.id, {}))
        return Connection(request, author, member, reach.get(member.id, {}), again=False)

    async def _introduce(
        self, request: CooperationRequest, author: Member, member: Member, reach: dict[str, str]
    ) -> None:
        """The member's introduction names the author's account on the platform the member
        receives it on, as :meth:`~storage.members.MemberRepository.delivery_targets` says."""
        targets = await self.store.members.delivery_targets([member.id])
        if member.id not in targets:
            return
        platform = targets[member.id][1].platform
        await self.notifier.to_members(
            [member.id],
            lambda lang: render.introduction(
                lang, request, author, reach, platform, for_author=False
            ),
        )

    # closing -------------------------------------------------------------------------------

    async def close(
        self, request_id: int, author: Member, status: str, actor: str
    ) -> CooperationRequest:
        """The author closes it: ``found`` or ``not_needed``."""
        if status not in ("found", "not_needed"):
            raise Invalid("error.stale_button", {})
        request = await self.own_request(request_id, author)
        async with self.store.transaction():
            if not await self.store.cooperation.close(request.id, status, self.clock(), actor):
                raise Invalid("cooperation.not_open", {})
            await self.store.audit.record(
                "cooperation.closed", actor, request_id=request.id, status=status
            )
        return request

    async def remove(self, request_id: int, actor: str) -> CooperationRequest:
        """An admin takes a request down; the author is told. In the audit log."""
        request = await self.store.cooperation.get(request_id)
        if request is None:
            raise Invalid("cooperation.unknown", {"id": request_id})
        async with self.store.transaction():
            if not await self.store.cooperation.close(request.id, "removed", self.clock(), actor):
                raise Invalid("cooperation.not_open", {})
            await self.store.audit.record(
                "cooperation.removed", actor, request_id=request.id, title=request.title
            )
            await self.notifier.to_members(
                [request.author_id],
                lambda lang: render.author_note(lang, "cooperation.removed_note", request),
            )
        return request

    async def keep_open(self, request_id: int, author: Member) -> CooperationRequest:
        """The author's answer to the two-week question: still open."""
        return await self.own_request(request_id, author)

    # counts --------------------------------------------------------------------------------

    def month_of(self, moment: datetime) -> str:
        return moment.astimezone(self.settings.zone).strftime("%Y-%m")

    async def monthly_stats(self, months: int = 12) -> list[MonthCounts]:
        """Requests posted, interests and connections per month, the last ``months``
        months up to this one (network zone), oldest first, months without any too."""
        local = self.clock().astimezone(self.settings.zone)
        keys = []
        year, month = local.year, local.month
        for _ in range(max(months, 1)):
            keys.append(f"{year:04d}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        keys.reverse()
        found = await self.store.cooperation.monthly(keys[0], keys[-1])
        return [found.get(key, MonthCounts(month=key)) for key in keys]
