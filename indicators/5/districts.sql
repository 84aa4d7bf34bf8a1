-- districts/5.csv: per district the 5A/5B/5C counts and percents of served students aged
-- $ind5_min_age..$ind5_max_age, each with its target and its own flag: flagged_5a = 5A below its
-- target ($t_5A), flagged_5b / flagged_5c = 5B / 5C above theirs. The common columns hold 5A
-- (numerator, value, threshold) and `flagged` = any of the three (a district to look at).
WITH f AS (
  SELECT d.district, d.district_name, d.selpa, a.pop, a.n_5a, a.n_5b, a.n_5c,
         coalesce(pct(a.n_5a, a.pop) < $t_5A, false) AS f5a,
         coalesce(pct(a.n_5b, a.pop) > $t_5B, false) AS f5b,
         coalesce(pct(a.n_5c, a.pop) > $t_5C, false) AS f5c
  FROM district_list d LEFT JOIN ind5_agg a USING (district)
)
SELECT district, district_name, selpa,
       coalesce(n_5a, 0)::BIGINT AS numerator,
       coalesce(pop, 0)::BIGINT AS denominator,
       pct(n_5a, pop)::DOUBLE AS value,
       coalesce(pop, 0) > 0 AS evaluated,
       (f5a OR f5b OR f5c) AS flagged,
       $t_5A::DOUBLE AS threshold,
       f5a AS flagged_5a,
       coalesce(n_5b, 0)::BIGINT AS n_5b,
       pct(n_5b, pop)::DOUBLE AS pct_5b,
       $t_5B::DOUBLE AS threshold_5b,
       f5b AS flagged_5b,
       coalesce(n_5c, 0)::BIGINT AS n_5c,
       pct(n_5c, pop)::DOUBLE AS pct_5c,
       $t_5C::DOUBLE AS threshold_5c,
       f5c AS flagged_5c
FROM f
ORDER BY district;
