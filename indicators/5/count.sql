-- Indicator 5 — LRE, ages 6-21 (December Table A). Aggregated once per district and category.
-- $dec_period  December submission folder of the data year (e.g. 2008-12)
-- $ind5_min_age, $ind5_max_age  age band on the December count date (6..21)
CREATE OR REPLACE TEMP TABLE ind5_agg AS
SELECT district,
       count(*) AS pop,
       count(*) FILTER (WHERE lre_cat = '5A') AS n_5a,
       count(*) FILTER (WHERE lre_cat = '40-79') AS n_40_79,
       count(*) FILTER (WHERE lre_cat = '5B') AS n_5b,
       count(*) FILTER (WHERE lre_cat = '5C') AS n_5c,
       count(*) FILTER (WHERE lre_cat = 'other') AS n_other,
       count(*) FILTER (WHERE lre_cat IS NULL) AS n_none
FROM served_dec
WHERE _period = $dec_period AND age_rept BETWEEN $ind5_min_age AND $ind5_max_age
GROUP BY district;
