-- Broadcasts from the network team and the members' choice about announcements.
-- A broadcast is one row here; its recipients are outbox rows with batch 'broadcast:{id}',
-- so the delivery report (sent, pending, unreachable, failed) is counted from the outbox.
CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    audience TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'sending', 'done', 'cancelled')),
    send_at TEXT NOT NULL,
    recipients INTEGER,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    late INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    report_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    report_platform TEXT,
    report_chat_id TEXT,
    report_language TEXT NOT NULL DEFAULT 'de',
    created_at TEXT NOT NULL,
    queued_at TEXT,
    finished_at TEXT,
    cancelled_at TEXT,
    cancelled_by TEXT
);
CREATE INDEX broadcasts_status ON broadcasts(status, send_at);

-- No row means announcements are on (the default); changed_at records the member's choice.
CREATE TABLE announcement_settings (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
