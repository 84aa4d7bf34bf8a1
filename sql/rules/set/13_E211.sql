-- @kind table_b
-- @stage before_clean
-- E211: a SERVICE code repeated for the same student in one Table B file; later rows rejected.
-- (Aggregate first: only the few repeated keys are joined back, no window over every row.)
INSERT INTO rejects
SELECT b._file, b._line, 'SERVICE', b."SERVICE__raw", 'E211', 'error',
       'service code repeated for the student: see line ' || d.first_line, 'table_b'
FROM typed_table_b b
JOIN (SELECT _file, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid, "SERVICE__raw" AS service, min(_line) AS first_line
      FROM typed_table_b WHERE "SERVICE__raw" IS NOT NULL
      GROUP BY ALL HAVING count(*) > 1) d
  ON d._file = b._file AND d.selpa IS NOT DISTINCT FROM b."SELPA_CODE__raw" AND d.sid IS NOT DISTINCT FROM b."STUDENT_ID__raw"
 AND d.service = b."SERVICE__raw"
WHERE b._line > d.first_line;
