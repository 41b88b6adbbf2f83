"""The rules of linking: one-time codes, joining two identities into one member, and
separating one again. Chat handlers (and later a CLI or dashboard) go through here, so the
limits, the audit entries and the messages to both chats live in one place.
"""

from __future__ import annotations

import math
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.calendar.recurrence import find_occurrence
from bot.delivery.notify import Notifier
from bot.i18n import t
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events.service import EventService
from storage import Store
from storage.db import utcnow
from storage.members import IdentityRecord, Member

# No look-alikes: without 0/O, 1/I/L, 2/Z, 5/S, 8/B.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
CODE_VALIDITY = timedelta(minutes=10)
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(hours=1)


@dataclass
class LinkProblem(Exception):
    """A code was refused; ``key`` and ``params`` make the answer."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Redeemer:
    """Who enters a code: their account and private chat, and their member if any."""

    platform: str
    user_id: str
    chat_id: str
    display_name: str | None
    member: Member | None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"


@dataclass
class Linked:
    member: Member
    merged: bool  # two members became one (else a new account joined an existing member)


def platform_name(lang: str, platform: str) -> str:
    return t(lang, f"linking.platform_{platform}")


def normalize_code(text: str) -> str:
    """The code in what people type or paste, to look up: only its letters and digits, in
    capitals. Spaces, dashes of any kind, a full stop or quotes around it (copied from a
    sentence) and small letters do not matter; a Telegram link's ``start=`` part is read."""
    _link, found, after = text.partition("start=")
    value = unicodedata.normalize("NFKC", after if found else text)
    return "".join(c for c in value if c.isalnum()).upper()


def looks_like_code(text: str) -> bool:
    code = normalize_code(text)
    return len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)


def format_problem(code: str) -> tuple[str, dict[str, object]]:
    """What is wrong with a code that cannot be one: its length, or characters no code
    has (look-alikes such as B and 8 are left out of every code)."""
    if len(code) != CODE_LENGTH:
        return "linking.bad_length", {"length": len(code), "expected": CODE_LENGTH}
    strangers = dict.fromkeys(c for c in code if c not in ALPHABET)
    return "linking.bad_characters", {"characters": ", ".join(strangers)}


