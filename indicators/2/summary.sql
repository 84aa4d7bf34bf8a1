-- 2.one_year = dropouts / enrollment (grades 9-12 and UG); 2.four_year = 100 x (1 - product).
WITH s AS (SELECT * FROM ind2_rates WHERE district IS NULL)
SELECT '2.one_year' AS id, coalesce(s.dropouts, 0)::BIGINT AS numerator, coalesce(s.enrollment, 0)::BIGINT AS denominator,
       pct(s.dropouts, s.enrollment)::DOUBLE AS value,
       NULL::VARCHAR AS status
FROM (SELECT 1) LEFT JOIN s ON true
UNION ALL
SELECT '2.four_year', NULL::BIGINT, NULL::BIGINT,
       CASE WHEN s.grades_ok = 4 THEN 100.0 * (1 - s.survival) END::DOUBLE,
       CASE WHEN coalesce(s.grades_ok, 0) < 4 THEN 'not computed: grades 09-12 need enrollment above 0 in ' || $year END
FROM (SELECT 1) LEFT JOIN s ON true;
