-- @kind table_b
-- @stage before_clean
-- E211: a SERVICE code repeated for the same student in one Table B file; later rows rejected.
INSERT INTO rejects
SELECT _file, _line, 'SERVICE', "SERVICE__raw", 'E211', 'error',
       'service code repeated for the student: see line ' || first_line, 'table_b'
FROM (
  SELECT _file, _line, "SERVICE__raw", first_value(_line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_b
  WHERE "SERVICE__raw" IS NOT NULL
  WINDOW w AS (PARTITION BY _file, "SELPA_CODE__raw", "STUDENT_ID__raw", "SERVICE__raw" ORDER BY _line)
) WHERE k > 1;
