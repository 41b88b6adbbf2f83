-- Every platform update, stored before it is acknowledged; done in the handler's transaction.
CREATE TABLE inbox (
    platform TEXT NOT NULL,
    update_id TEXT NOT NULL,
    chat_key TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    done_at TEXT,
    PRIMARY KEY (platform, update_id)
);

CREATE INDEX inbox_unfinished ON inbox (platform, received_at) WHERE done_at IS NULL;

INSERT INTO inbox (platform, update_id, received_at, done_at)
    SELECT platform, update_id, seen_at, seen_at FROM processed_updates;

DROP TABLE processed_updates;
