-- Summary rows (scenario 0), over the LEAs of reference/districts.csv with at least one ratio
-- calculated (RR or ARR) in Y: sd.identified = LEAs with an identified pair, sd.exceeding = LEAs
-- with a ratio above the threshold in Y.
WITH t AS (
  SELECT count(*) FILTER (WHERE calc) AS calculated,
         count(*) FILTER (WHERE calc AND exc) AS exceeding,
         count(*) FILTER (WHERE calc AND ident) AS identified
  FROM (
    SELECT l.district,
           coalesce(bool_or(x.method <> 'NC'), false) AS calc,
           coalesce(bool_or(x.exceeds), false) AS exc,
           coalesce(any_value(mu.identified), false) AS ident
    FROM sd_leas l
    LEFT JOIN sd_dec x ON x.scenario = 0 AND x.k = 0 AND x.district = l.district
    LEFT JOIN (SELECT district, bool_or(identified) AS identified FROM sd_multi WHERE scenario = 0 GROUP BY district) mu ON mu.district = l.district
    GROUP BY l.district
  )
)
SELECT 'sd.identified' AS id, identified::BIGINT AS numerator, calculated::BIGINT AS denominator, pct(identified, calculated)::DOUBLE AS value FROM t
UNION ALL
SELECT 'sd.exceeding', exceeding::BIGINT, calculated::BIGINT, pct(exceeding, calculated)::DOUBLE FROM t
ORDER BY id;
