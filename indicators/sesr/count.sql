-- Self-review record checks on the December count of $year ($dec_period): served records after
-- unduplication. The reference date is EXIT_DATE when present, else REPT_DATE (W909/W910):
-- an annual IEP is overdue when LAST_IEP < reference − 1 year (2007-12-01 is not late on
-- 2008-12-01, 2007-11-30 is); a triennial when LAST_EVAL < reference − 3 years.
CREATE OR REPLACE TEMP TABLE sesr_agg AS
SELECT district, count(*) AS served,
       count(*) FILTER (WHERE last_iep < coalesce(exit_date, rept_date) - INTERVAL 1 YEAR) AS iep_overdue,
       count(*) FILTER (WHERE last_eval < coalesce(exit_date, rept_date) - INTERVAL 3 YEAR) AS eval_overdue
FROM served_dec
WHERE _period = $dec_period
GROUP BY district;

-- Districts the monitoring cycle assigns to $year (every district at least every four years).
CREATE OR REPLACE TEMP TABLE sesr_cycle AS
SELECT district, string_agg(DISTINCT review_type, ', ' ORDER BY review_type) AS review_types
FROM clean_cycle WHERE review_year = $year GROUP BY district;
