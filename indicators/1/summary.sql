-- Summary row 1: statewide graduation rate of $year with the target test and how it was met or missed.
SELECT '1' AS id, r.numerator::BIGINT AS numerator, r.denominator::BIGINT AS denominator, r.value::DOUBLE AS value,
       CASE WHEN r.value IS NULL THEN NULL WHEN r.met THEN 'yes' ELSE 'no' END AS target_met,
       r.target_basis::VARCHAR AS target_basis,
       CASE WHEN r.district IS NULL THEN 'not computed: no graduation data for ' || $year
            WHEN r.missing <> '' THEN 'not computed: missing year ' || r.missing END AS status
FROM (SELECT 1) LEFT JOIN ind1_result r ON r.district = '(state)';
