"""What every update needs before the router, read in one statement.

Each statement is a call into the connection's thread (about 85 µs of waiting), and an
update used to make six before its handler ran: the inbox mark, the member, the identity
touch, the conversation, the member's identities and the admin grant. Here they are one:
the inbox mark's ``RETURNING`` clause carries the rest as scalar subqueries (an update seen
before returns no row), and the identity is touched only when that changes something.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from storage.conversations import ConversationState
from storage.db import Database, to_db_time, utcnow
from storage.members import Member, _member

# last_seen_at only orders a member's identities (where notifications go): an identity that
# is already the most recent one is touched again only after this long.
TOUCH_EVERY = timedelta(hours=1)

_MEMBER_ID = "(SELECT member_id FROM identities WHERE platform = :platform AND user_id = :user_id)"

_MEMBER_JSON = (
    "(SELECT json_object('id', m.id, 'name', m.name, 'company', m.company, 'region', m.region,"
    " 'competencies', m.competencies, 'language', m.language, 'timezone', m.timezone,"
    " 'status', m.status, 'reminders_enabled', m.reminders_enabled,"
    " 'consent_at', m.consent_at, 'created_at', m.created_at)"
    f" FROM members m WHERE m.id = {_MEMBER_ID}) AS member"
)

# True when touching the identity would change nothing that matters: same chat, reachable,
# the member's most recent identity, and seen within TOUCH_EVERY.
_TOUCH_NEEDLESS = (
    "(SELECT i.chat_id = :chat_id AND i.unreachable_at IS NULL AND i.last_seen_at >= :fresh"
    " AND i.last_seen_at >= (SELECT MAX(j.last_seen_at) FROM identities j"
    " WHERE j.member_id = i.member_id)"
    " FROM identities i WHERE i.platform = :platform AND i.user_id = :user_id) AS touch_needless"
)

_COLUMNS = ", ".join(
    (
        _MEMBER_JSON,
        _TOUCH_NEEDLESS,
        "(SELECT json_group_array(platform || ':' || user_id) FROM identities"
        f" WHERE member_id = {_MEMBER_ID}) AS identity_keys",
        "EXISTS (SELECT 1 FROM admin_grants WHERE identity = :key OR identity IN"
        " (SELECT platform || ':' || user_id FROM identities"
        f" WHERE member_id = {_MEMBER_ID})) AS granted_admin",
        "(SELECT json_object('flow', flow, 'step', step, 'data', json(data)) FROM conversations"
        " WHERE platform = :platform AND user_id = :user_id) AS conversation",
        "(SELECT version FROM consent_events WHERE member_id = "
        f"{_MEMBER_ID} AND kind = 'privacy' AND granted = 1 ORDER BY id DESC LIMIT 1)"
        " AS accepted_privacy",
        "EXISTS (SELECT 1 FROM outbox WHERE platform = :chat_platform AND chat_id = :chat_id"
        " AND reply_target IS NOT NULL AND status IN ('pending', 'sending')) AS replies_waiting",
    )
)


@dataclass(frozen=True)
class UpdateContext:
    """Who sent an update and where they stand, as of the start of its transaction."""

    member: Member | None
    identity_keys: list[str] = field(default_factory=list)  # the member's, all platforms
    granted_admin: bool = False  # a grant on the sender's or any of the member's identities
    conversation: ConversationState | None = None
    accepted_privacy: str | None = None  # the notice version accepted last, if recorded
    replies_waiting: bool = False  # an earlier answer to this chat is still unsent
    touch_needless: bool = False


class UpdateContextRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def mark_and_load(
        self,
        update_id: str | None,
        platform: str,
        user_id: str,
        chat_id: str,
        *,
        now: datetime | None = None,
    ) -> UpdateContext | None:
        """Mark the update done in the caller's transaction and load its context, in one
        statement; None if the update was done before. Without an id (the console, tests)
        only the context is read."""
        moment = now or utcnow()
        params = {
            "platform": platform,
            "user_id": user_id,
            "key": f"{platform}:{user_id}",
            "chat_platform": platform,
            "chat_id": chat_id,
            "fresh": to_db_time(moment - TOUCH_EVERY),
        }
        if update_id is None:
            row = await self.db.fetchone(f"SELECT {_COLUMNS}", params)
        else:
            stamp = to_db_time(moment)
            rows = await self.db.execute_returning(
                "INSERT INTO inbox (platform, update_id, received_at, done_at)"
                " VALUES (:platform, :update_id, :stamp, :stamp)"
                " ON CONFLICT (platform, update_id) DO UPDATE SET done_at = excluded.done_at,"
                " payload = '', chat_key = '' WHERE inbox.done_at IS NULL"
                f" RETURNING {_COLUMNS}",
                {**params, "update_id": update_id, "stamp": stamp},
            )
            row = rows[0] if rows else None
            if row is None:
                return None
        assert row is not None
        return _context(row)


def _context(row: object) -> UpdateContext:
    r = dict(row)  # type: ignore[call-overload]
    member = _member(json.loads(r["member"])) if r["member"] else None
    conversation = None
    if r["conversation"]:
        conversation = ConversationState.model_validate_json(r["conversation"])
    return UpdateContext(
        member=member,
        identity_keys=json.loads(r["identity_keys"]) if member is not None else [],
        granted_admin=bool(r["granted_admin"]),
        conversation=conversation,
        accepted_privacy=None if r["accepted_privacy"] is None else str(r["accepted_privacy"]),
        replies_waiting=bool(r["replies_waiting"]),
        touch_needless=bool(r["touch_needless"]),
    )
