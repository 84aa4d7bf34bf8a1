-- @kind table_c
-- @stage before_clean
-- E300: a Table C row whose SELPA_CODE + STUDENT_ID has no loaded June Table A record of the same period.
INSERT INTO rejects
SELECT c._file, c._line, 'STUDENT_ID', c."STUDENT_ID__raw", 'E300', 'error',
       'no loaded Table A record of this period has this SELPA_CODE and STUDENT_ID', 'table_c'
FROM typed_table_c c
ANTI JOIN clean_table_a a
  ON a._period = c._period AND a."SELPA_CODE__raw" = c."SELPA_CODE__raw" AND a."STUDENT_ID__raw" = c."STUDENT_ID__raw";
