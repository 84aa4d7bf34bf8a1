-- Summary rows: 4A = discrepant / evaluated districts (scenario 0); 4A.state_rate = Σn / ΣN.
WITH d AS (
  SELECT count(*) FILTER (WHERE evaluated) AS evaluated, count(*) FILTER (WHERE discrepant) AS discrepant
  FROM ind4_decisions WHERE scenario = 0
)
SELECT '4A' AS id, discrepant::BIGINT AS numerator, evaluated::BIGINT AS denominator, pct(discrepant, evaluated)::DOUBLE AS value FROM d
UNION ALL
SELECT '4A.state_rate', n::BIGINT, pop::BIGINT, pct(n, pop)::DOUBLE FROM ind4_state
ORDER BY id;
