-- Trigger 9 (every scenario): a potentially disproportionate district. value = the disparity index,
-- threshold = the benchmark, numerator = N (ΣSE, five groups), denominator = ΣENR; the sentence names
-- the highest- and lowest-risk groups and every group the E-formula finds over or under.
-- The sentence parts were built once per k × district (ind9_kdist).
WITH e AS (SELECT k, district, parts FROM ind9_kdist)
SELECT d.scenario::INTEGER AS scenario, d.district::VARCHAR AS district, '9' AS "trigger",
       d.di::DOUBLE AS value, d.benchmark::DOUBLE AS threshold,
       d.n::BIGINT AS numerator, d.enr_total::BIGINT AS denominator,
       printf('Disparity index %.2f points (%s %.2f%% vs %s %.2f%%) exceeds %.2f, and the E-formula (k = %g) finds %s.',
              d.di, d.high_label, d.high_risk, d.low_label, d.low_risk, d.benchmark, d.k,
              CASE WHEN len(e.parts) = 1 THEN e.parts[1]
                   ELSE array_to_string(e.parts[1:len(e.parts) - 1], ', ') || ' and ' || e.parts[len(e.parts)] END) AS explanation
FROM ind9_decide d JOIN e ON e.k = d.k AND e.district = d.district
WHERE d.potential
ORDER BY scenario, district;
