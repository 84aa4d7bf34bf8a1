-- Table 6 — preschool settings: served December students aged $ind6_min_age..$ind6_max_age on the count date,
-- by FEDSET_PRS, with count and percent of the age group.
WITH pop AS (
  SELECT fedset_prs FROM served_dec
  WHERE _period = $dec_period AND age_rept BETWEEN $ind6_min_age AND $ind6_max_age
),
settings(ord, code, label) AS (VALUES
  (1, '100', 'Early childhood setting'),
  (2, '200', 'Early childhood special education setting'),
  (3, '300', 'Home'),
  (4, '400', 'Part-time early childhood / part-time early childhood special education'),
  (5, '500', 'Residential facility'),
  (6, '600', 'Separate school'),
  (7, '700', 'Itinerant service outside the home'),
  (8, '800', 'Reverse mainstream setting')
),
total AS (SELECT count(*) AS n FROM pop),
rows AS (
  SELECT s.ord, s.code, s.label, (SELECT count(*) FROM pop WHERE fedset_prs = s.code) AS n FROM settings s
  UNION ALL SELECT 9, 'none', 'No preschool setting reported', (SELECT count(*) FROM pop WHERE fedset_prs IS NULL OR fedset_prs NOT IN (SELECT code FROM settings))
  UNION ALL SELECT 10, 'total', printf('All served students ages %d-%d', $ind6_min_age, $ind6_max_age), (SELECT n FROM total)
)
SELECT r.code AS setting, r.label, r.n::BIGINT AS count, t.n::BIGINT AS denominator,
       pct(r.n, t.n)::DOUBLE AS percent
FROM rows r, total t ORDER BY r.ord;