@dataclass
class LinkService:
    store: Store
    notifier: Notifier
    settings: Settings
    actor: str | None = None
    clock: Callable[[], datetime] = utcnow

    async def new_code(self, member_id: int, platform: str, chat_id: str) -> str:
        """A fresh code for the member; the chat it was asked in is told when it is used."""
        expires = self.clock() + CODE_VALIDITY
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if await self.store.linking.add_code(member_id, code, platform, chat_id, expires):
                break
        await self.store.audit.record("member.link_code", self.actor, member_id=member_id)
        return code

    async def redeem(self, text: str, who: Redeemer) -> Linked:
        """Join ``who`` with the member whose code this is, or raise :class:`LinkProblem`.

        Wrong, expired and used codes count against ``MAX_FAILURES`` per hour; the attempt
        is refused once they are used up, before the code is even looked at.
        """
        now = self.clock()
        subject = f"member:{who.member.id}" if who.member else who.key
        failures = await self.store.linking.failures_since(subject, now - FAILURE_WINDOW)
        if len(failures) >= MAX_FAILURES:
            free_at = failures[-MAX_FAILURES] + FAILURE_WINDOW
            minutes = max(1, math.ceil((free_at - now).total_seconds() / 60))
            raise LinkProblem("linking.too_many", {"minutes": minutes})

        async def fail(key: str, **params: object) -> LinkProblem:
            await self.store.linking.record_failure(subject, now)
            left = MAX_FAILURES - len(failures) - 1
            return LinkProblem(key, {"left": left, **params})

        code = normalize_code(text)
        if not looks_like_code(code):
            key, params = format_problem(code)
            raise await fail(key, code=text.strip()[:20], **params)
        found = await self.store.linking.find_code(code)
        if found is None:
            raise await fail("linking.unknown")
        if found.used_at is not None:
            raise await fail("linking.used")
        if found.expires_at <= now:
            raise await fail("linking.expired", minutes=int(CODE_VALIDITY.total_seconds() // 60))
        owner = await self.store.members.get(found.member_id)
        if owner is None or owner.status != "active":
            raise LinkProblem("linking.not_active")
        if who.member is not None and who.member.id == owner.id:
            same_chat = (found.platform, found.chat_id) == (who.platform, who.chat_id)
            raise LinkProblem("linking.own_code" if same_chat else "linking.already")
        linked = None
        async with self.store.transaction():
            if await self.store.linking.use_code(code, now):
                linked = await self._join(owner, who)
                await self.store.audit.record(
                    "member.linked",
                    self.actor,
                    member_id=linked.member.id,
                    identity=who.key,
                    merged_member=who.member.id if who.member else None,
                )
                await self._tell_code_chat(
                    linked.member, found.platform, found.chat_id, who.platform
                )
        if linked is None:  # used by a concurrent attempt a moment ago
            raise await fail("linking.used")
        return linked

    async def _join(self, owner: Member, who: Redeemer) -> Linked:
        members = self.store.members
        if who.member is None:
            await members.add_identity(
                owner.id, who.platform, who.user_id, who.chat_id, who.display_name
            )
            return Linked(owner, merged=False)
        outcome = await self.store.linking.merge(owner.id, who.member.id)
        await self._fill_freed_seats(outcome.freed_seats)
        kept = await members.get(outcome.kept)
        assert kept is not None
        return Linked(kept, merged=True)

    async def _fill_freed_seats(self, freed: list[tuple[int, datetime]]) -> None:
        """Two seats of one person became one: the first waiting moves up."""
        events = EventService(self.store, self.notifier, self.settings, self.actor)
        for event_id, key in freed:
            event = await self.store.events.get(event_id)
            if event is None or event.capacity is None:
                continue
            occ = find_occurrence(event, await self.store.events.overrides(event_id), key)
            if occ is not None and not occ.cancelled and occ.start > self.clock():
                await events.fill_seats(occ)

    async def _tell_code_chat(
        self, member: Member, platform: str, chat_id: str, joined_platform: str
    ) -> None:
        """The chat where the code was asked for hears that it worked."""
        lang = member.language
        message = Outgoing(
            text=t(
                lang,
                "linking.done_other",
                name=member.name,
                platform=platform_name(lang, joined_platform),
                target=await self.target_text(member.id, lang),
            )
        )
        await self.notifier.to_chat(platform, chat_id, message)

    async def target_text(self, member_id: int, lang: str) -> str:
        """Where notifications go, in words."""
        preferred = await self.store.linking.preferred_platform(member_id)
        if preferred is None:
            return t(lang, "linking.target_last")
        return platform_name(lang, preferred)

    async def platforms(self, member_id: int) -> list[str]:
        """The member's platforms, each once, in the order they were added."""
        identities = await self.store.members.identities(member_id)
        return list(dict.fromkeys(i.platform for i in identities))

    async def unlink(self, member: Member, identity: IdentityRecord, asker: str) -> int:
        """Separate one account into a new member with a copy of the profile; its id.

        ``asker`` (``platform:user_id``) gets the answer from the handler; the other of the
        two now separate members is told through the outbox.
        """
        identities = await self.store.members.identities(member.id)
        if len(identities) < 2:
            raise LinkProblem("linking.unlink_nothing")
        if identity.key not in {i.key for i in identities}:
            raise LinkProblem("error.stale_button")
        async with self.store.transaction():
            new_id = await self.store.linking.split(member.id, identity.platform, identity.user_id)
            preferred = await self.store.linking.preferred_platform(member.id)
            if preferred is not None and preferred not in await self.platforms(member.id):
                await self.store.linking.set_preferred_platform(member.id, None)
            await self.store.audit.record(
                "member.unlinked",
                self.actor,
                member_id=member.id,
                new_member_id=new_id,
                identity=identity.key,
            )
            other = member.id if asker == identity.key else new_id

            def render(lang: str) -> Outgoing:
                account = account_label(lang, identity)
                return Outgoing(text=t(lang, "linking.unlinked_other", account=account))

            await self.notifier.to_members([other], render)
        return new_id


def account_label(lang: str, identity: IdentityRecord) -> str:
    """An account as people recognise it: ``Slack (anna)``."""
    name = identity.display_name or identity.user_id
    return f"{platform_name(lang, identity.platform)} ({name})"
