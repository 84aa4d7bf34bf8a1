-- @kind table_a
-- @stage before_clean
-- D911 (warning): same name, birthdate and gender twice within one SELPA's submission of a period
-- (whatever file each row is in) with a different STUDENT_ID; both rows are kept, the later one is flagged.
-- (Groups that can hold two STUDENT_IDs are found by aggregating; only their rows are ordered.)
INSERT INTO rejects
SELECT _file, _line, 'LAST_NAME', '[redacted]', 'D911', 'warning',
       'same name, birthdate and gender as ' || line_ref(first_file, first_line, _file) || ' with a different STUDENT_ID', 'table_a'
FROM (
  SELECT a._file, a._line, a."STUDENT_ID__raw" AS sid,
         first_value(a._file) OVER w AS first_file, first_value(a._line) OVER w AS first_line,
         first_value(a."STUDENT_ID__raw") OVER w AS first_sid, row_number() OVER w AS k
  FROM typed_table_a a
  SEMI JOIN (SELECT _period, "SELPA_CODE__raw" AS selpa, _name_key AS nk FROM typed_table_a
             WHERE _name_key IS NOT NULL
             GROUP BY ALL HAVING count(*) > 1 AND (min("STUDENT_ID__raw") <> max("STUDENT_ID__raw") OR count("STUDENT_ID__raw") < count(*))) d
    ON d._period = a._period AND d.selpa IS NOT DISTINCT FROM a."SELPA_CODE__raw" AND d.nk = a._name_key
  WINDOW w AS (PARTITION BY a._period, a."SELPA_CODE__raw", a._name_key ORDER BY a._file, a._line)
) WHERE k > 1 AND sid IS DISTINCT FROM first_sid;
