-- @kind table_a
-- @stage before_clean
-- E107: an SSN used twice in one Table A file ("unique in file", DATA-CONTRACT.md 3.1: with per-SELPA
-- files, within the SELPA's file; a student who moved between SELPAs is reported by both). Later rows
-- are rejected, naming the first line. The store holds no SSN: _ssn_key is its hash under a key of
-- the load that read the file (src/load/pseudonymise.ts), the same for every row of a file.
INSERT INTO rejects
SELECT _file, _line, 'SSN', '[redacted]', 'E107', 'error',
       'duplicate SSN: same SSN as line ' || first_line, 'table_a'
FROM (
  SELECT _file, _line, first_value(_line) OVER w AS first_line, row_number() OVER w AS k
  FROM typed_table_a
  WHERE _ssn_key IS NOT NULL
  WINDOW w AS (PARTITION BY _file, _ssn_key ORDER BY _line)
) WHERE k > 1;
