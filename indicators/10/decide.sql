-- Indicator 10 — decide step: the pairs of count.sql × every scenario. Reads s."ind10.k" and
-- s."ind10.a_base" from `scenarios`, and 9's decisions (ind9_decide: evaluated, DI test) per scenario.

-- Aggregate once, decide many times: the pair tests depend on ind10.k and ind10.a_base only, so they
-- run once per DISTINCT (k, a_base) of `scenarios`; the DI test and the evaluated districts are 9's.

-- Per (k, a_base) × district × disability c × group e, for a disability with N = ΣSE_c > 0 (a pair
-- with N = 0 is skipped): P = 100 × SE_{e,c} / N; A = the group's share of the district's special
-- education (a_base = special_education: 100 × SE_e / ΣSE) or of its general enrollment
-- (general_enrollment: 100 × ENR_e / ΣENR); bounds A ± k × sqrt(A(100 − A)/N).
CREATE OR REPLACE TEMP TABLE ind10_kpair AS
WITH t AS (
  SELECT p.*, sum(se) OVER w AS n_c, sum(se_group) OVER w AS se_total, sum(enr) OVER w AS enr_total
  FROM ind10_pair p
  WINDOW w AS (PARTITION BY district, disability)
), b AS (
  SELECT ka.k, ka.a_base, t.district, t.disability, t.d_ord, t.short, t.grp, t.ord, t.label, t.se, t.n_c,
         CASE WHEN ka.a_base = 'general_enrollment' THEN t.enr ELSE t.se_group END AS base_n,
         CASE WHEN ka.a_base = 'general_enrollment' THEN t.enr_total ELSE t.se_total END AS base_total,
         pct(t.se, t.n_c) AS p
  FROM t CROSS JOIN (SELECT DISTINCT "ind10.k" AS k, "ind10.a_base" AS a_base FROM scenarios) ka
  WHERE t.n_c > 0
), c AS (SELECT *, pct(base_n, base_total) AS a FROM b)
SELECT *, ind9_e_bound(a, k, n_c, -1) AS e_min, ind9_e_bound(a, k, n_c, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n_c, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n_c, -1), false) AS under_rep
FROM c;

-- Per scenario × pair (a view: never stored), as the tests and tables read it.
CREATE OR REPLACE TEMP VIEW ind10_pair_decide AS
SELECT s.scenario, kp.district, kp.disability, kp.d_ord, kp.short, kp.grp, kp.ord, kp.label, kp.se, kp.n_c,
       kp.a_base, kp.k, kp.base_n, kp.base_total, kp.p, kp.a, kp.e_min, kp.e_max, kp.over_rep, kp.under_rep
FROM scenarios s JOIN ind10_kpair kp ON kp.k = s."ind10.k" AND kp.a_base = s."ind10.a_base";

-- Per (k, a_base) × district × disability with a pair over or under: the groups over and under (a
-- disability without one has no row: it does not fail). Unordered aggregates, sorted after.
CREATE OR REPLACE TEMP TABLE ind10_kdisab AS
SELECT k, a_base, district, disability, any_value(n_c) AS n_c, true AS fails,
       array_to_string(list_transform(list_sort(list({'o': ord, 'g': grp}) FILTER (WHERE over_rep)), x -> x.g), ', ') AS over_groups,
       array_to_string(list_transform(list_sort(list({'o': ord, 'g': grp}) FILTER (WHERE under_rep)), x -> x.g), ', ') AS under_groups
FROM ind10_kpair
WHERE over_rep OR under_rep
GROUP BY k, a_base, district, disability;

CREATE OR REPLACE TEMP VIEW ind10_disab_decide AS
SELECT s.scenario, x.district, x.disability, x.n_c, x.fails, x.over_groups, x.under_groups
FROM scenarios s JOIN ind10_kdisab x ON x.k = s."ind10.k" AND x.a_base = s."ind10.a_base";

-- Per (k, a_base) × district with a pair over or under: the trigger's sentence parts in disability,
-- then group order.
CREATE OR REPLACE TEMP TABLE ind10_kdist AS
SELECT k, a_base, district,
       list_transform(list_sort(list({'d': d_ord, 'o': ord, 't': CASE WHEN over_rep
           THEN printf('%s over-represented in %s (%.2f%% of %d %s students vs at most %.2f%%)', label, short, p, n_c, short, e_max)
           ELSE printf('%s under-represented in %s (%.2f%% of %d %s students vs at least %.2f%%)', label, short, p, n_c, short, e_min) END})),
         x -> x.t) AS parts
FROM ind10_kpair
WHERE over_rep OR under_rep
GROUP BY k, a_base, district;

-- Per scenario × district: 9's evaluation and DI test; potentially disproportionate when the DI test
-- fails and any (group, disability) pair is over or under.
CREATE OR REPLACE TEMP TABLE ind10_decide AS
SELECT d.scenario, d.district, d.evaluated, d.di, d.di_fails, d.benchmark, d.n, d.enr_total,
       d.high_label, d.high_risk, d.low_label, d.low_risk,
       x.district IS NOT NULL AS e_fails,
       d.evaluated AND d.di_fails AND x.district IS NOT NULL AS potential,
       s."ind10.k" AS k, s."ind10.a_base" AS a_base
FROM ind9_decide d
JOIN scenarios s USING (scenario)
LEFT JOIN ind10_kdist x ON x.k = s."ind10.k" AND x.a_base = s."ind10.a_base" AND x.district = d.district;

-- Statewide (Table 10b): the same pairs over every district, special education of every age.
CREATE OR REPLACE TEMP TABLE ind10_state_pair AS
WITH st AS (
  SELECT disability, d_ord, short, disability_name, grp, ord, label,
         sum(se_any_age) AS se, sum(se_group_any_age) AS se_group, sum(enr) AS enr
  FROM ind10_pair GROUP BY ALL
), t AS (
  SELECT st.*, sum(se) OVER w AS n_c, sum(se_group) OVER w AS se_total, sum(enr) OVER w AS enr_total
  FROM st WINDOW w AS (PARTITION BY disability)
), b AS (
  SELECT s.scenario, t.*, s."ind10.a_base" AS a_base, s."ind10.k" AS k,
         CASE WHEN s."ind10.a_base" = 'general_enrollment' THEN t.enr ELSE t.se_group END AS base_n,
         CASE WHEN s."ind10.a_base" = 'general_enrollment' THEN t.enr_total ELSE t.se_total END AS base_total,
         pct(t.se, t.n_c) AS p
  FROM t CROSS JOIN scenarios s
), c AS (SELECT *, pct(base_n, base_total) AS a FROM b)
SELECT *, ind9_e_bound(a, k, n_c, -1) AS e_min, ind9_e_bound(a, k, n_c, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n_c, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n_c, -1), false) AS under_rep
FROM c;
