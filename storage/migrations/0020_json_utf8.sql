-- Competencies were written as ASCII-escaped JSON (["Schwei\u00dfen", "\ud83d\udd27"]):
-- a text search read the escapes ("u00df" found Jürgen) and not the words. Writers now
-- keep UTF-8 (json.dumps(..., ensure_ascii=False)); this rewrites the rows written
-- before, the same values in the same order (json_each decodes, json_group_array
-- writes UTF-8). Numbered 0020: 0019 is taken by the name matcher of issue 32.
UPDATE members SET competencies = (
    SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(members.competencies) ORDER BY key
    )
)
WHERE json_valid(competencies) AND instr(competencies, '\u') > 0;
