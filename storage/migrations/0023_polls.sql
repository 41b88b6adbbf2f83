-- Date polls ("Terminfindung"): an organiser offers 2-12 dates to an audience, members
-- answer yes / if need be / no per date, and the chosen date becomes an event.

-- audience_kind: 'group' (audience_ref = work_groups.id), 'topic' (topics.id) or
-- 'members' (chosen by hand, no ref). state: 'open' until the deadline or the organiser
-- ends it, 'ended' while the organiser picks the date, 'closed' once it is an event (or
-- was dropped). tally_target: where the organiser's live tally is (an adapter's opaque
-- edit target); tally_dirty: votes since the tally was last queued (the job flushes it).
CREATE TABLE polls (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    organiser_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    audience_kind TEXT NOT NULL CHECK (audience_kind IN ('group', 'topic', 'members')),
    audience_ref INTEGER,
    deadline TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('all', 'organiser')),
    remind_at TEXT,
    reminded_at TEXT,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'ended', 'closed')),
    ended_at TEXT,
    chosen_option INTEGER,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    tally_platform TEXT,
    tally_chat TEXT,
    tally_target TEXT,
    tally_dirty INTEGER NOT NULL DEFAULT 0,
    tally_sent_at TEXT,
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX polls_open_deadline ON polls(deadline) WHERE state = 'open';
CREATE INDEX polls_due_reminder ON polls(remind_at) WHERE state = 'open' AND reminded_at IS NULL;
CREATE INDEX polls_dirty_tally ON polls(id) WHERE tally_dirty = 1;
CREATE INDEX polls_organiser ON polls(organiser_id);

CREATE TABLE poll_options (
    id INTEGER PRIMARY KEY,
    poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start TEXT NOT NULL,
    end TEXT,
    UNIQUE (poll_id, position),
    UNIQUE (poll_id, start)
);

-- Who was asked: the audience as it was when the poll went out.
CREATE TABLE poll_audience (
    poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    PRIMARY KEY (poll_id, member_id)
);
CREATE INDEX poll_audience_member ON poll_audience(member_id);

-- One answer per member per option, whichever identity they answered from.
CREATE TABLE poll_answers (
    poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    answer TEXT NOT NULL CHECK (answer IN ('y', 'm', 'n')),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (poll_id, member_id, position)
);
