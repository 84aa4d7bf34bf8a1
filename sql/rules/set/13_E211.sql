-- @kind table_b
-- @stage before_clean
-- E211: a SERVICE code repeated for the same student in one period's Table B (all its files); later
-- rows (by file, then line) rejected, naming the first.
-- (The repeated keys are found by counting alone; only their few rows are ordered.)
INSERT INTO rejects
SELECT _file, _line, 'SERVICE', service, 'E211', 'error',
       'service code repeated for the student: see ' || line_ref(first_file, first_line, _file), 'table_b'
FROM (
  SELECT b._file, b._line, b."SERVICE__raw" AS service,
         first_value(b._file) OVER w AS first_file, first_value(b._line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_b b
  SEMI JOIN (SELECT _period, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid, "SERVICE__raw" AS service
             FROM typed_table_b WHERE "SERVICE__raw" IS NOT NULL
             GROUP BY ALL HAVING count(*) > 1) d
    ON d._period = b._period AND d.selpa IS NOT DISTINCT FROM b."SELPA_CODE__raw" AND d.sid IS NOT DISTINCT FROM b."STUDENT_ID__raw"
   AND d.service = b."SERVICE__raw"
  WINDOW w AS (PARTITION BY b._period, b."SELPA_CODE__raw", b."STUDENT_ID__raw", b."SERVICE__raw" ORDER BY b._file, b._line)
) WHERE k > 1;
