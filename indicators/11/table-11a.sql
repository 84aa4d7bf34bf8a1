-- Table 11a: A (consents received, less the excluded), B (evaluated within the timeline) and
-- Percent = b / a × 100 (the source's "(b + c)" is a typo, SEED-FIGURES T11: there is no c).
-- Rows after A and B break them down; the percent row carries b and a as its numerator/denominator.
WITH t AS (
  SELECT coalesce(sum(consents), 0) AS consents, coalesce(sum(excluded), 0) AS excluded,
         coalesce(sum(a), 0) AS a, coalesce(sum(b), 0) AS b, coalesce(sum(on_time), 0) AS on_time,
         coalesce(sum(state_timeline), 0) AS state_timeline, coalesce(sum(late), 0) AS late,
         coalesce(sum(not_evaluated), 0) AS not_evaluated
  FROM ind11_agg
),
rows AS (
  SELECT 1 AS ord, 'consents' AS item, 'Consents received in ' || $year || ' (due by ' || $jun_date || ' or evaluated)' AS label, consents AS n, NULL AS num, NULL AS den FROM t
  UNION ALL SELECT 2, 'excluded', 'Excluded from a and b: EVLDLAY ' || array_to_string($ind11_exclude_codes, ', '), excluded, NULL, NULL FROM t
  UNION ALL SELECT 3, 'a', 'A. Number of children for whom parental consent to evaluate was received', a, NULL, NULL FROM t
  UNION ALL SELECT 4, 'on_time', 'Evaluated within ' || $ind11_days::VARCHAR || ' days (extended for school breaks)', on_time, NULL, NULL FROM t
  UNION ALL SELECT 5, 'state_timeline', 'Evaluated later under the state timeline: EVLDLAY ' || array_to_string($ind11_state_timeline_codes, ', '), state_timeline, NULL, NULL FROM t
  UNION ALL SELECT 6, 'b', 'B. Number of children whose evaluations were completed within ' || $ind11_days::VARCHAR || ' days (or State-established timeline)', b, NULL, NULL FROM t
  UNION ALL SELECT 7, 'late', 'Evaluated late (Table 11b)', late, NULL, NULL FROM t
  UNION ALL SELECT 8, 'not_evaluated', 'Not evaluated by ' || $jun_date, not_evaluated, NULL, NULL FROM t
  UNION ALL SELECT 9, 'percent', 'Percent = b divided by a times 100', NULL, b, a FROM t
)
SELECT item::VARCHAR AS item, label::VARCHAR AS label, n::BIGINT AS count, num::BIGINT AS numerator,
       den::BIGINT AS denominator, pct(num, den)::DOUBLE AS percent
FROM rows ORDER BY ord;
