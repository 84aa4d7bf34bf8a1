-- Indicator 20 — the scoring rubric (submissions/apr_rubric.csv, submissions/618_tables.csv) and
-- the SELPA submissions of 20B (submissions/selpa_submissions.csv). Score cells are the loader's
-- codes '1', '0', 'NA' (or NULL when blank): a point is a '1'; the maximum counts the '1' and '0'
-- cells, so 'NA' (and blank) cells count in neither score nor maximum.
-- $ind20_timely_points  points for the APR row on time (submitted ≤ due), added to the maximum always

-- APR part: one row per indicator; indicators 1 and 2 are scored on valid_reliable only.
CREATE OR REPLACE TEMP TABLE ind20_apr AS
SELECT indicator,
       valid_reliable AS vr,
       CASE WHEN indicator IN ('1', '2') THEN NULL ELSE correct_calculation END AS cc,
       (vr IS NOT DISTINCT FROM '1')::INTEGER + (cc IS NOT DISTINCT FROM '1')::INTEGER AS points,
       coalesce(vr IN ('1', '0'), false)::INTEGER + coalesce(cc IN ('1', '0'), false)::INTEGER AS max_points,
       try_cast(regexp_extract(indicator, '^[0-9]+') AS INTEGER) AS ord
FROM clean_apr_rubric
WHERE indicator <> 'APR';

-- The APR row: timely when submitted on or before the due date (a blank date is not on time).
CREATE OR REPLACE TEMP TABLE ind20_apr_timely AS
SELECT any_value(due_date) AS due_date, any_value(submitted_date) AS submitted_date,
       coalesce(any_value(submitted_date <= due_date), false) AS on_time,
       count(*) AS n_rows
FROM clean_apr_rubric
WHERE indicator = 'APR';

-- 618 part: one row per table; a blank `timely` is derived from the dates.
CREATE OR REPLACE TEMP TABLE ind20_618 AS
WITH t AS (
  SELECT "table" AS tbl, name, due_date, submitted_date,
         CASE WHEN due_date IS NOT NULL THEN coalesce(submitted_date <= due_date, false) END AS on_time,
         timely AS timely_raw, complete, passed_edit, responded_notes
  FROM clean_tables_618
)
SELECT tbl, name, due_date, submitted_date, on_time, complete, passed_edit, responded_notes,
       coalesce(timely_raw, CASE WHEN on_time THEN '1' WHEN NOT on_time THEN '0' END) AS timely,
       (coalesce(timely_raw, CASE WHEN on_time THEN '1' WHEN NOT on_time THEN '0' END) IS NOT DISTINCT FROM '1')::INTEGER
         + (complete IS NOT DISTINCT FROM '1')::INTEGER + (passed_edit IS NOT DISTINCT FROM '1')::INTEGER
         + (responded_notes IS NOT DISTINCT FROM '1')::INTEGER AS points,
       coalesce(coalesce(timely_raw, CASE WHEN on_time THEN '1' WHEN NOT on_time THEN '0' END) IN ('1', '0'), false)::INTEGER
         + coalesce(complete IN ('1', '0'), false)::INTEGER + coalesce(passed_edit IN ('1', '0'), false)::INTEGER
         + coalesce(responded_notes IN ('1', '0'), false)::INTEGER AS max_points
FROM t;

-- Totals: APR subtotal (+ timely points) = APR total over APR maximum; the 618 subtotal weighted by
-- APR maximum / 618 maximum; integer forms of the score for the summary row.
CREATE OR REPLACE TEMP TABLE ind20_totals AS
WITH a AS (SELECT coalesce(sum(points), 0) AS apr_sub, coalesce(sum(max_points), 0) AS apr_sub_max FROM ind20_apr),
     s AS (SELECT coalesce(sum(points), 0) AS t618_sub, coalesce(sum(max_points), 0) AS t618_max FROM ind20_618),
     r AS (SELECT coalesce(any_value(on_time), false) AS apr_on_time FROM ind20_apr_timely)
SELECT a.apr_sub, a.apr_sub_max, r.apr_on_time,
       CASE WHEN r.apr_on_time THEN $ind20_timely_points::INTEGER ELSE 0 END AS apr_timely,
       a.apr_sub + CASE WHEN r.apr_on_time THEN $ind20_timely_points::INTEGER ELSE 0 END AS apr_total,
       a.apr_sub_max + $ind20_timely_points::INTEGER AS apr_max,
       s.t618_sub, s.t618_max,
       CASE WHEN s.t618_max > 0 THEN s.t618_sub * (a.apr_sub_max + $ind20_timely_points::INTEGER) / s.t618_max::DOUBLE END AS t618_total,
       -- score = 100 × num / den, both integers (den 0 when the 618 maximum is 0: no score)
       (a.apr_sub + CASE WHEN r.apr_on_time THEN $ind20_timely_points::INTEGER ELSE 0 END) * s.t618_max
         + s.t618_sub * (a.apr_sub_max + $ind20_timely_points::INTEGER) AS score_num,
       2 * (a.apr_sub_max + $ind20_timely_points::INTEGER) * s.t618_max AS score_den
FROM a, s, r;

-- 20B: a SELPA counts when every one of its rows was submitted on or before the due date and passed
-- verification (a blank submitted_date is not submitted).
CREATE OR REPLACE TEMP TABLE ind20_selpa AS
SELECT selpa,
       bool_and(coalesce(submitted_date <= due_date, false) AND coalesce(passed_verification = 'Y', false)) AS ok,
       count(*) AS submissions
FROM clean_selpa_submissions
GROUP BY selpa;
