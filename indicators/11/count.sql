-- Indicator 11 — initial evaluation within 60 days of parental consent (INDICATORS.md "11").
-- June Table A of the data year ($jun_period), every PLAN_TYPE (`june_all`); district = DIST_RESI.
-- $ind11_days               calendar days from PRNT_CSNT to the due date (60)
-- $ind11_min_break_days     a break extends only when it spans more than this many school days (5)
-- $ind11_exclude_codes      EVLDLAY codes out of a and b ('10', '20')
-- $ind11_state_timeline_codes  EVLDLAY codes of a late evaluation that still counts in b ('30', '40')

-- Breaks of calendar/breaks.csv that extend a timeline: more than $ind11_min_break_days school days;
-- a blank school_days is the break's count of weekdays (Mon-Fri). Rows of ≤ 5 school days are kept
-- by the loader with W-BRK and dropped here. No breaks file = an empty clean_breaks = plain 60 days.
CREATE OR REPLACE TEMP TABLE ind11_breaks AS
SELECT district AS scope, start_date, end_date,
       coalesce(school_days,
                len(list_filter(generate_series(start_date::TIMESTAMP, end_date::TIMESTAMP, INTERVAL 1 DAY), x -> isodow(x) <= 5))
       )::INTEGER AS school_days
FROM clean_breaks
WHERE start_date IS NOT NULL AND end_date >= start_date
  AND coalesce(school_days,
               len(list_filter(generate_series(start_date::TIMESTAMP, end_date::TIMESTAMP, INTERVAL 1 DAY), x -> isodow(x) <= 5))
      ) > $ind11_min_break_days;

-- Candidate consents: PRNT_CSNT inside the data year.
CREATE OR REPLACE TEMP TABLE ind11_candidates AS
SELECT row_number() OVER () AS cid,  -- an id to walk by, no order needed
       district, selpa, student_id, prnt_csnt, init_eval, evldlay,
       (prnt_csnt + $ind11_days)::DATE AS due0
FROM june_all
WHERE _period = $jun_period AND prnt_csnt BETWEEN $y_start::DATE AND $y_end::DATE;

-- The breaks that apply to each district (its own rows and the `*` rows), merged where they overlap
-- or touch, so a day two rows share extends a timeline once [decision]. Merging touching breaks
-- gives the same due dates as walking them one by one (the first always carries the due date past
-- its end, so the next is reached).
CREATE OR REPLACE TEMP TABLE ind11_islands AS
WITH b AS (
  SELECT d.district, br.start_date, br.end_date
  FROM (SELECT DISTINCT district FROM ind11_candidates) d
  JOIN ind11_breaks br ON br.scope = d.district OR br.scope = '*'
),
m AS (
  SELECT *, max(end_date) OVER (PARTITION BY district ORDER BY start_date, end_date
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM b
),
g AS (
  SELECT *, sum(CASE WHEN prev_end IS NULL OR start_date > prev_end + 1 THEN 1 ELSE 0 END)
              OVER (PARTITION BY district ORDER BY start_date, end_date ROWS UNBOUNDED PRECEDING) AS island
  FROM m
)
SELECT district, min(start_date) AS start_date, max(end_date) AS end_date
FROM g GROUP BY district, island;

-- Due date = PRNT_CSNT + $ind11_days, plus every day after PRNT_CSNT of each break that overlaps
-- the window (PRNT_CSNT, due] (a break starting on the due date overlaps); repeated with the new due
-- date until no further break is reached. Each step only adds breaks, so the walk ends.
CREATE OR REPLACE TEMP TABLE ind11_due AS
WITH RECURSIVE walk(cid, due, step) AS (
  SELECT cid, due0, 0 FROM ind11_candidates
  UNION ALL
  SELECT w.cid,
         any_value(c.due0) + sum(date_diff('day', greatest(i.start_date, c.prnt_csnt + 1), i.end_date) + 1)::INTEGER,
         w.step + 1
  FROM walk w
  JOIN ind11_candidates c ON c.cid = w.cid
  JOIN ind11_islands i ON i.district = c.district AND i.start_date <= w.due AND i.end_date > c.prnt_csnt
  GROUP BY w.cid, w.due, w.step
  HAVING any_value(c.due0) + sum(date_diff('day', greatest(i.start_date, c.prnt_csnt + 1), i.end_date) + 1)::INTEGER > w.due
)
SELECT cid, max(due)::DATE AS due FROM walk GROUP BY cid;

-- One row per consent of the data year: due date ≤ JUN or evaluated (a later due date without an
-- evaluation is not yet a consent of Y). class:
--   excluded        EVLDLAY in $ind11_exclude_codes (out of a and b, in no Table 11b row) [decision:
--                   whatever the dates]
--   on_time         INIT_EVAL ≤ due date                                   (b)
--   state_timeline  INIT_EVAL after the due date, EVLDLAY in $ind11_state_timeline_codes  (b)
--   late            INIT_EVAL after the due date otherwise                 (Table 11b buckets)
--   not_evaluated   no INIT_EVAL, due date ≤ JUN                           (never in b)
CREATE OR REPLACE TEMP TABLE ind11_consents AS
SELECT c.district, c.selpa, c.student_id, c.prnt_csnt, d.due, c.init_eval, c.evldlay,
       CASE
         WHEN coalesce(c.evldlay = ANY($ind11_exclude_codes), false) THEN 'excluded'
         WHEN c.init_eval IS NULL THEN 'not_evaluated'
         WHEN c.init_eval <= d.due THEN 'on_time'
         WHEN coalesce(c.evldlay = ANY($ind11_state_timeline_codes), false) THEN 'state_timeline'
         ELSE 'late'
       END AS class
FROM ind11_candidates c JOIN ind11_due d USING (cid)
WHERE d.due <= $jun_date::DATE OR c.init_eval IS NOT NULL;

-- Per district: a = consents − excluded, b = on_time + state_timeline.
CREATE OR REPLACE TEMP TABLE ind11_agg AS
SELECT district,
       count(*) AS consents,
       count(*) FILTER (WHERE class = 'excluded') AS excluded,
       count(*) FILTER (WHERE class <> 'excluded') AS a,
       count(*) FILTER (WHERE class IN ('on_time', 'state_timeline')) AS b,
       count(*) FILTER (WHERE class = 'on_time') AS on_time,
       count(*) FILTER (WHERE class = 'state_timeline') AS state_timeline,
       count(*) FILTER (WHERE class = 'late') AS late,
       count(*) FILTER (WHERE class = 'not_evaluated') AS not_evaluated
FROM ind11_consents GROUP BY district;
