-- Cooperation requests: members ask the network for a partner, the bot tells the members
-- whose competencies or topics match, and introduces the two once both agreed.

-- Whether a member gets notices of matching requests. NULL means the default: on for
-- members listed in the directory, off for the others (who may still turn it on).
ALTER TABLE member_settings ADD COLUMN cooperation_requests INTEGER
    CHECK (cooperation_requests IN (0, 1));

-- The German folding of every member's searchable texts, written once: the directory
-- (listed members) and cooperation matching (members who take requests) both read it.
-- ß becomes ss, and a text with umlauts gets its spelt-out form (ü -> ue) appended; the
-- tokenizer of both indexes removes the remaining diacritics. ``topics`` are the names of
-- the member's subscribed, not archived topics. tests/test_directory.py checks that this
-- and storage/directory.py fold alike.
DROP VIEW directory_entries;

CREATE VIEW member_search_texts AS
SELECT member_id, status,
       CASE WHEN name_alt = name THEN name ELSE name || ' ' || name_alt END AS name,
       CASE WHEN company_alt = company THEN company ELSE company || ' ' || company_alt END
           AS company,
       CASE WHEN region_alt = region THEN region ELSE region || ' ' || region_alt END AS region,
       CASE WHEN competencies_alt = competencies THEN competencies
            ELSE competencies || ' ' || competencies_alt END AS competencies,
       CASE WHEN topics_alt = topics THEN topics ELSE topics || ' ' || topics_alt END AS topics
