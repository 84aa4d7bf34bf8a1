-- Trigger 10 (every scenario): a district potentially disproportionate by disability. value = the
-- disparity index, threshold = the benchmark, numerator = N (ΣSE, five groups), denominator = ΣENR;
-- the sentence names the DI groups and every (group, disability) pair found over or under.
WITH e AS (
  SELECT scenario, district, any_value(k) AS k, any_value(a_base) AS a_base,
         list(CASE WHEN over_rep
                   THEN printf('%s over-represented in %s (%.2f%% of %d %s students vs at most %.2f%%)', label, short, p, n_c, short, e_max)
                   ELSE printf('%s under-represented in %s (%.2f%% of %d %s students vs at least %.2f%%)', label, short, p, n_c, short, e_min) END
              ORDER BY d_ord, ord) AS parts
  FROM ind10_pair_decide
  WHERE over_rep OR under_rep
  GROUP BY scenario, district
)
SELECT d.scenario::INTEGER AS scenario, d.district::VARCHAR AS district, '10' AS "trigger",
       d.di::DOUBLE AS value, d.benchmark::DOUBLE AS threshold,
       d.n::BIGINT AS numerator, d.enr_total::BIGINT AS denominator,
       printf('Disparity index %.2f points (%s %.2f%% vs %s %.2f%%) exceeds %.2f, and the E-formula (k = %g, A from %s) finds %s.',
              d.di, d.high_label, d.high_risk, d.low_label, d.low_risk, d.benchmark, e.k, replace(e.a_base, '_', ' '),
              CASE WHEN len(e.parts) = 1 THEN e.parts[1]
                   ELSE array_to_string(e.parts[1:len(e.parts) - 1], ', ') || ' and ' || e.parts[len(e.parts)] END) AS explanation
FROM ind10_decide d JOIN e USING (scenario, district)
WHERE d.potential
ORDER BY scenario, district;
