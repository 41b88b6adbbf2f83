"""What the store holds about a person, table by table: how it is exported (GDPR Art. 15,
20) and how it is erased (Art. 17).

:data:`DATA_STEPS` has one step per table that references ``members(id)`` or holds platform
ids or raw messages; every other table is named in :data:`NOT_PERSONAL` with the reason.
``tests/test_privacy_steps.py`` fails when a table is in neither, so a capability that adds
a table must say here what happens to it (like ``MERGE_STEPS`` in ``storage/linking.py``).

Statements take named parameters:

- ``:member`` the member's id (``0`` when only one identity is forgotten: no member has it),
- ``:keys`` a JSON array of their identity keys (``"telegram:12345"``),
- ``:chats`` a JSON array of ``[platform, chat_id]`` pairs of their private chats.

Erasure runs the steps in this order in one transaction, so a step may still read the
member's row (``members`` comes late). Rows that others still need (a delivery count, an
event someone created, the audit trail) stay, with the person taken out: ``ERASED`` in
actor columns, ``NULL`` in member columns; readers show "ehemaliges Mitglied".
"""

from __future__ import annotations

from dataclasses import dataclass

ERASED = "erased"  # stands in actor columns for an erased person

KEYS = "(SELECT value FROM json_each(:keys))"
# the keys as (platform, user_id) pairs, so primary keys on those columns are used
KEY_PAIRS = (
    "(SELECT substr(value, 1, instr(value, ':') - 1), substr(value, instr(value, ':') + 1)"
    " FROM json_each(:keys))"
)
CHATS = "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:chats))"
# every platform id of theirs, user ids and private chat ids alike: (platform, id)
_PLATFORM_IDS = (
    "(SELECT substr(value, 1, instr(value, ':') - 1) AS platform,"
    " substr(value, instr(value, ':') + 1) AS id FROM json_each(:keys)"
    " UNION SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')"
    " FROM json_each(:chats))"
)
# their name as it appears inside a JSON string (a payload), NULL when no member is erased
_NAME_IN_JSON = (
    "(SELECT substr(json_quote(name), 2, length(json_quote(name)) - 2) FROM members"
    " WHERE id = :member)"
)
_PRIVATE_CHAT = f"(chat_kind = 'private' AND (platform, chat_id) IN {CHATS})"
_TO_THEM = f"(member_id = :member OR {_PRIVATE_CHAT})"
# The audit log is read whole: the person's keys are parsed once (a materialised CTE), and
# cheap text tests pick the few entries that json_tree then checks exactly: a value anywhere
# in the detail that is one of their keys, or their member id under a key naming a member.
_AUDIT_KEYS = "WITH erase_keys AS MATERIALIZED (SELECT value FROM json_each(:keys)) "
_AUDIT_ABOUT_THEM = (
    "((audit_log.detail LIKE '%' || :member || '%' OR EXISTS (SELECT 1 FROM erase_keys k"
    " WHERE instr(audit_log.detail, k.value) > 0)) AND EXISTS (SELECT 1 FROM"
    " json_tree(audit_log.detail) j WHERE (j.type = 'text' AND j.atom IN erase_keys)"
    " OR (j.type = 'integer' AND j.atom = :member AND j.fullkey LIKE '%member%')))"
)


@dataclass(frozen=True)
class Scrub:
    """Rewrite the rows ``select`` finds (``rowid``, then ``actor`` and ``column``): in the
    JSON ``column`` a string equal to one of the person's keys becomes :data:`ERASED` and
    their member id under a member key becomes null, at any depth; an ``actor`` that is one
    of their keys becomes :data:`ERASED`. Done in Python by :mod:`storage.privacy`."""

    column: str
    actor: str
    select: str


@dataclass(frozen=True)
class DataStep:
    """One table: ``export`` selects the person's rows (columns as they appear in the JSON
    document, ``json_columns`` parsed), ``erase`` removes or anonymises them."""

    table: str
    why: str
    export: str | None
    erase: tuple[str, ...]
    json_columns: tuple[str, ...] = ()
    scrub: Scrub | None = None

    def __post_init__(self) -> None:
        if self.export is None and not self.erase and self.scrub is None:
            raise ValueError(f"step for {self.table} neither exports nor erases")


