-- Trigger 10 (every scenario): a district potentially disproportionate by disability. value = the
-- disparity index, threshold = the benchmark, numerator = N (ΣSE, five groups), denominator = ΣENR;
-- the sentence names the DI groups and every (group, disability) pair found over or under.
-- The sentence parts were built once per (k, a_base) × district (ind10_kdist).
WITH e AS (SELECT k, a_base, district, parts FROM ind10_kdist)
SELECT d.scenario::INTEGER AS scenario, d.district::VARCHAR AS district, '10' AS "trigger",
       d.di::DOUBLE AS value, d.benchmark::DOUBLE AS threshold,
       d.n::BIGINT AS numerator, d.enr_total::BIGINT AS denominator,
       printf('Disparity index %.2f points (%s %.2f%% vs %s %.2f%%) exceeds %.2f, and the E-formula (k = %g, A from %s) finds %s.',
              d.di, d.high_label, d.high_risk, d.low_label, d.low_risk, d.benchmark, e.k, replace(e.a_base, '_', ' '),
              CASE WHEN len(e.parts) = 1 THEN e.parts[1]
                   ELSE array_to_string(e.parts[1:len(e.parts) - 1], ', ') || ' and ' || e.parts[len(e.parts)] END) AS explanation
FROM ind10_decide d JOIN e ON e.k = d.k AND e.a_base = d.a_base AND e.district = d.district
WHERE d.potential
ORDER BY scenario, district;
