-- Table 3c (the source's 3.c.1 and 3.c.2): students with IEPs enrolled the full academic year who
-- scored proficient or advanced, by district type (district_list.district_type), against that type's
-- AMO (met when the percent ≥ the AMO); the "total" row is 3C and has no AMO. A district missing
-- from reference/districts.csv (or of a type without an AMO) is typed "unknown" (no AMO); that row appears only when it has data.
WITH d AS (
  SELECT coalesce(a.district_type, 'unknown') AS district_type, r.subject, r.proficient_fay, r.enrolled_fay
  FROM ind3_rows r LEFT JOIN district_list l USING (district) LEFT JOIN ind3_amo a ON a.district_type = l.district_type
),
types AS (
  SELECT ord, district_type, label, amo_ela, amo_math FROM ind3_amo
  UNION ALL SELECT 6, 'unknown', 'District type unknown', NULL, NULL
  WHERE EXISTS (SELECT 1 FROM d WHERE district_type = 'unknown')
  UNION ALL SELECT 7, 'total', 'All districts', NULL, NULL
),
x AS (
  SELECT t.ord, t.district_type, t.label, t.amo_ela, t.amo_math,
         sum(d.proficient_fay) FILTER (WHERE d.subject = 'ELA') AS ela_n,
         sum(d.enrolled_fay) FILTER (WHERE d.subject = 'ELA') AS ela_den,
         sum(d.proficient_fay) FILTER (WHERE d.subject = 'MATH') AS math_n,
         sum(d.enrolled_fay) FILTER (WHERE d.subject = 'MATH') AS math_den
  FROM types t
  LEFT JOIN d ON t.district_type = 'total' OR d.district_type = t.district_type
  GROUP BY t.ord, t.district_type, t.label, t.amo_ela, t.amo_math
)
SELECT district_type, label,
       coalesce(ela_n, 0)::BIGINT AS ela_proficient, coalesce(ela_den, 0)::BIGINT AS ela_enrolled_fay,
       pct(ela_n, ela_den)::DOUBLE AS ela_percent, amo_ela::DOUBLE AS ela_amo,
       (pct(ela_n, ela_den) >= amo_ela)::BOOLEAN AS ela_met,
       coalesce(math_n, 0)::BIGINT AS math_proficient, coalesce(math_den, 0)::BIGINT AS math_enrolled_fay,
       pct(math_n, math_den)::DOUBLE AS math_percent, amo_math::DOUBLE AS math_amo,
       (pct(math_n, math_den) >= amo_math)::BOOLEAN AS math_met
FROM x ORDER BY ord;
