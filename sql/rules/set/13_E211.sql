-- @kind table_b
-- @stage before_clean
-- E211: a SERVICE code repeated for the same student in one period's Table B (all its files); later
-- rows (by file, then line) rejected, naming the first.
-- (Aggregate first: only the few repeated keys are joined back, no window over every row.)
INSERT INTO rejects
SELECT b._file, b._line, 'SERVICE', b."SERVICE__raw", 'E211', 'error',
       'service code repeated for the student: see ' || line_ref(d.first.f, d.first.l, b._file), 'table_b'
FROM typed_table_b b
JOIN (SELECT _period, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid, "SERVICE__raw" AS service, min({'f': _file, 'l': _line}) AS first
      FROM typed_table_b WHERE "SERVICE__raw" IS NOT NULL
      GROUP BY ALL HAVING count(*) > 1) d
  ON d._period = b._period AND d.selpa IS NOT DISTINCT FROM b."SELPA_CODE__raw" AND d.sid IS NOT DISTINCT FROM b."STUDENT_ID__raw"
 AND d.service = b."SERVICE__raw"
WHERE b._file <> d.first.f OR b._line > d.first.l;
