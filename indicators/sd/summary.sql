-- Summary rows (scenario 0), over the LEAs of reference/districts.csv with at least one ratio
-- calculated (RR or ARR) in Y: sd.identified = LEAs with an identified pair, sd.exceeding = LEAs
-- with a ratio above the threshold in Y.
WITH leas AS (
  SELECT district FROM district_list SEMI JOIN clean_districts r ON r.district__raw = district_list.district
),
t AS (
  SELECT count(*) FILTER (WHERE calc) AS calculated,
         count(*) FILTER (WHERE calc AND exc) AS exceeding,
         count(*) FILTER (WHERE calc AND ident) AS identified
  FROM (
    SELECT l.district,
           coalesce(bool_or(x.method <> 'NC'), false) AS calc,
           coalesce(bool_or(x.exceeds), false) AS exc,
           coalesce((SELECT bool_or(mu.identified) FROM sd_multi mu WHERE mu.scenario = 0 AND mu.district = l.district), false) AS ident
    FROM leas l
    LEFT JOIN sd_dec x ON x.scenario = 0 AND x.k = 0 AND x.district = l.district
    GROUP BY l.district
  )
)
SELECT 'sd.identified' AS id, identified::BIGINT AS numerator, calculated::BIGINT AS denominator, pct(identified, calculated)::DOUBLE AS value FROM t
UNION ALL
SELECT 'sd.exceeding', exceeding::BIGINT, calculated::BIGINT, pct(exceeding, calculated)::DOUBLE FROM t
ORDER BY id;
