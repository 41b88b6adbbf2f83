-- Members, identities, topics, subscriptions, conversation state, bindings, outbox, audit.
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    company TEXT NOT NULL,
    region TEXT NOT NULL,
    competencies TEXT NOT NULL DEFAULT '[]',
    language TEXT NOT NULL DEFAULT 'de',
    timezone TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending', 'rejected')),
    reminders_enabled INTEGER NOT NULL DEFAULT 1,
    consent_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE identities (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    chat_id TEXT NOT NULL,
    display_name TEXT,
    unreachable_at TEXT,
    last_seen_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
CREATE INDEX identities_member ON identities(member_id);

CREATE TABLE admin_grants (
    identity TEXT PRIMARY KEY,
    granted_at TEXT NOT NULL
);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (member_id, topic_id)
);
CREATE INDEX subscriptions_topic ON subscriptions(topic_id);

CREATE TABLE conversations (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    flow TEXT NOT NULL,
    step TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- A group chat or channel bound to a topic or (later) a working group.
CREATE TABLE bindings (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('topic', 'group')),
    target_id INTEGER NOT NULL,
    title TEXT,
    bound_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
    unreachable_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (platform, chat_id, target_kind, target_id)
);
CREATE INDEX bindings_target ON bindings(target_kind, target_id);

CREATE TABLE outbox (
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
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unreachable')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_batch ON outbox(batch);

CREATE TABLE processed_updates (
    platform TEXT NOT NULL,
    update_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (platform, update_id)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