FROM (
    SELECT member_id, status, name, company, region, competencies, topics,
           replace(replace(replace(replace(replace(replace(name,
               'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')
               AS name_alt,
           replace(replace(replace(replace(replace(replace(company,
               'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')
               AS company_alt,
           replace(replace(replace(replace(replace(replace(region,
               'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')
               AS region_alt,
           replace(replace(replace(replace(replace(replace(competencies,
               'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')
               AS competencies_alt,
           replace(replace(replace(replace(replace(replace(topics,
               'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')
               AS topics_alt
    FROM (
        SELECT m.id AS member_id, m.status,
               replace(replace(m.name, 'ß', 'ss'), 'ẞ', 'SS') AS name,
               replace(replace(m.company, 'ß', 'ss'), 'ẞ', 'SS') AS company,
               replace(replace(m.region, 'ß', 'ss'), 'ẞ', 'SS') AS region,
               replace(replace(COALESCE(
                   (SELECT group_concat(value, ', ') FROM json_each(m.competencies)), ''),
                   'ß', 'ss'), 'ẞ', 'SS') AS competencies,
               replace(replace(COALESCE(
                   (SELECT group_concat(t.name, ', ') FROM subscriptions s
                    JOIN topics t ON t.id = s.topic_id
                    WHERE s.member_id = m.id AND t.archived_at IS NULL), ''),
                   'ß', 'ss'), 'ẞ', 'SS') AS topics
        FROM members m
    )
);

-- What the directory index holds for each listed, active member (as in migration 0009,
-- whose triggers read this view).
CREATE VIEW directory_entries AS
SELECT f.member_id, f.name, f.company, f.region, f.competencies
FROM member_search_texts f JOIN member_settings s ON s.member_id = f.member_id
WHERE s.listed_in_directory = 1 AND f.status = 'active';

-- Who is matched against requests: active members who take them, with what they offer.
CREATE VIEW cooperation_entries AS
SELECT f.member_id, f.competencies, f.topics
FROM member_search_texts f LEFT JOIN member_settings s ON s.member_id = f.member_id
WHERE f.status = 'active'
  AND COALESCE(s.cooperation_requests, s.listed_in_directory, 0) = 1;

-- The matching index: one row per member who takes requests (rowid = member id).
-- Best matches first: bm25 with competencies weighing more than subscribed topics.
CREATE VIRTUAL TABLE cooperation_index USING fts5(
    competencies, topics,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO cooperation_index (cooperation_index, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
INSERT INTO cooperation_index (rowid, competencies, topics)
    SELECT member_id, competencies, topics FROM cooperation_entries;

-- The sync: every change that can add, alter or remove a row re-reads it from the view.
CREATE TRIGGER cooperation_member_changed
AFTER UPDATE OF competencies, status ON members
BEGIN
    DELETE FROM cooperation_index WHERE rowid = OLD.id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries WHERE member_id = NEW.id;
END;

CREATE TRIGGER cooperation_member_deleted AFTER DELETE ON members
BEGIN
    DELETE FROM cooperation_index WHERE rowid = OLD.id;
END;

CREATE TRIGGER cooperation_settings_added AFTER INSERT ON member_settings
BEGIN
    DELETE FROM cooperation_index WHERE rowid = NEW.member_id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER cooperation_settings_changed
AFTER UPDATE OF listed_in_directory, cooperation_requests, member_id ON member_settings
BEGIN
    DELETE FROM cooperation_index WHERE rowid IN (OLD.member_id, NEW.member_id);
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id IN (OLD.member_id, NEW.member_id);
END;

CREATE TRIGGER cooperation_settings_removed AFTER DELETE ON member_settings
BEGIN
    DELETE FROM cooperation_index WHERE rowid = OLD.member_id;
END;

CREATE TRIGGER cooperation_subscribed AFTER INSERT ON subscriptions
BEGIN
    DELETE FROM cooperation_index WHERE rowid = NEW.member_id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER cooperation_subscription_changed AFTER UPDATE ON subscriptions
BEGIN
    DELETE FROM cooperation_index WHERE rowid IN (OLD.member_id, NEW.member_id);
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id IN (OLD.member_id, NEW.member_id);
END;

CREATE TRIGGER cooperation_unsubscribed AFTER DELETE ON subscriptions
BEGIN
    DELETE FROM cooperation_index WHERE rowid = OLD.member_id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER cooperation_topic_changed AFTER UPDATE OF name, archived_at ON topics
BEGIN
    DELETE FROM cooperation_index
        WHERE rowid IN (SELECT member_id FROM subscriptions WHERE topic_id = NEW.id);
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id IN (SELECT member_id FROM subscriptions WHERE topic_id = NEW.id);
END;

-- The requests. ``region`` is the author's region when the request is meant for it only,
-- NULL for the whole network. ``tags`` is a JSON list. A request is open until its author
-- closes it (found / not_needed), it expires, or an admin removes it; ``asked_at`` is when
-- the author was asked whether it is still open.
CREATE TABLE cooperation_requests (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('seek', 'offer', 'idea')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    region TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'found', 'not_needed', 'expired', 'removed')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    asked_at TEXT,
    notified INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cooperation_requests_open ON cooperation_requests(status, created_at);
CREATE INDEX cooperation_requests_author ON cooperation_requests(author_id, status);

-- Topics a request concerns (a tag that names a topic): the topic filter of /requests.
CREATE TABLE cooperation_request_topics (
    request_id INTEGER NOT NULL REFERENCES cooperation_requests(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, topic_id)
);
CREATE INDEX cooperation_request_topics_topic ON cooperation_request_topics(topic_id);

-- A member and a request: the notice they got (``notified_at``, counted against the weekly
-- cap), their answer (interested / declined) and when the author connected the two.
CREATE TABLE cooperation_responses (
    request_id INTEGER NOT NULL REFERENCES cooperation_requests(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    notified_at TEXT,
    answer TEXT CHECK (answer IN ('interested', 'declined')),
    answered_at TEXT,
    connected_at TEXT,
    PRIMARY KEY (request_id, member_id)
);
CREATE INDEX cooperation_responses_member ON cooperation_responses(member_id, notified_at);

-- Counts per month (network zone) for the network's reports; no personal data, so they
-- stay when members or requests are deleted.
CREATE TABLE cooperation_monthly (
    month TEXT PRIMARY KEY,
    posted INTEGER NOT NULL DEFAULT 0,
    interests INTEGER NOT NULL DEFAULT 0,
    connections INTEGER NOT NULL DEFAULT 0
);
