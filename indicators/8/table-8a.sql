-- Table 8a: parent survey responses statewide (rows as in the source, plus the NO answers).
-- Surveys mailed and the percent returned are empty without survey/distribution.csv.
WITH s AS (
  SELECT coalesce(sum(returned), 0) AS returned, coalesce(sum(yes), 0) AS yes, coalesce(sum(no), 0) AS no,
         (SELECT mailed FROM ind8_mailed) AS mailed
  FROM ind8_agg
),
rows AS (
  SELECT 1 AS ord, 'mailed' AS item, 'Surveys Mailed' AS label, mailed AS count, NULL AS num, NULL AS den FROM s
  UNION ALL SELECT 2, 'returned', 'Surveys Returned', returned, NULL, NULL FROM s
  UNION ALL SELECT 3, 'pct_returned', 'Percent of Mailed Returned', NULL, returned, mailed FROM s
  UNION ALL SELECT 4, 'answered_q5', 'Surveys with answers to Q5', yes + no, NULL, NULL FROM s
  UNION ALL SELECT 5, 'yes_q5', 'Surveys with "YES" to Q5', yes, NULL, NULL FROM s
  UNION ALL SELECT 6, 'no_q5', 'Surveys with "NO" to Q5', no, NULL, NULL FROM s
  UNION ALL SELECT 7, 'pct_yes', 'Percent Responding "YES"', NULL, yes, yes + no FROM s
)
SELECT item, label, count::BIGINT AS count, num::BIGINT AS numerator, den::BIGINT AS denominator,
       pct(num, den)::DOUBLE AS percent
FROM rows ORDER BY ord;
