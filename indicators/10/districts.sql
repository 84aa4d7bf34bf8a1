-- districts/10.csv (scenario 0), one row per district × disability tested: numerator = N (special
-- education aged 9's band with that disability, five groups), denominator = general enrollment (five
-- groups), value = the disparity index, evaluated = 9's, flagged = evaluated AND the DI test fails AND
-- a pair of this disability is over or under, threshold = the benchmark; over/under_groups of this
-- disability (empty when N = 0: its pairs are skipped).
SELECT l.district, l.district_name, l.selpa,
       coalesce(nc.n_c, 0)::BIGINT AS numerator,
       coalesce(d.enr_total, 0)::BIGINT AS denominator,
       d.di::DOUBLE AS value,
       coalesce(d.evaluated, false) AS evaluated,
       coalesce(d.evaluated AND d.di_fails AND x.fails, false) AS flagged,
       s."ind9.disparity_benchmark"::DOUBLE AS threshold,
       d.di::DOUBLE AS disparity_index,
       s."ind9.disparity_benchmark"::DOUBLE AS di_benchmark,
       coalesce(d.di_fails, false) AS di_fails,
       x.over_groups::VARCHAR AS over_groups,
       x.under_groups::VARCHAR AS under_groups,
       c.code::VARCHAR AS disability
FROM district_list l
CROSS JOIN ind10_disabilities c
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN (SELECT * FROM ind9_decide WHERE scenario = 0) d ON d.district = l.district
LEFT JOIN (SELECT * FROM ind10_disab_decide WHERE scenario = 0) x ON x.district = l.district AND x.disability = c.code
LEFT JOIN (SELECT district, disability, sum(se) AS n_c FROM ind10_pair GROUP BY ALL) nc ON nc.district = l.district AND nc.disability = c.code
ORDER BY l.district, c.ord;
