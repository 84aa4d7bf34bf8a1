-- Trigger cyclical: monitoring/cycle.csv assigns the district to the reporting year.
SELECT s.scenario, c.district, 'cyclical' AS "trigger", NULL::DOUBLE AS value, NULL::DOUBLE AS threshold,
       NULL::BIGINT AS numerator, NULL::BIGINT AS denominator,
       printf('The monitoring cycle schedules this district for review in %s (%s).', $year, c.review_types) AS explanation
FROM sesr_cycle c CROSS JOIN scenarios s;
