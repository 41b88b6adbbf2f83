-- Who came to an event's date and what they thought of it (issue 28). Shared by check-in,
-- feedback, the figures and the funder report.

-- One check-in per member and date (occurrence = the date's original start, the key answers
-- use). how: 'link' (the QR code's deep link or Slack link), 'code' (the short code typed in
-- a chat), 'staff' (ticked on the dashboard's attendee list). walk_in: the member had not
-- answered yes or maybe when checking in (counted as a walk-in in the figures).
CREATE TABLE event_checkins (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    how TEXT NOT NULL CHECK (how IN ('link', 'code', 'staff')),
    walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
    checked_in_at TEXT NOT NULL,
    checked_in_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
    PRIMARY KEY (event_id, occurrence, member_id)
);
CREATE INDEX event_checkins_member ON event_checkins(member_id);

-- One feedback per member and date: 1 to 5 stars, an optional comment; show_name = 1 only
-- when the member agreed that the organiser sees the name (anonymous otherwise).
-- Changeable until changeable_until (a week after the request).
CREATE TABLE event_feedback (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    show_name INTEGER NOT NULL DEFAULT 0 CHECK (show_name IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (event_id, occurrence, member_id)
);
CREATE INDEX event_feedback_member ON event_feedback(member_id);

-- The feedback requests sent: once per member and date (the "sent once" truth across
-- restarts); changeable_until bounds when an answer may still change.
CREATE TABLE feedback_requests (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    changeable_until TEXT NOT NULL,
    PRIMARY KEY (event_id, occurrence, member_id)
);
CREATE INDEX feedback_requests_member ON feedback_requests(member_id);

-- Members may turn feedback requests off (1 = asked, the default).
ALTER TABLE member_settings ADD COLUMN feedback_requests INTEGER NOT NULL DEFAULT 1
    CHECK (feedback_requests IN (0, 1));
