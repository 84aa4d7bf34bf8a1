-- @kind table_d
-- @stage after_clean
-- W925 (warning): a Table D (follow-up) student who also has a June Table A record of the same period.
INSERT INTO rejects
SELECT d._file, d._line, 'STUDENT_ID', d."STUDENT_ID__raw", 'W925', 'warning',
       'the student also has a Table A record in this submission', 'table_d'
FROM typed_table_d d
SEMI JOIN clean_table_a a
  ON a._period = d._period AND a."SELPA_CODE__raw" = d."SELPA_CODE__raw" AND a."STUDENT_ID__raw" = d."STUDENT_ID__raw";
