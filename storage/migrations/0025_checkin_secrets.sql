-- Check-in tokens (issue 28): one random secret per event date. The short code and the
-- deep link of a time window are an HMAC of this secret and the window's number, so
-- nothing per window is stored and a code seen in an earlier window cannot be replayed.
CREATE TABLE checkin_secrets (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (event_id, occurrence)
);
CREATE INDEX checkin_secrets_occurrence ON checkin_secrets(occurrence);
