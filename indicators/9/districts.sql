-- districts/9.csv (scenario 0): numerator = N (special education aged min..max in the five groups),
-- denominator = general enrollment (five groups), value = the disparity index in points, evaluated =
-- SE(d) > ind9.min_se, flagged = potentially disproportionate, threshold = the DI benchmark.
-- The tests are shown for every district with data; only evaluated districts can be flagged.
SELECT l.district, l.district_name, l.selpa,
       coalesce(d.n, 0)::BIGINT AS numerator,
       coalesce(d.enr_total, 0)::BIGINT AS denominator,
       d.di::DOUBLE AS value,
       coalesce(d.evaluated, false) AS evaluated,
       coalesce(d.potential, false) AS flagged,
       s."ind9.disparity_benchmark"::DOUBLE AS threshold,
       d.di::DOUBLE AS disparity_index,
       s."ind9.disparity_benchmark"::DOUBLE AS di_benchmark,
       coalesce(d.di_fails, false) AS di_fails,
       d.over_groups::VARCHAR AS over_groups,
       d.under_groups::VARCHAR AS under_groups
FROM district_list l
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN (SELECT * FROM ind9_decide WHERE scenario = 0) d USING (district)
ORDER BY l.district;
