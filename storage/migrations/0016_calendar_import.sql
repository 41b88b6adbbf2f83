-- Imported calendars as calendar apps read them, and calendar subscriptions (issue 25).

-- An imported event keeps the components its calendar had for its UID (the VEVENTs and
-- the VTIMEZONEs they name, as a small VCALENDAR); its dates are computed from them by
-- recurring-ical-events. NULL for events made in the bot (their dates come from rrule).
ALTER TABLE events ADD COLUMN ical TEXT;

-- A calendar URL kept in sync: fetched every ``every_seconds`` (conditionally, with the
-- ETag and Last-Modified of the last good answer); a failing fetch changes nothing and is
-- tried again after a growing pause (``failures``). ``last_status`` is 'synced',
-- 'unchanged' or 'failed'; ``last_report`` the counts and skipped entries (JSON) or the
-- reason it failed. Who subscribed is in the audit log.
CREATE TABLE calendar_subscriptions (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    every_seconds INTEGER NOT NULL CHECK (every_seconds >= 60),
    etag TEXT,
    last_modified TEXT,
    next_run_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    last_run_at TEXT,
    last_ok_at TEXT,
    last_status TEXT CHECK (last_status IN ('synced', 'unchanged', 'failed')),
    last_report TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX calendar_subscriptions_due ON calendar_subscriptions(next_run_at);
