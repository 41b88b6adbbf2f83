-- Dates the database can index (issue 10).

-- The dates of every event from 60 days back to the horizon (two years ahead), kept up to
-- date from the events and their overrides by the events capability (when an event or one
-- of its dates changes, on import, and daily for the rolling horizon), so that the next
-- dates, the calendar feeds and the reminder scan are index lookups instead of expanding
-- every series on every request. ``occurrence`` is the original start (the key answers and
-- overrides use); ``starts_at``/``ends_at`` are effective (a moved date at its new time).
-- ``remind_at``: the next reminder moment of the date not yet looked at by the scan.
CREATE TABLE event_dates (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    moved INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    remind_at TEXT,
    PRIMARY KEY (event_id, occurrence)
) WITHOUT ROWID;
CREATE INDEX event_dates_upcoming ON event_dates(starts_at, event_id) WHERE cancelled = 0;
CREATE INDEX event_dates_remind ON event_dates(remind_at) WHERE remind_at IS NOT NULL;

-- How far the dates reach, and with which reminder offsets their reminder moments were set.
CREATE TABLE event_dates_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    until TEXT NOT NULL,
    offsets TEXT NOT NULL,
    refreshed_at TEXT NOT NULL
);
