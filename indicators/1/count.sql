-- Indicator 1 — graduation (esea/grad_dropout.csv), data year $year (Y-1 in ca-ffy2008).
-- Rate(y) = G(y) / (G(y) + D9(y-3) + D10(y-2) + D11(y-1) + D12(y)), for y = $year and the two
-- years before it (the target's improvement alternatives). '(state)' holds the statewide sums.
CREATE OR REPLACE TEMP TABLE ind1_base AS
WITH b AS (
  SELECT district, "year" AS y, grade, sum(dropouts) AS d, sum(graduates) AS g
  FROM clean_grad_dropout WHERE coalesce(upper(subgroup), 'SWD') = 'SWD' GROUP BY ALL
)
SELECT * FROM b
UNION ALL SELECT '(state)', y, grade, sum(d), sum(g) FROM b GROUP BY y, grade;

CREATE OR REPLACE TEMP TABLE ind1_rates AS
WITH years(k) AS (VALUES (0), (1), (2)),
c AS (
  SELECT u.district, years.k, year_shift($year, -years.k) AS y,
         max(b.g) FILTER (WHERE b.grade = '12' AND b.y = year_shift($year, -years.k)) AS g,
         max(b.d) FILTER (WHERE b.grade = '09' AND b.y = year_shift($year, -years.k - 3)) AS d9,
         max(b.d) FILTER (WHERE b.grade = '10' AND b.y = year_shift($year, -years.k - 2)) AS d10,
         max(b.d) FILTER (WHERE b.grade = '11' AND b.y = year_shift($year, -years.k - 1)) AS d11,
         max(b.d) FILTER (WHERE b.grade = '12' AND b.y = year_shift($year, -years.k)) AS d12
  FROM (SELECT DISTINCT district FROM ind1_base) u CROSS JOIN years
  LEFT JOIN ind1_base b ON b.district = u.district
  GROUP BY u.district, years.k
)
SELECT district, k, y, g, g + d9 + d10 + d11 + d12 AS den,
       pct(g, g + d9 + d10 + d11 + d12) AS rate,
       concat_ws(', ',
         CASE WHEN g IS NULL THEN y || ' (grade 12 graduates)' END,
         CASE WHEN d9 IS NULL THEN year_shift(y, -3) || ' (grade 09)' END,
         CASE WHEN d10 IS NULL THEN year_shift(y, -2) || ' (grade 10)' END,
         CASE WHEN d11 IS NULL THEN year_shift(y, -1) || ' (grade 11)' END,
         CASE WHEN d12 IS NULL THEN y || ' (grade 12)' END) AS missing
FROM c;

-- Target met (INDICATORS.md 1): rate >= $ind1_min_rate, or a one-year gain of 0.1, or a two-year
-- average gain of 0.2, each alternative tried only where its years exist. target_basis says which
-- alternative met it (the first that holds) or, when missed, every alternative and why it failed.
CREATE OR REPLACE TEMP TABLE ind1_result AS
WITH t AS (
  SELECT r0.district, r0.g AS numerator, r0.den AS denominator, r0.rate AS value, r0.missing,
         r1.rate AS rate_prev, r2.rate AS rate_prev2, r1.y AS y1, r2.y AS y2,
         r0.rate >= $ind1_min_rate AS by_rate,
         r0.rate - r1.rate >= 0.1 AS by_gain,
         (r0.rate + r1.rate) / 2 - (r1.rate + r2.rate) / 2 >= 0.2 AS by_mean,
         -- 83 prints as 83.0 (the APR's form), 83.15 as itself
         CASE WHEN $ind1_min_rate::DOUBLE = round($ind1_min_rate::DOUBLE, 1) THEN printf('%.1f', $ind1_min_rate::DOUBLE)
              ELSE $ind1_min_rate::DOUBLE::VARCHAR END AS min_txt
  FROM ind1_rates r0
  LEFT JOIN ind1_rates r1 ON r1.district = r0.district AND r1.k = 1
  LEFT JOIN ind1_rates r2 ON r2.district = r0.district AND r2.k = 2
  WHERE r0.k = 0
)
SELECT district, numerator, denominator, value, missing, rate_prev, rate_prev2,
       CASE WHEN value IS NULL THEN NULL
            ELSE by_rate OR coalesce(by_gain, false) OR coalesce(by_mean, false)
       END AS met,
       CASE WHEN value IS NULL THEN NULL
            WHEN by_rate THEN 'rate ≥ ' || min_txt
            WHEN by_gain THEN 'improvement ≥ 0.1 over ' || y1
            WHEN by_mean THEN 'two-year mean improvement ≥ 0.2'
            ELSE concat_ws('; ', 'rate < ' || min_txt,
                   CASE WHEN by_gain IS NULL THEN 'improvement not tested (no rate for ' || y1 || ')'
                        ELSE 'improvement < 0.1 over ' || y1 END,
                   CASE WHEN by_mean IS NULL
                        THEN 'two-year mean improvement not tested (no rate for '
                             || concat_ws(', ', CASE WHEN rate_prev IS NULL THEN y1 END, CASE WHEN rate_prev2 IS NULL THEN y2 END) || ')'
                        ELSE 'two-year mean improvement < 0.2' END)
       END AS target_basis
FROM t;
