"""The rules of working groups, shared by chat, CLI and (later) the web dashboard.

Every change is checked and written to the audit log here, so a group made in chat and
one made on the command line behave the same. Updates are stored once and fanned out
through the outbox: to every member with level ``all`` (one message per member, on the
identity :meth:`MemberRepository.delivery_targets` picks) and to every chat bound to the
group except the one the update was posted in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.arguments import member_number
from bot.delivery.notify import Notifier
from bot.i18n import t
from bot.models import Outgoing
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService
from handlers.groups import render
from handlers.names import (
    find_group,
    pick_member,
    require_group,
    require_topic,
    unknown,
)
from handlers.validation import Invalid, line_breaks, one_line
from storage import Store
from storage.group_posts import Post
from storage.groups import JOIN_POLICIES, LEVELS, DuplicateGroup, Group
from storage.members import Member

MAX_NAME = 60
MAX_DESCRIPTION = 500
MAX_UPDATE = 4000
_FORBIDDEN_IN_NAME = ("|", "@")
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_MENTION = re.compile(r"^<@([A-Z0-9]+)(?:\|[^>]*)?>$")

POLICY_WORDS = {
    "open": "open",
    "offen": "open",
    "request": "request",
    "anfrage": "request",
    "auf anfrage": "request",
    "closed": "request",
    "geschlossen": "request",
}


def post_batch(post_id: int) -> str:
    """The outbox batch of one update: withdrawing it withdraws exactly these rows."""
    return f"group-post:{post_id}"


@dataclass
class Fanout:
    post: Post
    members: int
    chats: int


@dataclass
class GroupService:
    store: Store
    notifier: Notifier
    settings: Settings
    actor: str | None = None

    # finding ----------------------------------------------------------------------------

    async def find_active(self, name: str) -> Group:
        return await require_group(self.store, name)

    async def get_active(self, group_id: int) -> Group:
        group = await self.store.groups.get(group_id)
        if group is None or not group.active:
            raise Invalid("groups.gone", {})
        return group

    async def member_by_handle(self, handle: str) -> Member:
        """``@Anna Muster``, ``<@U0ABC|anna>`` (a Slack mention), ``telegram:123`` or an id."""
        text = handle.strip()
        mention = _MENTION.match(text)
        text = mention.group(1) if mention else text.removeprefix("@").strip()
        found = await self.store.groups.find_members(text, member_number(text)) if text else []
        if len(found) > 1:
            raise Invalid("groups.member_ambiguous", {"who": text[:60]})
        if found:
            member = await self.store.members.get(found[0])
        else:  # a name as people type it: "Groß", "gross", "Jürgen", "yilmaz"
            member = pick_member(text, await self.store.members.list_by_status("active"))
        if member is None:
            raise Invalid("groups.member_unknown", {"who": text[:60] or "?"})
        return member

    async def is_moderator(self, group: Group, member_id: int | None) -> bool:
        if member_id is None:
            return False
        membership = await self.store.groups.membership(group.id, member_id)
        return membership is not None and membership.moderator

    # admin ------------------------------------------------------------------------------

    async def create(
        self,
        name: str,
        description: str = "",
        join_policy: str = "open",
        topic_name: str | None = None,
    ) -> Group:
        """Validate and create a group; raises :class:`Invalid` with a catalog key."""
        name = one_line(name)
        description = line_breaks(description).strip()
        if not 2 <= len(name) <= MAX_NAME or any(c in name for c in _FORBIDDEN_IN_NAME):
            raise Invalid("groups.name_invalid", {"max": MAX_NAME})
        if len(description) > MAX_DESCRIPTION:
            raise Invalid("error.too_long", {"max": MAX_DESCRIPTION})
        policy = POLICY_WORDS.get(" ".join(join_policy.casefold().split()))
        if policy not in JOIN_POLICIES:
            raise Invalid("groups.bad_policy", {"policy": join_policy[:30]})
        topic_id = None
        if topic_name:
            topic_id = (await require_topic(self.store, topic_name)).id
        async with self.store.transaction():
            try:
                group = await self.store.groups.create(
                    name, description, policy, topic_id, self.actor
                )
            except DuplicateGroup:
                raise Invalid("groups.duplicate", {"group": name}) from None
            await self.store.audit.record(
                "group.created", self.actor, group_id=group.id, name=name, join_policy=policy
            )
        return group

    async def archive(self, name: str) -> tuple[Group, int]:
        """Archive a group: nothing of it is delivered any more, and its scheduled
        broadcasts are cancelled (whoever scheduled one is told). Returns the group and how
        many queued messages were withdrawn."""
        group = await find_group(self.store, name)
        if group is None:
            raise unknown(name, await self.store.groups.list(), "group")
        if not group.active:
            raise Invalid("groups.already_archived", {"group": group.name})
        async with self.store.transaction():
            await self.store.groups.archive(group.id)
            posts = await self.store.groups.post_ids(group.id, _EPOCH)
            withdrawn = await self.store.outbox.withdraw_pending(post_batch(p) for p in posts)
            broadcasts = BroadcastService(self.store, self.notifier, self.settings)
            await broadcasts.cancel_for_group(group, self.actor)
            await self.store.audit.record(
                "group.archived", self.actor, group_id=group.id, withdrawn=withdrawn
            )
        return group, withdrawn

    async def set_moderator(self, group: Group, member_id: int, moderator: bool = True) -> bool:
        """Name (or un-name) a moderator; someone not in the group joins it. True if changed."""
        groups = self.store.groups
        role = "moderator" if moderator else "member"
        async with self.store.transaction():
            if await groups.membership(group.id, member_id) is None:
                if not moderator:
                    return False
                await groups.join(group.id, member_id, role="moderator")
                await groups.remove_request(group.id, member_id)
            elif not await groups.set_role(group.id, member_id, role):
                return False
            action = "group.moderator_named" if moderator else "group.moderator_removed"
            await self.store.audit.record(
                action, self.actor, group_id=group.id, member_id=member_id
            )
        return True

    # membership -------------------------------------------------------------------------

    async def join(self, group: Group, member: Member) -> str:
        """``joined``, ``requested`` (moderators were asked), or ``member`` / ``pending``
        when nothing changed."""
        groups = self.store.groups
        async with self.store.transaction():
            if await groups.membership(group.id, member.id) is not None:
                return "member"
            if group.join_policy == "open":
                await groups.join(group.id, member.id)
                await self.store.audit.record(
                    "group.joined", self.actor, group_id=group.id, member_id=member.id
                )
                return "joined"
            if not await groups.add_request(group.id, member.id):
                return "pending"
            await self.store.audit.record(
                "group.join_requested", self.actor, group_id=group.id, member_id=member.id
            )
            await self.notifier.to_members(
                await self.approvers(group),
                lambda lang: render.join_request(lang, group, member),
                batch=f"group-request:{group.id}:{member.id}",
            )
        return "requested"

    async def approvers(self, group: Group) -> list[int]:
        """The group's moderators; the network's admins when it has none."""
        moderators = await self.store.groups.moderator_ids(group.id)
        if moderators:
            return moderators
        return await self.store.members.admin_member_ids(self.settings.admins)

    async def decide(
        self, group: Group, requester_id: int, approve: bool, decider_id: int | None, admin: bool
    ) -> Member:
        """A moderator (or admin) settles a join request; the requester is told."""
        if not admin and not await self.is_moderator(group, decider_id):
            raise Invalid("groups.moderators_only", {"group": group.name})
        requester = await self.store.members.get(requester_id)
        async with self.store.transaction():
            if requester is None or not await self.store.groups.remove_request(
                group.id, requester_id
            ):
                raise Invalid("groups.request_settled", {})
            if approve:
                await self.store.groups.join(group.id, requester_id)
            key = "groups.request_approved_note" if approve else "groups.request_declined_note"
            await self.notifier.to_members(
                [requester_id], lambda lang: Outgoing(text=t(lang, key, group=group.name))
            )
            action = "group.request_approved" if approve else "group.request_declined"
            await self.store.audit.record(
                action, self.actor, group_id=group.id, member_id=requester_id
            )
        return requester

    async def leave(self, group: Group, member_id: int) -> bool:
        async with self.store.transaction():
            left = await self.store.groups.leave(group.id, member_id)
            cancelled = await self.store.groups.remove_request(group.id, member_id)
            if left or cancelled:
                await self.store.audit.record(
                    "group.left", self.actor, group_id=group.id, member_id=member_id
                )
        return left or cancelled

    async def set_level(self, group: Group, member_id: int, level: str) -> bool:
        if level not in LEVELS:
            raise Invalid("groups.bad_level", {})
        if await self.store.groups.membership(group.id, member_id) is None:
            raise Invalid("groups.not_member", {"group": group.name})
        async with self.store.transaction():
            changed = await self.store.groups.set_level(group.id, member_id, level)
            if changed:
                await self.store.audit.record(
                    "group.level", self.actor, group_id=group.id, member_id=member_id, level=level
                )
        return changed

    # updates ----------------------------------------------------------------------------

    async def may_post(self, group: Group, member_id: int, admin: bool) -> bool:
        """Group members (moderators included) and admins."""
        return admin or await self.store.groups.membership(group.id, member_id) is not None

    @staticmethod
    def check_text(text: str) -> str:
        body = text.strip()
        if not body:
            raise Invalid("groups.update_empty", {})
        if len(body) > MAX_UPDATE:
            raise Invalid("groups.update_too_long", {"max": MAX_UPDATE, "length": len(body)})
        return body

    async def post_update(
        self,
        group: Group,
        author: Member,
        text: str,
        *,
        admin: bool = False,
        origin: tuple[str, str] | None = None,
    ) -> Fanout:
        """Store an update and queue it for the members on ``all`` and the bound chats
        (except ``origin``, the chat it was posted in), all in one transaction."""
        body = self.check_text(text)
        group = await self.get_active(group.id)
        if not await self.may_post(group, author.id, admin):
            raise Invalid("groups.post_members_only", {"group": group.name})
        store = self.store
        async with store.transaction():
            post = await store.groups.add_post(
                group.id, author.id, body, f"{origin[0]}:{origin[1]}" if origin else None
            )
            await store.audit.record(
                "group.post_created", self.actor, group_id=group.id, post_id=post.id
            )
            batch = post_batch(post.id)
            recipients = await store.groups.member_ids(group.id, ("all",))
            members = await self.notifier.to_members(
                recipients,
                lambda lang: render.update_message(lang, group, post, with_buttons=True),
                batch=batch,
                exclude=author.id,
                quiet=True,  # waits out each member's quiet hours
            )
            chats = await self.notifier.to_target_chats(
                "group",
                group.id,
                lambda lang: render.update_message(lang, group, post),
                batch=batch,
                exclude_chat=origin,
            )
        return Fanout(post, members, chats)

    async def may_withdraw(self, post: Post, member_id: int | None, admin: bool) -> bool:
        if admin or (member_id is not None and post.author_id == member_id):
            return True
        group = await self.store.groups.get(post.group_id)
        return group is not None and await self.is_moderator(group, member_id)

    async def withdraw(self, post_id: int, member_id: int | None, admin: bool) -> tuple[Post, int]:
        """The author, a moderator or an admin takes an update back: rows still queued are
        withdrawn and it no longer shows. Returns the post and the rows stopped."""
        post = await self.store.groups.get_post(post_id)
        if post is None or post.withdrawn:
            raise Invalid("groups.post_gone", {})
        if not await self.may_withdraw(post, member_id, admin):
            raise Invalid("groups.withdraw_not_allowed", {})
        async with self.store.transaction():
            if not await self.store.groups.withdraw_post(post.id, self.actor):
                raise Invalid("groups.post_gone", {})
            stopped = await self.store.outbox.withdraw_pending([post_batch(post.id)])
            await self.store.audit.record(
                "group.post_withdrawn",
                self.actor,
                group_id=post.group_id,
                post_id=post.id,
                stopped=stopped,
            )
        return post, stopped
