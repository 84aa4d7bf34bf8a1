-- @kind table_a
-- @stage before_clean
-- E105: same SELPA_CODE + STUDENT_ID twice in one period's Table A (over all its files, per-SELPA
-- files included): the first row (by file, then line) is kept, later rows are rejected and name it.
-- (The repeated keys are found by counting alone; only their few rows are ordered.)
INSERT INTO rejects
SELECT _file, _line, 'STUDENT_ID', sid, 'E105', 'error',
       'duplicate student: same SELPA_CODE and STUDENT_ID as ' || line_ref(first_file, first_line, _file), 'table_a'
FROM (
  SELECT a._file, a._line, a."STUDENT_ID__raw" AS sid,
         first_value(a._file) OVER w AS first_file, first_value(a._line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_a a
  SEMI JOIN (SELECT _period, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid FROM typed_table_a
             WHERE "SELPA_CODE__raw" IS NOT NULL AND "STUDENT_ID__raw" IS NOT NULL
             GROUP BY ALL HAVING count(*) > 1) d
    ON d._period = a._period AND d.selpa = a."SELPA_CODE__raw" AND d.sid = a."STUDENT_ID__raw"
  WINDOW w AS (PARTITION BY a._period, a."SELPA_CODE__raw", a."STUDENT_ID__raw" ORDER BY a._file, a._line)
) WHERE k > 1;
