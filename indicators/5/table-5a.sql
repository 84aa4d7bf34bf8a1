-- Table 5a: served December students aged $ind5_min_age..$ind5_max_age (6-21) by LRE category (count,
-- percent of all). The total's label follows the age parameters.
WITH s AS (
  SELECT sum(pop) AS pop, sum(n_5a) AS n_5a, sum(n_40_79) AS n_40_79, sum(n_5b) AS n_5b,
         sum(n_5c) AS n_5c, sum(n_other) AS n_other, sum(n_none) AS n_none
  FROM ind5_agg
),
rows AS (
  SELECT 1 AS ord, '5A' AS category, 'Inside the regular class 80% or more of the day' AS label, n_5a AS n, pop FROM s
  UNION ALL SELECT 2, '40-79', 'Inside the regular class 40% to 79% of the day', n_40_79, pop FROM s
  UNION ALL SELECT 3, '5B', 'Inside the regular class less than 40% of the day', n_5b, pop FROM s
  UNION ALL SELECT 4, '5C', 'Separate schools, residential facilities, homebound or hospital placements', n_5c, pop FROM s
  UNION ALL SELECT 5, 'other', 'Correctional facilities or parentally placed in private schools', n_other, pop FROM s
  UNION ALL SELECT 6, 'unknown', 'No school-age setting reported', n_none, pop FROM s
  UNION ALL SELECT 7, 'total', printf('All served students ages %d-%d', $ind5_min_age, $ind5_max_age), pop, pop FROM s
)
SELECT category, label, coalesce(n, 0)::BIGINT AS count, coalesce(pop, 0)::BIGINT AS denominator,
       pct(n, pop)::DOUBLE AS percent
FROM rows ORDER BY ord;
