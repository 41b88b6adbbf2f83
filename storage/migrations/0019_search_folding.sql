-- Searches that mean what members mean (issue 32): the folded texts behind the directory
-- and cooperation matching also read ı as i ("Yilmaz" finds "Yılmaz"), keep C++, C#, F#,
-- .NET and e.K. as words of their own (the tokenizer would make "C++" a "c" that every
-- "CNC" and "Co. KG" begins with), and index the region "other" by the words members see
-- for it ("Andere Region", "Other region"). storage/directory.py folds queries the same
-- way (INDEX_REPLACEMENTS); tests/test_directory.py checks that both sides agree.
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
               replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(COALESCE((SELECT group_concat(value, ', ') FROM json_each(m.competencies)), ''), 'ß', 'ss'), 'ẞ', 'SS'), 'ı', 'i'), 'İ', 'I'), 'C++', ' cplusplus '), 'c++', ' cplusplus '), 'C#', ' csharp '), 'c#', ' csharp '), 'F#', ' fsharp '), 'f#', ' fsharp '), '.NET', ' dotnet '), '.Net', ' dotnet '), '.net', ' dotnet '), 'e.K.', ' ek '), 'e. K.', ' ek '), 'E.K.', ' ek ') AS competencies,
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

-- Both indexes re-read with the new folding.
DELETE FROM directory_index;
INSERT INTO directory_index (rowid, name, company, region, competencies)
    SELECT member_id, name, company, region, competencies FROM directory_entries;
DELETE FROM cooperation_index;
INSERT INTO cooperation_index (rowid, competencies, topics)
    SELECT member_id, competencies, topics FROM cooperation_entries;
