-- Trigger 4B: a potentially discrepant district (a group above the bar), in every scenario. The row
-- carries the group with the highest rate above the bar (ties: the source's group order).
WITH ranked AS (
  SELECT x.*, gr.group_name,
         row_number() OVER (PARTITION BY x.scenario, x.district ORDER BY x.rate DESC, gr.ord) AS k
  FROM ind4b_decisions x
  JOIN ind4b_groups gr USING (grp)
  WHERE x.discrepant
)
SELECT r.scenario::INTEGER AS scenario, r.district::VARCHAR AS district, '4B'::VARCHAR AS "trigger",
       r.rate::DOUBLE AS value, r.bar::DOUBLE AS threshold, r.n::BIGINT AS numerator, r.pop::BIGINT AS denominator,
       printf('%d of %d %s students (%.2f%%) were suspended or expelled for more than %s days; the bar is %.2f%% (%s); groups above the bar: %d of %d evaluated.',
              r.n, r.pop, r.group_name, r.rate, ind4_days_text($ind4_days::DOUBLE), r.bar, r.bar_note,
              d.groups_discrepant, d.groups_evaluated)::VARCHAR AS explanation
FROM ranked r
JOIN ind4b_district d ON d.scenario = r.scenario AND d.district = r.district
WHERE r.k = 1
ORDER BY r.scenario, r.district;
