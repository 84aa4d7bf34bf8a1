-- Summary rows 5A, 5B, 5C: count / served December students aged $ind5_min_age..$ind5_max_age.
WITH s AS (SELECT sum(pop) AS pop, sum(n_5a) AS a, sum(n_5b) AS b, sum(n_5c) AS c FROM ind5_agg)
SELECT id, num::BIGINT AS numerator, coalesce(pop, 0)::BIGINT AS denominator,
       pct(num, pop)::DOUBLE AS value
FROM (SELECT '5A' AS id, coalesce(a, 0) AS num, pop FROM s
      UNION ALL SELECT '5B', coalesce(b, 0), pop FROM s
      UNION ALL SELECT '5C', coalesce(c, 0), pop FROM s)
ORDER BY id;
