-- Performance at network scale.
-- The delivery worker claims due rows per platform in order of due time (outbox_claim),
-- and looks at each candidate's chat for a row in flight or an older due one (outbox_chat).
CREATE INDEX outbox_claim ON outbox(status, platform, next_attempt_at);
CREATE INDEX outbox_chat ON outbox(platform, chat_id, status);
