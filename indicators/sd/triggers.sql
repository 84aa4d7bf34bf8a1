-- Trigger sd, every scenario: one row per identified LEA (of reference/districts.csv). value and
-- threshold: its largest identified ratio in Y and that pair's threshold (numerator, denominator:
-- that pair's n_g and N_g); the sentence lists every identified pair with its method, ratio and the
-- years of its run above the threshold, e.g. "BL7 ID_ALL: RR 3.30 > 3.00 in 2006-07, 2007-08, 2008-09".
WITH pairs AS (
  SELECT mu.scenario, mu.district, mu.category, mu.grp, mu.years_exceeded, c.ord AS c_ord, g.ord AS g_ord,
         x.method, x.ra, x.rb, x.threshold, x.n, x.big_n,
         (x.ra::DOUBLE / x.rb::DOUBLE) AS ratio,
         (SELECT string_agg(yy.y, ', ' ORDER BY yy.k DESC) FROM sd_years yy WHERE yy.k < mu.years_exceeded) AS years
  FROM sd_multi mu
  JOIN sd_dec x ON x.scenario = mu.scenario AND x.k = 0 AND x.district = mu.district AND x.category = mu.category AND x.grp = mu.grp
  JOIN sd_categories c ON c.category = mu.category
  JOIN sd_groups g ON g.grp = mu.grp
  WHERE mu.identified
    AND mu.district IN (SELECT district FROM sd_leas)
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY scenario, district ORDER BY ratio DESC, c_ord, g_ord) AS r FROM pairs
),
agg AS (
  SELECT scenario, district, count(*) AS pairs,
         string_agg(grp || ' ' || category || ': ' || method || ' ' || sd_fmt(ra, rb) || ' > ' || fmt2(threshold) || ' in ' || years, '; '
                    ORDER BY c_ord, g_ord) AS list
  FROM pairs
  GROUP BY ALL
)
SELECT r.scenario::INTEGER AS scenario, r.district::VARCHAR AS district, 'sd'::VARCHAR AS "trigger",
       r.ratio::DOUBLE AS value, r.threshold::DOUBLE AS threshold, r.n::BIGINT AS numerator, r.big_n::BIGINT AS denominator,
       ('Significant disproportionality in ' || a.pairs || CASE WHEN a.pairs > 1 THEN ' pairs: ' ELSE ' pair: ' END || a.list || '.')::VARCHAR AS explanation
FROM ranked r
JOIN agg a ON a.scenario = r.scenario AND a.district = r.district
WHERE r.r = 1
ORDER BY scenario, district;
