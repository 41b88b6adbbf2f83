-- The web dashboard for the network's staff: one-time login links, server-side sessions
-- and the key that signs the session cookie.

-- A login link from /dashboard or `knotenpunkt dashboard-link`, stored only as a SHA-256
-- hash of the token. Spent once (used_at), valid for ten minutes.
CREATE TABLE dashboard_login_tokens (
    token_hash TEXT PRIMARY KEY,
    identity TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

-- A signed-in browser. The cookie holds the session id; only its hash is stored. A session
-- ends at expires_at, on logout or when its identity is no admin any more (revoked_at).
CREATE TABLE dashboard_sessions (
    id_hash TEXT PRIMARY KEY,
    identity TEXT NOT NULL,
    language TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX dashboard_sessions_identity ON dashboard_sessions(identity);

-- Secrets the dashboard makes itself on first use (the cookie signing key), so a second
-- process (the CLI) and a restart see the same ones.
CREATE TABLE dashboard_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);
