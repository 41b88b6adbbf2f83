-- Quiet hours (issue 29): notifications that can wait are held in the outbox until the
-- member's quiet hours end; urgent broadcasts go out at once, silently at night.

-- A member's own choice; no row: the network's default (KNOTENPUNKT_QUIET_HOURS).
-- Minutes after local midnight in the member's zone; start = end is not allowed.
CREATE TABLE quiet_hours (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1439),
    changed_at TEXT NOT NULL,
    CHECK (start_minute <> end_minute)
);

-- Sent without sound (Telegram's disable_notification): an urgent message at night.
ALTER TABLE outbox ADD COLUMN silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1));

-- An admin marked the broadcast urgent: it is not held by quiet hours.
ALTER TABLE broadcasts ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));
