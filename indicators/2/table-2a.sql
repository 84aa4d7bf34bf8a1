-- Table 2a: per grade E, D, D/E and 1 - D/E (fractions), then the product and the 4-year rate (%).
WITH g AS (SELECT grade, sum(e) AS e, sum(d) AS d FROM ind2_grade GROUP BY grade),
s AS (SELECT * FROM ind2_rates WHERE district IS NULL),
grades(ord, grade) AS (VALUES (1, '09'), (2, '10'), (3, '11'), (4, '12'), (5, 'UG'))
SELECT grade, enrollment, dropouts, rate, one_minus_rate, four_year_rate FROM (
  SELECT grades.ord, grades.grade, g.e::BIGINT AS enrollment, g.d::BIGINT AS dropouts,
         CASE WHEN g.e > 0 THEN g.d::DOUBLE / g.e END::DOUBLE AS rate,
         CASE WHEN g.e > 0 AND grades.grade <> 'UG' THEN 1 - g.d::DOUBLE / g.e END::DOUBLE AS one_minus_rate,
         NULL::DOUBLE AS four_year_rate
  FROM grades LEFT JOIN g USING (grade)
  UNION ALL
  SELECT 6, 'product', NULL, NULL, NULL, CASE WHEN s.grades_ok = 4 THEN s.survival END, NULL FROM (SELECT 1) LEFT JOIN s ON true
  UNION ALL
  SELECT 7, '4-year rate', NULL, NULL, NULL, NULL, CASE WHEN s.grades_ok = 4 THEN 100.0 * (1 - s.survival) END FROM (SELECT 1) LEFT JOIN s ON true
)
ORDER BY ord;
