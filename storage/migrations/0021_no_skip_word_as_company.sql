-- A company typed as the skip word ("-") was stored as if it were a name and shown as
-- "Anna Müller – -". A skipped company is empty; the renderers leave an empty one out.
UPDATE members SET company = '' WHERE trim(company) IN ('-', '–', '—');
