-- A dashboard form acts once: each form carries a one-time token, recorded with where its
-- outcome is shown in the same transaction as the change; the same token again (a retry,
-- going back and sending again) shows that outcome instead of acting twice. Forgotten
-- with the session.
CREATE TABLE dashboard_submissions (
    session_hash TEXT NOT NULL REFERENCES dashboard_sessions(id_hash) ON DELETE CASCADE,
    token TEXT NOT NULL,
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (session_hash, token)
);
-- The notice the next page shows (JSON: code and name), set by the server with the change
-- and shown once: notices no longer come from the query string.
ALTER TABLE dashboard_sessions ADD COLUMN notice TEXT;
