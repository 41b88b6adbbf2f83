-- Data protection and membership control: consent events (append-only: who accepted which
-- privacy notice version when, and every announcement choice), invitations and who was
-- invited by whom.

-- kind 'privacy': the member accepted the privacy notice ``version`` (granted is 1);
-- kind 'announcements': broadcasts on (1) or off (0). ``source`` says where it happened:
-- registration, reconfirm (a new notice version), command, merge.
CREATE TABLE consent_events (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('privacy', 'announcements')),
    granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
    version TEXT,
    source TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX consent_events_member ON consent_events(member_id, kind, id);

-- Members who registered before consent was recorded agreed to the text of that time:
-- version 'legacy', which no current notice has, so they are asked once on next contact.
INSERT INTO consent_events (member_id, kind, granted, version, source, at)
    SELECT id, 'privacy', 1, 'legacy', 'registration', consent_at FROM members;
INSERT INTO consent_events (member_id, kind, granted, version, source, at)
    SELECT member_id, 'announcements', enabled, NULL, 'command', changed_at
    FROM announcement_settings;

-- Invitation codes, stored only as a SHA-256 hash. max_uses NULL: any number until expiry.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
    max_uses INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
    uses INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX invitations_creator ON invitations(created_by);

-- A member who registered with a valid invitation (and so skipped approval).
CREATE TABLE invited_members (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    invitation_id INTEGER REFERENCES invitations(id) ON DELETE SET NULL,
    invited_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
    at TEXT NOT NULL
);
CREATE INDEX invited_members_by ON invited_members(invited_by);

CREATE INDEX identities_unreachable ON identities(unreachable_at) WHERE unreachable_at IS NOT NULL;
