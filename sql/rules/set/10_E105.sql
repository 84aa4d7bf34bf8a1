-- @kind table_a
-- @stage before_clean
-- E105: same SELPA_CODE + STUDENT_ID twice in one Table A file: the first row (by line) is kept,
-- later rows are rejected and name the first line.
INSERT INTO rejects
SELECT a._file, a._line, 'STUDENT_ID', a."STUDENT_ID__raw", 'E105', 'error',
       'duplicate student: same SELPA_CODE and STUDENT_ID as line ' || d.first_line, 'table_a'
FROM typed_table_a a
JOIN (SELECT _file, "SELPA_CODE__raw" AS selpa, "STUDENT_ID__raw" AS sid, min(_line) AS first_line
      FROM typed_table_a WHERE "SELPA_CODE__raw" IS NOT NULL AND "STUDENT_ID__raw" IS NOT NULL
      GROUP BY ALL HAVING count(*) > 1) d
  ON d._file = a._file AND d.selpa = a."SELPA_CODE__raw" AND d.sid = a."STUDENT_ID__raw"
WHERE a._line > d.first_line;
