-- @kind table_a
-- @stage before_clean
-- E105: same SELPA_CODE + STUDENT_ID twice in one period's Table A (over all its files, per-SELPA
-- files included): the first row (by file, then line) is kept, later rows are rejected and name it.
INSERT INTO rejects
SELECT a._file, a._line, 'STUDENT_ID', a."STUDENT_ID__raw", 'E105', 'error',
       'duplicate student: same SELPA_CODE and STUDENT_ID as ' || line_ref(d.first.f, d.first.l, a._file), 'table_a'
FROM typed_table_a a
JOIN (SELECT _period, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid, min({'f': _file, 'l': _line}) AS first
      FROM typed_table_a WHERE "SELPA_CODE__raw" IS NOT NULL AND "STUDENT_ID__raw" IS NOT NULL
      GROUP BY ALL HAVING count(*) > 1) d
  ON d._period = a._period AND d.selpa = a."SELPA_CODE__raw" AND d.sid = a."STUDENT_ID__raw"
WHERE a._file <> d.first.f OR a._line > d.first.l;
