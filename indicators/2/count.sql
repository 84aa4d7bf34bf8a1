-- Indicator 2 — dropout (esea/grad_dropout.csv), data year $year (Y-1 in ca-ffy2008).
-- Students with disabilities only (subgroup blank or SWD). One row per district and grade.
CREATE OR REPLACE TEMP TABLE ind2_grade AS
SELECT district, grade, sum(enrollment) AS e, sum(dropouts) AS d
FROM clean_grad_dropout
WHERE "year" = $year AND coalesce(upper(subgroup), 'SWD') = 'SWD'
GROUP BY ALL;

-- Per district (and the state as district NULL): one-year rate over 9-12 + UG, and the
-- four-year derived rate 1 - prod(1 - D/E) over grades 9-12 (UG not in the product).
CREATE OR REPLACE TEMP TABLE ind2_rates AS
WITH g AS (
  SELECT district, grade, e, d FROM ind2_grade
  UNION ALL
  SELECT NULL, grade, sum(e), sum(d) FROM ind2_grade GROUP BY grade
)
SELECT district,
       sum(d) FILTER (WHERE grade IN ('09', '10', '11', '12', 'UG')) AS dropouts,
       sum(e) FILTER (WHERE grade IN ('09', '10', '11', '12', 'UG')) AS enrollment,
       count(*) FILTER (WHERE grade IN ('09', '10', '11', '12') AND e > 0) AS grades_ok,
       -- in grade order: a product of doubles in another order may differ in its last bit (runs must be byte-identical)
       product(1.0 - d::DOUBLE / e ORDER BY grade) FILTER (WHERE grade IN ('09', '10', '11', '12') AND e > 0) AS survival
FROM g GROUP BY district;
