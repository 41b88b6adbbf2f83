-- One member across platforms (link codes, preferred platform) and the competence
-- directory (listing setting, FTS5 index kept in sync by triggers, search log for the
-- per-member rate limit and the "more" button).

-- Per-member settings that are not profile fields. No row means the defaults: not listed,
-- notifications to the platform used last.
CREATE TABLE member_settings (
    member_id INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    listed_in_directory INTEGER NOT NULL DEFAULT 0 CHECK (listed_in_directory IN (0, 1)),
    preferred_platform TEXT
);

-- One-time link codes, stored only as a SHA-256 hash. ``platform``/``chat_id`` is the chat
-- where the code was asked for: that chat is told when the code is used.
CREATE TABLE link_codes (
    code_hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX link_codes_member ON link_codes(member_id);

-- Wrong code entries, by who tried ("member:12", or "telegram:4711" before registering).
CREATE TABLE link_failures (
    subject TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX link_failures_subject ON link_failures(subject, at);

-- Searches of the last day: the rate limit counts them, "more" pages through them.
CREATE TABLE directory_searches (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    query TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX directory_searches_member ON directory_searches(member_id, at);
CREATE INDEX directory_searches_at ON directory_searches(at);

-- The directory: one row per listed, active member (rowid = member id). German folding:
-- ß becomes ss (the tokenizer keeps ß), the tokenizer removes diacritics (ü -> u), and a
-- text with umlauts is indexed a second time with them spelt out (ü -> ue), so "muller",
-- "mueller" and "müller" all find "Müller". The query side (storage/directory.py) folds ß
-- the same way; tests/test_directory_index.py checks that both sides agree.
CREATE VIRTUAL TABLE directory_index USING fts5(
    name, company, region, competencies,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Best matches first: bm25 with competencies weighing most, then name and company.
INSERT INTO directory_index (directory_index, rank) VALUES ('rank', 'bm25(2.0, 2.0, 1.0, 3.0)');

-- What the index holds for each listed, active member: the one place the folding lives.
CREATE VIEW directory_entries AS
SELECT member_id,
       CASE WHEN name_alt = name THEN name ELSE name || ' ' || name_alt END AS name,
       CASE WHEN company_alt = company THEN company ELSE company || ' ' || company_alt END
           AS company,
       CASE WHEN region_alt = region THEN region ELSE region || ' ' || region_alt END AS region,
       CASE WHEN competencies_alt = competencies THEN competencies
            ELSE competencies || ' ' || competencies_alt END AS competencies
FROM (
    SELECT member_id, name, company, region, competencies,
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
               AS competencies_alt
    FROM (
        SELECT m.id AS member_id,
               replace(replace(m.name, 'ß', 'ss'), 'ẞ', 'SS') AS name,
               replace(replace(m.company, 'ß', 'ss'), 'ẞ', 'SS') AS company,
               replace(replace(m.region, 'ß', 'ss'), 'ẞ', 'SS') AS region,
               replace(replace(COALESCE(
                   (SELECT group_concat(value, ', ') FROM json_each(m.competencies)), ''),
                   'ß', 'ss'), 'ẞ', 'SS') AS competencies
        FROM members m JOIN member_settings s ON s.member_id = m.id
        WHERE s.listed_in_directory = 1 AND m.status = 'active'
    )
);

-- The sync: every change that can add, alter or remove a directory row re-reads it from
-- the view. Profile edits, status changes, listing on/off, deletion (also by cascade).
CREATE TRIGGER directory_member_changed
AFTER UPDATE OF name, company, region, competencies, status ON members
BEGIN
    DELETE FROM directory_index WHERE rowid = OLD.id;
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies
        FROM directory_entries WHERE member_id = NEW.id;
END;

CREATE TRIGGER directory_member_deleted AFTER DELETE ON members
BEGIN
    DELETE FROM directory_index WHERE rowid = OLD.id;
END;

CREATE TRIGGER directory_settings_added AFTER INSERT ON member_settings
BEGIN
    DELETE FROM directory_index WHERE rowid = NEW.member_id;
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies
        FROM directory_entries WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER directory_settings_changed
AFTER UPDATE OF listed_in_directory, member_id ON member_settings
BEGIN
    DELETE FROM directory_index WHERE rowid IN (OLD.member_id, NEW.member_id);
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies
        FROM directory_entries WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER directory_settings_removed AFTER DELETE ON member_settings
BEGIN
    DELETE FROM directory_index WHERE rowid = OLD.member_id;
END;
