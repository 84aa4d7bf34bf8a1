-- @kind table_a
-- @stage before_clean
-- E107: an SSN used twice in one period's Table A (all its files); later rows (by file, then line)
-- rejected, naming the first.
INSERT INTO rejects
SELECT _file, _line, 'SSN', '[redacted]', 'E107', 'error',
       'duplicate SSN: same SSN as ' || line_ref(first_file, first_line, _file), 'table_a'
FROM (
  SELECT _file, _line, first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_a
  WHERE "SSN__raw" IS NOT NULL
  WINDOW w AS (PARTITION BY _period, "SSN__raw" ORDER BY _file, _line)
) WHERE k > 1;
