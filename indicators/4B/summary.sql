-- Summary rows (scenario 0), over the evaluated districts (at least one evaluated group):
-- 4B.potential = districts with a discrepant group; 4B = those whose 4B review found noncompliance.
WITH t AS (
  SELECT count(*) FILTER (WHERE d.evaluated) AS evaluated,
         count(*) FILTER (WHERE d.potential) AS potential,
         count(*) FILTER (WHERE d.potential AND coalesce(r.noncompliant, false)) AS final
  FROM ind4b_district d
  LEFT JOIN ind4b_reviews r USING (district)
  WHERE d.scenario = 0
)
SELECT '4B' AS id, final::BIGINT AS numerator, evaluated::BIGINT AS denominator, pct(final, evaluated)::DOUBLE AS value FROM t
UNION ALL
SELECT '4B.potential', potential::BIGINT, evaluated::BIGINT, pct(potential, evaluated)::DOUBLE FROM t
ORDER BY id;
