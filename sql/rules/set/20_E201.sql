-- @kind table_b
-- @stage before_clean
-- E201: a Table B row whose SELPA_CODE + STUDENT_ID has no loaded Table A record of the same period.
INSERT INTO rejects
SELECT b._file, b._line, 'STUDENT_ID', b."STUDENT_ID__raw", 'E201', 'error',
       'no loaded Table A record of this period has this SELPA_CODE and STUDENT_ID', 'table_b'
FROM typed_table_b b
ANTI JOIN clean_table_a a
  ON a._period = b._period AND a."SELPA_CODE__raw" = b."SELPA_CODE__raw" AND a."STUDENT_ID__raw" = b."STUDENT_ID__raw";
