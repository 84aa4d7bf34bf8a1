-- Indicator 9 — disproportionate representation (INDICATORS.md "9"). Count step.
-- $dec_period     December submission of the data year (served records after unduplication)
-- $year           data-year label: the `year` of enrollment/cbeds.csv rows used
-- $ind9_min_age, $ind9_max_age   age band on the December count date of SE(d) (6..22)

-- E-formula bound (INDICATORS.md 9): E = A ± k × sqrt(A × (100 − A) / N), `side` = +1 (maximum) or −1
-- (minimum). No bound when N is 0 or A is unknown. Also used by indicator 10 (9 always runs first).
CREATE OR REPLACE MACRO ind9_e_bound(a, k, n, side) AS (
  CASE WHEN n > 0 AND a IS NOT NULL THEN a + side * k * sqrt(greatest(a * (100 - a), 0) / n) END
);

-- The five APR groups (DATA-CONTRACT.md 3.5) in the column order of the source's Table 9a.
CREATE OR REPLACE TEMP TABLE ind9_groups AS
SELECT ord, grp, label FROM apr_groups;

-- Served December records per district × APR group (NULL = no group): aged min..max on the count
-- date (SE of the districts) and of every age (Table 9a's statewide 678,105).
CREATE OR REPLACE TEMP TABLE ind9_se AS
SELECT district, apr_group AS grp,
       count(*) FILTER (WHERE age_rept BETWEEN $ind9_min_age AND $ind9_max_age) AS se,
       count(*) AS se_any_age
FROM served_dec
WHERE _period = $dec_period
GROUP BY district, apr_group;

-- General enrollment (K-12) of the data year per district × group: FI (Filipino) and PI (Pacific
-- Islander) add to AS; MR (two or more) and NR (not reported) belong to no group (DATA-CONTRACT.md 4).
-- The federal codes of profile idea-2016 map the same way (PI7 to AS, MU7 to none).
CREATE OR REPLACE TEMP TABLE ind9_enr AS
SELECT district, grp, sum(enrollment) AS enr
FROM (SELECT district, enrollment,
             CASE "group" WHEN 'FI' THEN 'AS' WHEN 'PI' THEN 'AS' WHEN 'AM7' THEN 'AI' WHEN 'AS7' THEN 'AS' WHEN 'PI7' THEN 'AS'
                          WHEN 'HI7' THEN 'HI' WHEN 'BL7' THEN 'AA' WHEN 'WH7' THEN 'WH' ELSE "group" END AS grp
      FROM clean_cbeds
      WHERE year = $year AND coalesce(grade_span, 'K12') = 'K12')
WHERE grp IN ('AI', 'AS', 'HI', 'AA', 'WH')
GROUP BY ALL;

-- District × the five groups, for every district with a served record or an enrollment row.
CREATE OR REPLACE TEMP TABLE ind9_grp AS
WITH ds AS (SELECT district FROM ind9_se UNION SELECT district FROM ind9_enr)
SELECT ds.district, g.grp, g.ord, g.label,
       coalesce(e.enr, 0)::BIGINT AS enr,
       coalesce(s.se, 0)::BIGINT AS se,
       coalesce(s.se_any_age, 0)::BIGINT AS se_any_age
FROM ds CROSS JOIN ind9_groups g
LEFT JOIN ind9_enr e ON e.district = ds.district AND e.grp = g.grp
LEFT JOIN ind9_se s ON s.district = ds.district AND s.grp = g.grp;

-- Per district: SE(d) = every served record aged min..max, with or without a group (the minimum-n
-- test); N = ΣSE and ΣENR over the five groups (the E-formula and the shares).
CREATE OR REPLACE TEMP TABLE ind9_dist AS
SELECT g.district, coalesce(any_value(a.se_all), 0)::BIGINT AS se_all,
       sum(g.se)::BIGINT AS n, sum(g.enr)::BIGINT AS enr_total
FROM ind9_grp g
LEFT JOIN (SELECT district, sum(se) AS se_all FROM ind9_se GROUP BY district) a USING (district)
GROUP BY g.district;
