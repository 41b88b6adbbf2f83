-- Events (single or RRULE series), single-occurrence overrides, topics, RSVPs with a
-- waitlist, the reminders already sent (the "sent once" truth), calendar feed tokens and
-- the per-member reminder setting for topic events.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    timezone TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    url TEXT,
    format TEXT NOT NULL DEFAULT 'meetup'
        CHECK (format IN ('meetup', 'webinar', 'workshop', 'demoday', 'conference', 'other')),
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
    organiser TEXT,
    status TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'changed', 'cancelled')),
    rrule TEXT,
    source TEXT,
    fingerprint TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_status ON events(status, ends_at);
CREATE INDEX events_source ON events(source);

-- One occurrence of a series, by its original start: cancelled, or moved to new times.
CREATE TABLE event_overrides (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    starts_at TEXT,
    ends_at TEXT,
    PRIMARY KEY (event_id, occurrence)
);

CREATE TABLE event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, topic_id)
);
CREATE INDEX event_topics_topic ON event_topics(topic_id);

-- occurrence = original start of the occurrence (ISO UTC); a moved one keeps its key.
CREATE TABLE rsvps (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('yes', 'maybe', 'no')),
    waitlisted INTEGER NOT NULL DEFAULT 0,
    position INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (event_id, occurrence, member_id)
);
CREATE INDEX rsvps_member ON rsvps(member_id);

-- occurrence = effective start (ISO UTC), so a moved occurrence is reminded at its new time.
CREATE TABLE sent_reminders (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    offset_seconds INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    UNIQUE (event_id, occurrence, offset_seconds, member_id)
);

CREATE TABLE calendar_tokens (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE member_event_settings (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    remind_topics INTEGER NOT NULL DEFAULT 0
);
