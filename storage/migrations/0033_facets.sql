-- A structured company profile and faceted search (issue 30). Vocabularies per facet
-- (processes, materials, certifications, industries, what a company looks for, size
-- bands), extendable by the staff; an entry a member typed is kept as ``proposed`` until
-- the staff merge it into a vocabulary entry (its members follow) or accept it.
CREATE TABLE vocab_entries (
    id INTEGER PRIMARY KEY,
    facet TEXT NOT NULL CHECK (facet IN
        ('process', 'material', 'certification', 'industry', 'looking_for', 'size')),
    label TEXT NOT NULL,
    folded TEXT NOT NULL,  -- the casefolded label (Python's casefold), unique per facet
    proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 1000,
    proposed_by INTEGER REFERENCES members(id) ON DELETE SET NULL,
    UNIQUE (facet, folded)
);

-- A member's choices: one row per chosen entry (several per facet, one size band).
CREATE TABLE member_facets (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    entry_id INTEGER NOT NULL REFERENCES vocab_entries(id) ON DELETE CASCADE,
    PRIMARY KEY (member_id, entry_id)
);
CREATE INDEX member_facets_entry ON member_facets(entry_id, member_id);

-- A cooperation request tagged with facets (a process, a certification): the members who
-- have all of them are told first.
CREATE TABLE cooperation_request_facets (
    request_id INTEGER NOT NULL REFERENCES cooperation_requests(id) ON DELETE CASCADE,
    entry_id INTEGER NOT NULL REFERENCES vocab_entries(id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, entry_id)
);

-- A directory filtered by region alone reads that region's members from here.
CREATE INDEX members_region ON members(region, status, id, name);

-- The filters of a logged search, for the "more" button: {"region": .., "entries": [..]}.
ALTER TABLE directory_searches ADD COLUMN filters TEXT NOT NULL DEFAULT '{}';

INSERT INTO vocab_entries (facet, label, folded, proposed, position) VALUES
    ('process', '5-Achs-Fräsen', '5-achs-fräsen', 0, 0),
    ('process', 'CNC-Drehen', 'cnc-drehen', 0, 1),
    ('process', 'Laserschneiden', 'laserschneiden', 0, 2),
    ('process', 'Schweißen', 'schweissen', 0, 3),
    ('process', 'Pulverbeschichtung', 'pulverbeschichtung', 0, 4),
    ('process', 'Spritzguss', 'spritzguss', 0, 5),
    ('process', '3D-Druck', '3d-druck', 0, 6),
    ('process', 'Blechbearbeitung', 'blechbearbeitung', 0, 7),
    ('process', 'Montage', 'montage', 0, 8),
    ('process', 'Galvanik', 'galvanik', 0, 9),
    ('material', 'Stahl', 'stahl', 0, 0),
    ('material', 'Edelstahl', 'edelstahl', 0, 1),
    ('material', 'Aluminium', 'aluminium', 0, 2),
    ('material', 'Titan', 'titan', 0, 3),
    ('material', 'Kunststoff', 'kunststoff', 0, 4),
    ('material', 'Faserverbund', 'faserverbund', 0, 5),
    ('material', 'Holz', 'holz', 0, 6),
    ('certification', 'ISO 9001', 'iso 9001', 0, 0),
    ('certification', 'IATF 16949', 'iatf 16949', 0, 1),
    ('certification', 'EN 9100', 'en 9100', 0, 2),
    ('certification', 'AQAP 2110', 'aqap 2110', 0, 3),
    ('certification', 'ISO 14001', 'iso 14001', 0, 4),
    ('certification', 'ISO 27001', 'iso 27001', 0, 5),
    ('certification', 'ISO 50001', 'iso 50001', 0, 6),
    ('certification', 'ISO 13485', 'iso 13485', 0, 7),
    ('industry', 'Automobil', 'automobil', 0, 0),
    ('industry', 'Luft- und Raumfahrt', 'luft- und raumfahrt', 0, 1),
    ('industry', 'Verteidigung', 'verteidigung', 0, 2),
    ('industry', 'Maschinenbau', 'maschinenbau', 0, 3),
    ('industry', 'Medizintechnik', 'medizintechnik', 0, 4),
    ('industry', 'Energie', 'energie', 0, 5),
    ('industry', 'Elektronik', 'elektronik', 0, 6),
    ('industry', 'Bau', 'bau', 0, 7),
    ('looking_for', 'Kapazität', 'kapazität', 0, 0),
    ('looking_for', 'Partner', 'partner', 0, 1),
    ('looking_for', 'Know-how', 'know-how', 0, 2),
    ('size', '1–9', '1–9', 0, 0),
    ('size', '10–49', '10–49', 0, 1),
    ('size', '50–249', '50–249', 0, 2),
    ('size', '250+', '250+', 0, 3);

-- The searchable texts also hold the labels of the member's facets (not the size band),
-- so "/suche Pulverbeschichtung" and cooperation matching find them.
DROP VIEW directory_entries;
DROP VIEW cooperation_entries;
DROP VIEW member_search_texts;

CREATE VIEW member_search_texts AS
SELECT member_id, status,
       CASE WHEN name_alt = name THEN name ELSE name || ' ' || name_alt END AS name,
       CASE WHEN company_alt = company THEN company ELSE company || ' ' || company_alt END AS company,
       CASE WHEN region_alt = region THEN region ELSE region || ' ' || region_alt END AS region,
       CASE WHEN competencies_alt = competencies THEN competencies ELSE competencies || ' ' || competencies_alt END AS competencies,
       CASE WHEN topics_alt = topics THEN topics ELSE topics || ' ' || topics_alt END AS topics
FROM (
    SELECT member_id, status, name, company, region, competencies, topics,
           replace(replace(replace(replace(replace(replace(name, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue') AS name_alt,
           replace(replace(replace(replace(replace(replace(company, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue') AS company_alt,
           replace(replace(replace(replace(replace(replace(region, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue') AS region_alt,
           replace(replace(replace(replace(replace(replace(competencies, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue') AS competencies_alt,
           replace(replace(replace(replace(replace(replace(topics, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue') AS topics_alt
    FROM (
        SELECT m.id AS member_id, m.status,
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(m.name, 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS name,
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(m.company, 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS company,
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(CASE WHEN m.region = 'other' THEN 'other andere region' ELSE m.region END, 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS region,
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE((SELECT group_concat(value, ', ') FROM (SELECT value FROM json_each(m.competencies) UNION ALL SELECT v.label FROM member_facets mf JOIN vocab_entries v ON v.id = mf.entry_id WHERE mf.member_id = m.id AND v.facet != 'size')), ''), 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS competencies,
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE((SELECT group_concat(t.name, ', ') FROM subscriptions s JOIN topics t ON t.id = s.topic_id WHERE s.member_id = m.id AND t.archived_at IS NULL), ''), 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS topics
        FROM members m
    )
);

CREATE VIEW directory_entries AS
SELECT f.member_id, f.name, f.company, f.region, f.competencies
FROM member_search_texts f JOIN member_settings s ON s.member_id = f.member_id
WHERE s.listed_in_directory = 1 AND f.status = 'active';

CREATE VIEW cooperation_entries AS
SELECT f.member_id, f.competencies, f.topics
FROM member_search_texts f LEFT JOIN member_settings s ON s.member_id = f.member_id
WHERE f.status = 'active'
  AND COALESCE(s.cooperation_requests, s.listed_in_directory, 0) = 1;

-- A facet chosen or dropped re-reads the member's rows of both indexes; so does a renamed
-- entry for its members (a merge moves members by delete and insert).
CREATE TRIGGER facets_member_added AFTER INSERT ON member_facets
BEGIN
    DELETE FROM directory_index WHERE rowid = NEW.member_id;
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies FROM directory_entries
        WHERE member_id = NEW.member_id;
    DELETE FROM cooperation_index WHERE rowid = NEW.member_id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id = NEW.member_id;
END;

CREATE TRIGGER facets_member_removed AFTER DELETE ON member_facets
BEGIN
    DELETE FROM directory_index WHERE rowid = OLD.member_id;
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies FROM directory_entries
        WHERE member_id = OLD.member_id;
    DELETE FROM cooperation_index WHERE rowid = OLD.member_id;
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id = OLD.member_id;
END;

CREATE TRIGGER facets_entry_renamed AFTER UPDATE OF label ON vocab_entries
BEGIN
    DELETE FROM directory_index
        WHERE rowid IN (SELECT member_id FROM member_facets WHERE entry_id = NEW.id);
    INSERT INTO directory_index (rowid, name, company, region, competencies)
        SELECT member_id, name, company, region, competencies FROM directory_entries
        WHERE member_id IN (SELECT member_id FROM member_facets WHERE entry_id = NEW.id);
    DELETE FROM cooperation_index
        WHERE rowid IN (SELECT member_id FROM member_facets WHERE entry_id = NEW.id);
    INSERT INTO cooperation_index (rowid, competencies, topics)
        SELECT member_id, competencies, topics FROM cooperation_entries
        WHERE member_id IN (SELECT member_id FROM member_facets WHERE entry_id = NEW.id);
END;
