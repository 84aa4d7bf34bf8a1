-- Table 3b: participation of students with IEPs in the data year's statewide assessment by test
-- condition, ELA and Math. Condition rows are shares of the participants; "total" (all
-- participants) and "not_tested" are shares of the students enrolled in the testing window, so the
-- total row is 3B. "not_reported" = participants of a row beyond its four condition counts (blank
-- condition columns count as 0); a row whose conditions exceed its participants is listed by
-- warnings.sql.
WITH r AS (
  SELECT subject, participants, enrolled_window,
         coalesce(regular, 0) AS regular, coalesce(regular_accom, 0) AS regular_accom,
         coalesce(modified, 0) AS modified, coalesce(alternate, 0) AS alternate,
         greatest(participants - coalesce(regular, 0) - coalesce(regular_accom, 0) - coalesce(modified, 0) - coalesce(alternate, 0), 0) AS not_reported
  FROM ind3_rows
),
s AS (
  SELECT subject, sum(participants) AS participants, sum(enrolled_window) AS win, sum(regular) AS regular,
         sum(regular_accom) AS regular_accom, sum(modified) AS modified, sum(alternate) AS alternate,
         sum(not_reported) AS not_reported
  FROM r
  GROUP BY subject
),
subj(subject) AS (VALUES ('ELA'), ('MATH')),
t AS (SELECT subj.subject, s.* EXCLUDE (subject) FROM subj LEFT JOIN s USING (subject)),
rows AS (
  SELECT 1 AS ord, 'regular' AS condition, 'Regular assessment without accommodations' AS label, subject, regular AS n, participants AS den FROM t
  UNION ALL SELECT 2, 'regular_accom', 'Regular assessment with accommodations', subject, regular_accom, participants FROM t
  UNION ALL SELECT 3, 'modified', 'Alternate assessment against modified achievement standards', subject, modified, participants FROM t
  UNION ALL SELECT 4, 'alternate', 'Alternate assessment against alternate achievement standards', subject, alternate, participants FROM t
  UNION ALL SELECT 5, 'not_reported', 'Participants without a reported test condition', subject, not_reported, participants FROM t
  UNION ALL SELECT 6, 'total', 'All participants (participation rate)', subject, participants, win FROM t
  UNION ALL SELECT 7, 'not_tested', 'Enrolled in the testing window, not tested', subject, win - participants, win FROM t
  UNION ALL SELECT 8, 'enrolled', 'Enrolled in the testing window', subject, win, win FROM t
)
SELECT condition, label,
       coalesce(max(n) FILTER (WHERE subject = 'ELA'), 0)::BIGINT AS ela_count,
       coalesce(max(den) FILTER (WHERE subject = 'ELA'), 0)::BIGINT AS ela_denominator,
       pct(max(n) FILTER (WHERE subject = 'ELA'), max(den) FILTER (WHERE subject = 'ELA'))::DOUBLE AS ela_percent,
       coalesce(max(n) FILTER (WHERE subject = 'MATH'), 0)::BIGINT AS math_count,
       coalesce(max(den) FILTER (WHERE subject = 'MATH'), 0)::BIGINT AS math_denominator,
       pct(max(n) FILTER (WHERE subject = 'MATH'), max(den) FILTER (WHERE subject = 'MATH'))::DOUBLE AS math_percent
FROM rows
GROUP BY ord, condition, label
ORDER BY ord;
