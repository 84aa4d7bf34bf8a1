-- districts/5.csv: per district the 5A/5B/5C counts and percents of served students aged 6-21.
-- numerator/value are 5A; flagged = 5A below its target ($t_5A) or 5B/5C above theirs.
SELECT d.district, d.district_name, d.selpa,
       coalesce(a.n_5a, 0)::BIGINT AS numerator,
       coalesce(a.pop, 0)::BIGINT AS denominator,
       pct(a.n_5a, a.pop)::DOUBLE AS value,
       coalesce(a.pop, 0) > 0 AS evaluated,
       coalesce(pct(a.n_5a, a.pop) < $t_5A OR pct(a.n_5b, a.pop) > $t_5B OR pct(a.n_5c, a.pop) > $t_5C, false) AS flagged,
       $t_5A::DOUBLE AS threshold,
       coalesce(a.n_5b, 0)::BIGINT AS n_5b,
       pct(a.n_5b, a.pop)::DOUBLE AS pct_5b,
       $t_5B::DOUBLE AS threshold_5b,
       coalesce(a.n_5c, 0)::BIGINT AS n_5c,
       pct(a.n_5c, a.pop)::DOUBLE AS pct_5c,
       $t_5C::DOUBLE AS threshold_5c
FROM district_list d LEFT JOIN ind5_agg a USING (district)
ORDER BY d.district;
