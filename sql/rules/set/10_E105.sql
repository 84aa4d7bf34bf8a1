-- @kind table_a
-- @stage before_clean
-- E105: same SELPA_CODE + STUDENT_ID twice in one Table A file: the first row (by line) is kept,
-- later rows are rejected and name the first line.
INSERT INTO rejects
SELECT _file, _line, 'STUDENT_ID', "STUDENT_ID__raw", 'E105', 'error',
       'duplicate student: same SELPA_CODE and STUDENT_ID as line ' || first_line, 'table_a'
FROM (
  SELECT _file, _line, "STUDENT_ID__raw",
         first_value(_line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_a
  WHERE "SELPA_CODE__raw" IS NOT NULL AND "STUDENT_ID__raw" IS NOT NULL
  WINDOW w AS (PARTITION BY _file, "SELPA_CODE__raw", "STUDENT_ID__raw" ORDER BY _line)
) WHERE k > 1;
