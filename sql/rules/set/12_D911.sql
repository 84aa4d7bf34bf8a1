-- @kind table_a
-- @stage before_clean
-- D911 (warning): same name, birthdate and gender twice within one SELPA's submission of a period
-- (whatever file each row is in) with a different STUDENT_ID; both rows are kept, the later one is flagged.
INSERT INTO rejects
SELECT _file, _line, 'LAST_NAME', '[redacted]', 'D911', 'warning',
       'same name, birthdate and gender as ' || line_ref(first_file, first_line, _file) || ' with a different STUDENT_ID', 'table_a'
FROM (
  SELECT _file, _line, "STUDENT_ID__raw" AS sid,
         first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line,
         first_value("STUDENT_ID__raw") OVER w AS first_sid, row_number() OVER w AS k
  FROM typed_table_a
  WHERE _name_key IS NOT NULL
  WINDOW w AS (PARTITION BY _period, "SELPA_CODE__raw", _name_key ORDER BY _file, _line)
) WHERE k > 1 AND sid IS DISTINCT FROM first_sid;
