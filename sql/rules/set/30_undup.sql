-- @kind table_a
-- @stage final
-- December unduplication (DATA-CONTRACT.md 5.3): the same name_key in two or more SELPAs.
-- keep_one: the SELPA that submitted December on time (submissions/selpa_submissions.csv), else the
-- most recent LAST_IEP, then the lowest SELPA_CODE. drop_all: every copy is excluded.
-- The entries of the periods this evaluation sees are made anew: every period, or on a --db re-run
-- only those whose files changed (typed_table_a then shows only those; the engine has cleared their
-- entries, src/load/load.ts runSetsIn).
CREATE TABLE IF NOT EXISTS undup (_file VARCHAR, _line INTEGER, _period VARCHAR);

INSERT INTO undup
WITH dec AS (
  SELECT _file, _line, _period, "SELPA_CODE__raw" AS selpa, "LAST_IEP" AS last_iep,
         _name_key AS nk
  FROM clean_table_a WHERE NOT _is_june
),
multi AS (
  SELECT _period, nk FROM dec WHERE nk IS NOT NULL GROUP BY ALL HAVING count(DISTINCT selpa) > 1
),
ontime AS (
  SELECT selpa__raw AS selpa, bool_and(submitted_date <= due_date) AS on_time
  FROM clean_selpa_submissions WHERE lower(period__raw) = 'dec' GROUP BY ALL
),
ranked AS (
  SELECT d.*, row_number() OVER (PARTITION BY d._period, d.nk
           ORDER BY coalesce(o.on_time, false) DESC, d.last_iep DESC NULLS LAST, d.selpa, d._file, d._line) AS k
  FROM dec d JOIN multi m USING (_period, nk) LEFT JOIN ontime o USING (selpa)
)
SELECT _file, _line, _period FROM ranked WHERE k > 1 OR $undup_rule = 'drop_all';

INSERT INTO rejects
SELECT _file, _line, 'STUDENT_ID', (SELECT "STUDENT_ID__raw" FROM clean_table_a a WHERE a._file = u._file AND a._line = u._line),
       'W-UNDUP', 'warning', 'same student reported by another SELPA in December; left out of December counts', 'table_a'
FROM undup u
WHERE u._period IN (SELECT DISTINCT _period FROM typed_table_a);
