-- The event figures and the funder report (issue 28) pick a period's dates by their start:
-- without these the answers, check-ins and feedback of every date ever held are read for
-- each quarter shown in /stats.
CREATE INDEX rsvps_occurrence ON rsvps(occurrence, event_id);
CREATE INDEX event_checkins_occurrence ON event_checkins(occurrence, event_id);
CREATE INDEX event_feedback_occurrence ON event_feedback(occurrence, event_id);
