-- Slack request signatures accepted recently, kept as a SHA-256 hash until the request's
-- timestamp leaves Slack's five-minute window (then the timestamp check refuses it anyway),
-- so a captured request sent again is refused after a restart too.
CREATE TABLE slack_signatures (
    signature_hash TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX slack_signatures_expiry ON slack_signatures (expires_at);