DATA_STEPS: tuple[DataStep, ...] = (
    DataStep(
        "consent_events",
        "which privacy notice they accepted when, and their announcement choices",
        "SELECT kind, granted, version, source, at FROM consent_events"
        " WHERE member_id = :member ORDER BY id",
        ("DELETE FROM consent_events WHERE member_id = :member",),
    ),
    DataStep(
        "identities",
        "their platform accounts",
        "SELECT platform, user_id, chat_id, display_name, unreachable_at, last_seen_at,"
        " created_at FROM identities WHERE member_id = :member ORDER BY created_at",
        (
            "DELETE FROM identities WHERE member_id = :member",
            f"DELETE FROM identities WHERE (platform, user_id) IN {KEY_PAIRS}",
        ),
    ),
    DataStep(
        "admin_grants",
        "admin rights granted to one of their accounts",
        f"SELECT identity, granted_at FROM admin_grants WHERE identity IN {KEYS}",
        (f"DELETE FROM admin_grants WHERE identity IN {KEYS}",),
    ),
    DataStep(
        "conversations",
        "where they are in a multi-step input, with their answers so far",
        "SELECT platform, flow, step, data, updated_at FROM conversations"
        f" WHERE (platform, user_id) IN {KEY_PAIRS}",
        (f"DELETE FROM conversations WHERE (platform, user_id) IN {KEY_PAIRS}",),
        json_columns=("data",),
    ),
    DataStep(
        "subscriptions",
        "topic channels they follow",
        "SELECT t.name AS topic, s.level, s.created_at FROM subscriptions s JOIN topics t"
        " ON t.id = s.topic_id WHERE s.member_id = :member ORDER BY t.name",
        ("DELETE FROM subscriptions WHERE member_id = :member",),
    ),
    DataStep(
        "rsvps",
        "their answers to events (seats were released through the events service before)",
        "SELECT r.event_id, e.title, r.occurrence, r.status, r.waitlisted, r.position,"
        " r.created_at, r.updated_at FROM rsvps r JOIN events e ON e.id = r.event_id"
        " WHERE r.member_id = :member ORDER BY r.occurrence",
        ("DELETE FROM rsvps WHERE member_id = :member",),
    ),
    DataStep(
        "sent_reminders",
        "reminders they were sent",
        "SELECT r.event_id, e.title, r.occurrence, r.offset_seconds, r.sent_at"
        " FROM sent_reminders r JOIN events e ON e.id = r.event_id"
        " WHERE r.member_id = :member ORDER BY r.sent_at",
        ("DELETE FROM sent_reminders WHERE member_id = :member",),
    ),
    DataStep(
        "calendar_tokens",
        "their personal calendar feed (the secret address itself is not exported)",
        "SELECT 1 AS feed_exists, created_at FROM calendar_tokens WHERE member_id = :member",
        ("DELETE FROM calendar_tokens WHERE member_id = :member",),
    ),
    DataStep(
        "member_event_settings",
        "reminders for events of their topics on or off",
        "SELECT remind_topics FROM member_event_settings WHERE member_id = :member",
        ("DELETE FROM member_event_settings WHERE member_id = :member",),
    ),
    DataStep(
        "member_settings",
        "directory listing, preferred platform, cooperation notices and feedback requests on"
        " or off, when the weekly overview comes (the directory index follows by trigger)",
        "SELECT listed_in_directory, preferred_platform, cooperation_requests, feedback_requests,"
        " overview_weekday, overview_hour FROM member_settings"
        " WHERE member_id = :member",
        ("DELETE FROM member_settings WHERE member_id = :member",),
    ),
    DataStep(
        "quiet_hours",
        "the member's own quiet hours (on or off, from, until)",
        "SELECT enabled, start_minute, end_minute, changed_at FROM quiet_hours"
        " WHERE member_id = :member",
        ("DELETE FROM quiet_hours WHERE member_id = :member",),
    ),
    DataStep(
        "announcement_settings",
        "broadcasts from the network team on or off",
        "SELECT enabled, changed_at FROM announcement_settings WHERE member_id = :member",
        ("DELETE FROM announcement_settings WHERE member_id = :member",),
    ),
    DataStep(
        "link_codes",
        "codes they asked for to link another platform (only hashes are stored)",
        "SELECT platform, created_at, expires_at, used_at FROM link_codes"
        " WHERE member_id = :member ORDER BY created_at",
        ("DELETE FROM link_codes WHERE member_id = :member",),
    ),
    DataStep(
        "link_failures",
        "wrong link codes they entered (rate limit)",
        "SELECT at FROM link_failures"
        f" WHERE subject = 'member:' || :member OR subject IN {KEYS} ORDER BY at",
        (f"DELETE FROM link_failures WHERE subject = 'member:' || :member OR subject IN {KEYS}",),
    ),
    DataStep(
        "directory_searches",
        "their directory searches of the last day (rate limit, paging)",
        "SELECT query, filters, at FROM directory_searches WHERE member_id = :member ORDER BY at",
        ("DELETE FROM directory_searches WHERE member_id = :member",),
    ),
    DataStep(
        "member_facets",
        "their company profile: processes, materials, certifications, industries, what"
        " they look for, size band",
        "SELECT v.facet, v.label FROM member_facets f JOIN vocab_entries v ON v.id = f.entry_id"
        " WHERE f.member_id = :member ORDER BY v.facet, v.label",
        ("DELETE FROM member_facets WHERE member_id = :member",),
    ),
    DataStep(
        "vocab_entries",
        "entries they typed into their profile: removed while still proposed and nobody"
        " else chose them, otherwise kept for the network without their name",
        "SELECT facet, label, proposed FROM vocab_entries WHERE proposed_by = :member"
        " ORDER BY facet, label",
        (
            "DELETE FROM vocab_entries WHERE proposed_by = :member AND proposed = 1"
            " AND NOT EXISTS (SELECT 1 FROM member_facets f WHERE f.entry_id = vocab_entries.id"
            " AND f.member_id != :member)",
            "UPDATE vocab_entries SET proposed_by = NULL WHERE proposed_by = :member",
        ),
    ),
    DataStep(
        "invitations",
        "invitations they created stay valid for the network, without their name",
        "SELECT id, max_uses, uses, expires_at, created_at FROM invitations"
        " WHERE created_by = :member ORDER BY id",
        ("UPDATE invitations SET created_by = NULL WHERE created_by = :member",),
    ),
    DataStep(
        "invited_members",
        "that they joined by invitation (not who invited them: that is another person)",
        "SELECT invitation_id, at FROM invited_members WHERE member_id = :member",
        (
            "DELETE FROM invited_members WHERE member_id = :member",
            "UPDATE invited_members SET invited_by = NULL WHERE invited_by = :member",
        ),
    ),
    DataStep(
        "bindings",
        "group chats they bound to a topic: the binding stays for the group",
        "SELECT platform, chat_id, title, target_kind, target_id, created_at FROM bindings"
        " WHERE bound_by = :member ORDER BY id",
        ("UPDATE bindings SET bound_by = NULL WHERE bound_by = :member",),
    ),
    DataStep(
        "events",
        "events they created or organise stay for the attendees, without their name",
        "SELECT id, title, organiser, created_at FROM events"
        f" WHERE created_by IN {KEYS}"
        " OR organiser = (SELECT name FROM members WHERE id = :member) ORDER BY id",
        (
            "UPDATE events SET organiser = NULL"
            " WHERE organiser = (SELECT name FROM members WHERE id = :member)",
            f"UPDATE events SET created_by = '{ERASED}' WHERE created_by IN {KEYS}",
        ),
    ),
    DataStep(
        "broadcasts",
        "broadcasts they wrote or asked a report for stay, without who they were",
        "SELECT id, audience, text, status, send_at, recipients, created_at FROM broadcasts"
        f" WHERE created_by IN {KEYS} OR report_member_id = :member ORDER BY id",
        (
            f"UPDATE broadcasts SET created_by = '{ERASED}' WHERE created_by IN {KEYS}",
            f"UPDATE broadcasts SET cancelled_by = '{ERASED}' WHERE cancelled_by IN {KEYS}",
            "UPDATE broadcasts SET report_member_id = NULL, report_platform = NULL,"
            " report_chat_id = NULL WHERE report_member_id = :member"
            f" OR (report_platform, report_chat_id) IN {CHATS}",
        ),
        json_columns=("audience",),
    ),
    DataStep(
        "group_members",
        "working groups they belong to, with role and notification level",
        "SELECT g.name AS working_group, m.role, m.level, m.joined_at FROM group_members m"
        " JOIN work_groups g ON g.id = m.group_id WHERE m.member_id = :member ORDER BY g.name",
        ("DELETE FROM group_members WHERE member_id = :member",),
    ),
    DataStep(
        "group_requests",
        "open requests to join a working group",
        "SELECT g.name AS working_group, r.requested_at FROM group_requests r"
        " JOIN work_groups g ON g.id = r.group_id WHERE r.member_id = :member",
        ("DELETE FROM group_requests WHERE member_id = :member",),
    ),
    DataStep(
        "group_digests",
        "weekly digests they were sent",
        "SELECT week, posts, settled_at FROM group_digests WHERE member_id = :member",
        ("DELETE FROM group_digests WHERE member_id = :member",),
    ),
    DataStep(
        "group_posts",
        "their working-group updates stay for the group, shown as from a former member",
        "SELECT p.id, g.name AS working_group, p.body, p.created_at, p.withdrawn"
        " FROM group_posts p JOIN work_groups g ON g.id = p.group_id"
        " WHERE p.author_id = :member ORDER BY p.id",
        (
            "UPDATE group_posts SET author_id = NULL WHERE author_id = :member",
            f"UPDATE group_posts SET withdrawn_by = '{ERASED}' WHERE withdrawn_by IN {KEYS}",
        ),
    ),
    DataStep(
        "work_groups",
        "working groups they created stay for the network, without who created them",
        f"SELECT name, created_at FROM work_groups WHERE created_by IN {KEYS} ORDER BY name",
        (f"UPDATE work_groups SET created_by = '{ERASED}' WHERE created_by IN {KEYS}",),
    ),
    DataStep(
        "cooperation_requests",
        "their cooperation requests (the schema removes them with the profile: they name"
        " the author's need, so they are not kept without them)",
        "SELECT id, kind, title, description, tags, region, status, created_at, expires_at"
        " FROM cooperation_requests WHERE author_id = :member ORDER BY id",
        (
            f"UPDATE cooperation_requests SET closed_by = '{ERASED}' WHERE closed_by IN {KEYS}",
            "DELETE FROM cooperation_requests WHERE author_id = :member",
        ),
        json_columns=("tags",),
    ),
    DataStep(
        "cooperation_responses",
        "cooperation notices they got and how they answered",
        "SELECT r.request_id, q.title, r.notified_at, r.answer, r.answered_at, r.connected_at"
        " FROM cooperation_responses r JOIN cooperation_requests q ON q.id = r.request_id"
        " WHERE r.member_id = :member ORDER BY r.request_id",
        ("DELETE FROM cooperation_responses WHERE member_id = :member",),
    ),
    DataStep(
        "polls",
        "date polls they organised stay for those asked, without their organiser and without"
        " the chat their tally went to",
        "SELECT id, title, audience_kind, deadline, state, created_at FROM polls"
        " WHERE organiser_id = :member ORDER BY id",
        (
            "UPDATE polls SET organiser_id = NULL, tally_platform = NULL, tally_chat = NULL,"
            " tally_target = NULL WHERE organiser_id = :member",
        ),
    ),
    DataStep(
        "poll_audience",
        "the date polls they were asked in",
        "SELECT a.poll_id, p.title FROM poll_audience a JOIN polls p ON p.id = a.poll_id"
        " WHERE a.member_id = :member ORDER BY a.poll_id",
        ("DELETE FROM poll_audience WHERE member_id = :member",),
    ),
    DataStep(
        "poll_answers",
        "their answers to date polls (the tally no longer counts them)",
        "SELECT w.poll_id, p.title, o.start AS date, w.answer, w.answered_at"
        " FROM poll_answers w JOIN polls p ON p.id = w.poll_id JOIN poll_options o"
        " ON o.poll_id = w.poll_id AND o.position = w.position"
        " WHERE w.member_id = :member ORDER BY w.poll_id, w.position",
        ("DELETE FROM poll_answers WHERE member_id = :member",),
    ),
    DataStep(
        "event_checkins",
        "the event dates they checked in at (how, when, and whether unannounced); the figures"
        " no longer count them",
        "SELECT c.event_id, e.title, c.occurrence AS date, c.how, c.walk_in, c.checked_in_at"
        " FROM event_checkins c JOIN events e ON e.id = c.event_id"
        " WHERE c.member_id = :member ORDER BY c.event_id, c.occurrence",
        (
            "UPDATE event_checkins SET checked_in_by = NULL WHERE checked_in_by = :member",
            "DELETE FROM event_checkins WHERE member_id = :member",
        ),
    ),
    DataStep(
        "event_feedback",
        "their feedback on event dates: stars, comment and whether their name may be shown",
        "SELECT f.event_id, e.title, f.occurrence AS date, f.stars, f.comment, f.show_name,"
        " f.created_at, f.updated_at FROM event_feedback f JOIN events e ON e.id = f.event_id"
        " WHERE f.member_id = :member ORDER BY f.event_id, f.occurrence",
        ("DELETE FROM event_feedback WHERE member_id = :member",),
    ),
    DataStep(
        "feedback_requests",
        "the feedback requests sent to them",
        "SELECT r.event_id, e.title, r.occurrence AS date, r.sent_at, r.changeable_until"
        " FROM feedback_requests r JOIN events e ON e.id = r.event_id"
        " WHERE r.member_id = :member ORDER BY r.event_id, r.occurrence",
        ("DELETE FROM feedback_requests WHERE member_id = :member",),
    ),
    DataStep(
        "inbox",
        "updates from their accounts as they arrived: the raw payload and the chat key (their"
        " platform id) are cleared once an update is handled; only the platform's update id"
        " stays, to refuse re-deliveries. One still waiting is handled first, then cleared",
        None,
        (
            "UPDATE inbox SET payload = '', chat_key = '' WHERE done_at IS NOT NULL"
            " AND (payload != '' OR chat_key != '')"
            f" AND EXISTS (SELECT 1 FROM {_PLATFORM_IDS} i WHERE i.platform = inbox.platform"
            " AND (substr(inbox.chat_key, instr(inbox.chat_key, ':') + 1) = i.id"
            " OR instr(inbox.payload, i.id) > 0))",
        ),
    ),
    DataStep(
        "dashboard_submissions",
        "dashboard forms they sent (when, and which page showed the outcome), kept with"
        " the session so a form sent twice acts once",
        "SELECT s.created_at, s.outcome FROM dashboard_submissions s"
        f" JOIN dashboard_sessions d ON d.id_hash = s.session_hash WHERE d.identity IN {KEYS}"
        " ORDER BY s.created_at",
        (
            "DELETE FROM dashboard_submissions WHERE session_hash IN (SELECT id_hash FROM"
            f" dashboard_sessions WHERE identity IN {KEYS})",
        ),
    ),
    DataStep(
        "dashboard_sessions",
        "their sign-ins to the staff dashboard (the secrets themselves are not exported)",
        f"SELECT language, created_at, expires_at, last_seen_at, revoked_at"
        f" FROM dashboard_sessions WHERE identity IN {KEYS} ORDER BY created_at",
        (f"DELETE FROM dashboard_sessions WHERE identity IN {KEYS}",),
    ),
    DataStep(
        "dashboard_login_tokens",
        "one-time dashboard links they asked for (stored as hashes)",
        f"SELECT created_at, expires_at, used_at FROM dashboard_login_tokens"
        f" WHERE identity IN {KEYS} ORDER BY created_at",
        (f"DELETE FROM dashboard_login_tokens WHERE identity IN {KEYS}",),
    ),
    DataStep(
        "outbox",
        "messages to them: queued ones are dropped; delivered ones stay as a count for the"
        " delivery reports, without chat, text or member; requests about them (approval,"
        " joining a group) go; messages to others that named them (their post, a notice)"
        " keep only the count once delivered",
        "SELECT id, platform, chat_kind, batch, status, created_at, sent_at FROM outbox"
        f" WHERE {_TO_THEM} ORDER BY id",
        (
            "DELETE FROM outbox WHERE batch = 'approval:' || :member"
            " OR batch LIKE 'group-request:%:' || :member",
            f"DELETE FROM outbox WHERE status IN ('pending', 'sending') AND {_TO_THEM}",
            f"UPDATE outbox SET member_id = NULL, chat_id = '{ERASED}', payload = '{{}}',"
            f" dedupe_key = NULL, last_error = NULL WHERE {_TO_THEM}",
            "UPDATE outbox SET payload = '{}' WHERE status NOT IN ('pending', 'sending')"
            f" AND payload != '{{}}' AND instr(payload, {_NAME_IN_JSON}) > 0",
        ),
    ),
    DataStep(
        "audit_log",
        "the trail keeps each action, with their accounts and member id taken out; in their"
        " export other people appear as 'network team', and details only when about them",
        _AUDIT_KEYS + "SELECT at, action, CASE WHEN actor IN erase_keys THEN 'you'"
        " WHEN actor IS NULL THEN 'system' WHEN actor = 'cli' THEN 'cli'"
        f" ELSE 'network team' END AS actor, CASE WHEN {_AUDIT_ABOUT_THEM} THEN detail END"
        f" AS detail FROM audit_log WHERE actor IN erase_keys OR {_AUDIT_ABOUT_THEM}"
        " ORDER BY id",
        (),
        json_columns=("detail",),
        scrub=Scrub(
            "detail",
            "actor",
            _AUDIT_KEYS + "SELECT rowid, actor, detail FROM audit_log"
            f" WHERE actor IN erase_keys OR {_AUDIT_ABOUT_THEM}",
        ),
    ),
    DataStep(
        "members",
        "the profile; anything left that references it goes by ON DELETE",
        "SELECT id, name, company, region, competencies, language, timezone, status,"
        " reminders_enabled, consent_at, created_at, updated_at FROM members"
        " WHERE id = :member",
        ("DELETE FROM members WHERE id = :member",),
        json_columns=("competencies",),
    ),
    DataStep(
        "cooperation_index",
        "the matching index row went with the profile (trigger); merged like the directory's",
        None,
        ("INSERT INTO cooperation_index (cooperation_index) VALUES ('optimize')",),
    ),
    DataStep(
        "directory_index",
        "the search index row went with the profile (trigger); merging the index drops the"
        " deleted terms from older index segments, so no search term stays behind",
        None,
        ("INSERT INTO directory_index (directory_index) VALUES ('optimize')",),
    ),
)

