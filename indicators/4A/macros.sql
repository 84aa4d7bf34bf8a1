-- Macros of 4A, also used by 4B (which `uses` 4A). No parameter is spliced: the callers pass their
-- bound values ($jun_period, $ind4_days, …) or scenario columns (s."ind4.bar") as arguments.

-- One row per served June record of period `p_period` aged at most `p_max_age` on `p_jun_date` (the
-- population N), with the Table C actions that count: DSPL_TYPE in `p_types`, DSPL_DATE inside
-- `p_y_start`..`p_y_end`. Table C rows join their June Table A record by SELPA_CODE + STUDENT_ID; the
-- district is the Table A DIST_RESI. Days are summed over the year in DECIMAL, so 0.8 + 7.4 + 1.8
-- is exactly 10 (10.000000000000002 in DOUBLE). `over` = the sum is more than `p_days`, or an
-- expulsion has blank DSPL_DAYS (DATA-CONTRACT.md 6.10). A Table C row whose record is outside the
-- population counts nowhere.
CREATE OR REPLACE MACRO ind4_students_of(p_period, p_jun_date, p_y_start, p_y_end, p_types, p_max_age, p_days) AS TABLE
WITH acts AS (
  SELECT "SELPA_CODE" AS c_selpa, "STUDENT_ID" AS c_student_id,
         count(*) AS c_actions,
         sum("DSPL_DAYS"::DECIMAL(18, 4)) AS c_days,
         bool_or("DSPL_TYPE" = '30') AS c_expulsion,
         bool_or("DSPL_TYPE" = '30' AND "DSPL_DAYS" IS NULL) AS c_blank,
         min("DSPL_DATE") AS c_first, max("DSPL_DATE") AS c_last
  FROM clean_table_c
  WHERE _period = p_period
    AND list_contains(p_types, "DSPL_TYPE")
    AND "DSPL_DATE" BETWEEN CAST(p_y_start AS DATE) AND CAST(p_y_end AS DATE)
  GROUP BY "SELPA_CODE", "STUDENT_ID"
)
SELECT p.district, p.selpa, p.student_id, p.apr_group,
       coalesce(a.c_actions, 0) AS actions,
       coalesce(a.c_days, 0)::DOUBLE AS days_total,
       coalesce(a.c_expulsion, false) AS expulsion,
       coalesce(a.c_blank, false) AS expulsion_days_blank,
       a.c_first AS first_action, a.c_last AS last_action,
       coalesce(a.c_blank OR a.c_days > p_days, false) AS over
FROM served_jun p
LEFT JOIN acts a ON a.c_selpa = p.selpa AND a.c_student_id = p.student_id
WHERE p._period = p_period AND age_on(p.birthdate, CAST(p_jun_date AS DATE)) <= p_max_age;

-- The bar in percent of a method, given the statewide counts (state_n of state_pop students).
-- rate_ratio has no bar of its own: the equivalent bar is the statewide rate × the ratio.
CREATE OR REPLACE MACRO ind4_bar(method, bar, multiple, ratio, state_n, state_pop) AS (
  CASE method
    WHEN 'fixed' THEN bar
    WHEN 'state_rate' THEN pct(state_n, state_pop)
    WHEN 'state_rate_multiple' THEN pct(state_n, state_pop) * multiple
    WHEN 'rate_ratio' THEN pct(state_n, state_pop) * ratio
  END
);

-- Rate n/pop above the bar of the method (a rate at the bar is not). The statewide methods compare
-- cross-multiplied counts, exact for whole numbers: n/pop > k × state_n/state_pop ⇔
-- n × state_pop > k × state_n × pop; rate_ratio (n/pop) / (state_n/state_pop) > ratio is the same
-- inequality and is false when the statewide rate is 0.
CREATE OR REPLACE MACRO ind4_above(method, bar, multiple, ratio, n, pop, state_n, state_pop) AS (
  pop > 0 AND CASE method
    WHEN 'fixed' THEN pct(n, pop) > bar
    WHEN 'state_rate' THEN n::HUGEINT * state_pop > state_n::HUGEINT * pop
    WHEN 'state_rate_multiple' THEN n::DOUBLE * state_pop > multiple * state_n::DOUBLE * pop
    WHEN 'rate_ratio' THEN state_n > 0 AND n::DOUBLE * state_pop > ratio * state_n::DOUBLE * pop
  END
);

-- How the bar was set, for the trigger sentences: "fixed", "the statewide rate", …
CREATE OR REPLACE MACRO ind4_bar_note(method, multiple, ratio, state_n, state_pop) AS (
  CASE method
    WHEN 'fixed' THEN 'fixed'
    WHEN 'state_rate' THEN 'the statewide rate'
    WHEN 'state_rate_multiple' THEN printf('%.2f × the statewide rate of %.2f%%', multiple, coalesce(pct(state_n, state_pop), 0))
    WHEN 'rate_ratio' THEN printf('%.2f times the statewide rate of %.2f%%', ratio, coalesce(pct(state_n, state_pop), 0))
  END
);

-- "10" for whole days, "10.5" otherwise.
CREATE OR REPLACE MACRO ind4_days_text(d) AS (
  CASE WHEN d = trunc(d) THEN printf('%d', d::BIGINT) ELSE printf('%.1f', d) END
);
