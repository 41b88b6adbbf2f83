-- Answers to the sender go through the outbox too (written in the handler's transaction,
-- sent at once by the fast path, sent once after a restart if a crash came in between).
-- reply_target: set (possibly '') on answers: where and how the adapter answers (the
-- pressed message to edit, a Slack response URL…), opaque to the core.
-- parts_sent: parts of a long message already delivered, so a retry resumes after them.
-- throttled: 429 answers for this row; past a bound the row fails visibly.
ALTER TABLE outbox ADD COLUMN reply_target TEXT;
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN throttled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_unsent_replies ON outbox(platform, chat_id, id)
    WHERE reply_target IS NOT NULL AND status IN ('pending', 'sending');
