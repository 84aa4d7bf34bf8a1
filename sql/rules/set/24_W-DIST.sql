-- @kind table_a
-- @stage after_clean
-- W-DIST / W-SELPA (warnings): codes of the right format that reference/districts.csv does not list.
INSERT INTO rejects
SELECT a._file, a._line, 'DIST_RESI', a."DIST_RESI__raw", 'W-DIST', 'warning',
       'DIST_RESI is not in reference/districts.csv; the district name will be empty', 'table_a'
FROM clean_table_a a
WHERE a."DIST_RESI__raw" NOT IN (SELECT district__raw FROM clean_districts WHERE district__raw IS NOT NULL);

INSERT INTO rejects
SELECT a._file, a._line, 'SELPA_CODE', a."SELPA_CODE__raw", 'W-SELPA', 'warning',
       'SELPA_CODE is not a SELPA of reference/districts.csv', 'table_a'
FROM clean_table_a a
WHERE a."SELPA_CODE__raw" NOT IN (SELECT selpa__raw FROM clean_districts WHERE selpa__raw IS NOT NULL);
