-- One-time admin claim codes from `knotenpunkt init` or `knotenpunkt admin claim-code`,
-- stored only as a SHA-256 hash: the first person who sends `/start CODE` becomes admin.
-- A new code replaces any unused one; a used one keeps its row (when, not who: the audit
-- log says who).
CREATE TABLE admin_claims (
    id INTEGER PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