NOT_PERSONAL: dict[str, str] = {
    "poll_options": "the candidate dates of date polls",
    "checkin_secrets": "the random secret per event date its rotating check-in codes come from",
    "schema_migrations": "which migrations ran",
    "topics": "topic channels of the network",
    "event_overrides": "moved or cancelled dates of events",
    "event_topics": "which topics an event belongs to",
    "event_dates": "the dates of events, materialised from events and event_overrides",
    "event_dates_state": "how far the materialised dates reach",
    "calendar_subscriptions": "calendar URLs kept in sync and their last result (who "
    "subscribed is in the audit log)",
    "cooperation_request_topics": "which topics a request concerns",
    "cooperation_request_facets": "which vocabulary entries a request is tagged with",
    "cooperation_monthly": "counts per month for the network's reports, no people",
    "dashboard_secrets": "the key that signs dashboard cookies",
    "admin_claims": "one-time admin claim codes (hashes); who claimed one is in the audit log",
    "slack_signatures": "hashes of Slack request signatures, kept five minutes against replays",
    "directory_index_data": "FTS5 storage of directory_index (see its step)",
    "directory_index_idx": "FTS5 storage of directory_index (see its step)",
    "directory_index_content": "FTS5 storage of directory_index (see its step)",
    "directory_index_docsize": "FTS5 storage of directory_index (see its step)",
    "directory_index_config": "FTS5 storage of directory_index (see its step)",
    "cooperation_index_data": "FTS5 storage of cooperation_index (see its step)",
    "cooperation_index_idx": "FTS5 storage of cooperation_index (see its step)",
    "cooperation_index_content": "FTS5 storage of cooperation_index (see its step)",
    "cooperation_index_docsize": "FTS5 storage of cooperation_index (see its step)",
    "cooperation_index_config": "FTS5 storage of cooperation_index (see its step)",
}

# Column names that hold platform ids, raw messages or people: a table with one of them (or
# a reference to members) must have a step, not a NOT_PERSONAL entry.
PERSONAL_COLUMNS = frozenset(
    {
        "user_id",
        "chat_id",
        "chat_key",
        "identity",
        "actor",
        "subject",
        "payload",
        "created_by",
        "cancelled_by",
        "withdrawn_by",
        "report_chat_id",
        "organiser",
    }
)
