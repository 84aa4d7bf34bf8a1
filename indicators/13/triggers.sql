-- Trigger 13 (every scenario): percent below sesr.transition_min. ($ind13_min_age is a count parameter,
-- the same in every scenario.)
SELECT scenario, district, '13' AS "trigger", value::DOUBLE AS value, threshold::DOUBLE AS threshold,
       compliant::BIGINT AS numerator, served::BIGINT AS denominator,
       printf('%d of %d students aged %d or older (%.2f%% compliant) lack transition goals and services; the standard is %.2f%%.',
              served - compliant, served, $ind13_min_age, value, threshold) AS explanation
FROM ind13_decide
WHERE flagged
ORDER BY scenario, district;
