-- @kind table_b
-- @stage after_clean
-- E200 (adopted as a warning): a served Table A record with no loaded Table B row, checked only for
-- the periods that have a Table B file.
INSERT INTO rejects
SELECT a._file, a._line, 'STUDENT_ID', a."STUDENT_ID__raw", 'E200', 'warning',
       'served student has no services record in Table B', 'table_a'
FROM clean_table_a a
ANTI JOIN typed_table_b b
  ON b._period = a._period AND b."SELPA_CODE__raw" = a."SELPA_CODE__raw" AND b."STUDENT_ID__raw" = a."STUDENT_ID__raw"
-- The period filter after the anti-join: before it, DuckDB plans a join that cannot spill, and
-- inputs twice California's size ran out of memory here.
SEMI JOIN (SELECT DISTINCT _period FROM typed_table_b) p ON p._period = a._period
WHERE a.served;
