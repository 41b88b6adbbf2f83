-- Working groups: the groups, who belongs (role, notification level), join requests,
-- updates posted to a group (withdrawn ones stay, flagged), the weekly digests already
-- settled (the "sent once" truth, one row per member and ISO week), events of a group,
-- and a 'withdrawn' outbox status for rows that must not go out any more.
CREATE TABLE work_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    join_policy TEXT NOT NULL DEFAULT 'open' CHECK (join_policy IN ('open', 'request')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    archived_at TEXT
);

-- level_since: when the member last chose their level (or joined); a digest lists only
-- updates from after it, so nobody gets an update twice by switching from "all".
CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES work_groups(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator')),
    level TEXT NOT NULL DEFAULT 'all' CHECK (level IN ('all', 'digest', 'muted')),
    level_since TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_member ON group_members(member_id);
CREATE INDEX group_members_level ON group_members(level, group_id);

CREATE TABLE group_requests (
    group_id INTEGER NOT NULL REFERENCES work_groups(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (group_id, member_id)
);

CREATE TABLE group_posts (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES work_groups(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    origin TEXT,
    created_at TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    withdrawn_at TEXT,
    withdrawn_by TEXT
);
CREATE INDEX group_posts_group ON group_posts(group_id, created_at);
CREATE INDEX group_posts_created ON group_posts(created_at);

-- week: the ISO week of the Monday the digest is for, e.g. 2026-W03; posts = how many
-- updates it listed (0: the week was empty and nothing was sent).
CREATE TABLE group_digests (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    posts INTEGER NOT NULL,
    settled_at TEXT NOT NULL,
    PRIMARY KEY (member_id, week)
);

ALTER TABLE events ADD COLUMN group_id INTEGER REFERENCES work_groups(id) ON DELETE SET NULL;
CREATE INDEX events_group ON events(group_id);

-- one working group per chat (and any number of topics)
CREATE UNIQUE INDEX bindings_one_group ON bindings(platform, chat_id) WHERE target_kind = 'group';

-- SQLite cannot change a CHECK constraint: the outbox is rebuilt with 'withdrawn' allowed.
CREATE TABLE outbox_next (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    chat_kind TEXT NOT NULL DEFAULT 'private',
    member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
    binding_id INTEGER REFERENCES bindings(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    batch TEXT,
    dedupe_key TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unreachable', 'withdrawn')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
INSERT INTO outbox_next (id, platform, chat_id, chat_kind, member_id, binding_id, payload, batch,
    dedupe_key, status, attempts, next_attempt_at, last_error, created_at, sent_at)
SELECT id, platform, chat_id, chat_kind, member_id, binding_id, payload, batch,
    dedupe_key, status, attempts, next_attempt_at, last_error, created_at, sent_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_batch ON outbox(batch);
