-- All-day events (an imported DTSTART;VALUE=DATE): starts_at/ends_at hold local midnight
-- of the first day and of the day after the last, in the event's zone; they are shown,
-- exported and reminded of as dates, not as times.
ALTER TABLE events ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1));
