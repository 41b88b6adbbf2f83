"""The one SQLite store. Nothing outside this package writes SQL."""

from __future__ import annotations

from pathlib import Path

from storage.admin_claims import AdminClaimRepository
from storage.audit import AuditLog
from storage.bindings import BindingRepository
from storage.broadcasts import BroadcastRepository
from storage.checkins import CheckinRepository
from storage.conversations import ConversationRepository
from storage.cooperation import CooperationRepository
from storage.dashboard import DashboardRepository
from storage.dates import DateRepository
from storage.db import Database, StoreUnavailable
from storage.directory import DirectoryRepository
from storage.event_figures import EventFiguresRepository
from storage.events import EventRepository
from storage.facets import FacetRepository
from storage.feedback import FeedbackRepository
from storage.groups import GroupRepository
from storage.invitations import InvitationRepository
from storage.linking import LinkRepository
from storage.maintenance import Maintenance
from storage.members import MemberRepository
from storage.outbox import OutboxRepository
from storage.overview import OverviewRepository
from storage.polls import PollRepository
from storage.privacy import PrivacyRepository
from storage.quiet_hours import QuietHoursRepository
from storage.rsvps import RsvpRepository
from storage.signatures import SeenSignatures
from storage.stats import StatsRepository
from storage.subscriptions import SubscriptionRepository
from storage.topics import TopicRepository
from storage.update_context import UpdateContextRepository
from storage.updates import Inbox


class Store:
    """All repositories over one database connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.members = MemberRepository(db)
        self.topics = TopicRepository(db)
        self.conversations = ConversationRepository(db)
        self.bindings = BindingRepository(db)
        self.outbox = OutboxRepository(db)
        self.audit = AuditLog(db)
        self.updates = Inbox(db)
        self.update_context = UpdateContextRepository(db)
        self.events = EventRepository(db)
        self.dates = DateRepository(db)
        self.rsvps = RsvpRepository(db)
        self.broadcasts = BroadcastRepository(db, self.outbox)
        self.linking = LinkRepository(db)
        self.directory = DirectoryRepository(db)
        self.groups = GroupRepository(db)
        self.maintenance = Maintenance(db)
        self.cooperation = CooperationRepository(db)
        self.privacy = PrivacyRepository(db)
        self.invitations = InvitationRepository(db)
        self.stats = StatsRepository(db)
        self.dashboard = DashboardRepository(db)
        self.admin_claims = AdminClaimRepository(db)
        self.subscriptions = SubscriptionRepository(db)
        self.seen_signatures = SeenSignatures(db)
        self.polls = PollRepository(db)
        self.checkins = CheckinRepository(db)
        self.feedback = FeedbackRepository(db)
        self.event_figures = EventFiguresRepository(db)
        self.overview = OverviewRepository(db)
        self.facets = FacetRepository(db)
        self.quiet_hours = QuietHoursRepository(db)

    @classmethod
    async def open(cls, path: Path | str) -> Store:
        return cls(await Database(path).open())

    def transaction(self, *, begins_with_write: bool = False):  # type: ignore[no-untyped-def]
        """Make several repository calls atomic (see :meth:`Database.transaction`)."""
        return self.db.transaction(begins_with_write=begins_with_write)

    async def close(self) -> None:
        await self.db.close()


__all__ = ["Database", "Store", "StoreUnavailable"]
