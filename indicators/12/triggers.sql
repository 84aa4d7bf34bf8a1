-- Trigger 12 (every scenario): percent below sesr.timeline_min with at least one late or missing case.
SELECT scenario, district, '12' AS "trigger", value::DOUBLE AS value, threshold::DOUBLE AS threshold,
       c::BIGINT AS numerator, den::BIGINT AS denominator,
       printf('%d of %d eligible children (%.2f%% compliant) did not have an IEP by their third birthday; the standard is %.2f%%.',
              den - c, den, value, threshold) AS explanation
FROM ind12_decide
WHERE flagged
ORDER BY scenario, district;
