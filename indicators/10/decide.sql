-- Indicator 10 — decide step: the pairs of count.sql × every scenario. Reads s."ind10.k" and
-- s."ind10.a_base" from `scenarios`, and 9's decisions (ind9_decide: evaluated, DI test) per scenario.

-- Per scenario × district × disability c × group e, for a disability with N = ΣSE_c > 0 (a pair with
-- N = 0 is skipped): P = 100 × SE_{e,c} / N; A = the group's share of the district's special
-- education (a_base = special_education: 100 × SE_e / ΣSE) or of its general enrollment
-- (general_enrollment: 100 × ENR_e / ΣENR); bounds A ± k × sqrt(A(100 − A)/N).
CREATE OR REPLACE TEMP TABLE ind10_pair_decide AS
WITH t AS (
  SELECT p.*, sum(se) OVER w AS n_c, sum(se_group) OVER w AS se_total, sum(enr) OVER w AS enr_total
  FROM ind10_pair p
  WINDOW w AS (PARTITION BY district, disability)
), b AS (
  SELECT s.scenario, t.district, t.disability, t.d_ord, t.short, t.grp, t.ord, t.label, t.se, t.n_c,
         s."ind10.a_base" AS a_base, s."ind10.k" AS k,
         CASE WHEN s."ind10.a_base" = 'general_enrollment' THEN t.enr ELSE t.se_group END AS base_n,
         CASE WHEN s."ind10.a_base" = 'general_enrollment' THEN t.enr_total ELSE t.se_total END AS base_total,
         pct(t.se, t.n_c) AS p
  FROM t CROSS JOIN scenarios s
  WHERE t.n_c > 0
), c AS (SELECT *, pct(base_n, base_total) AS a FROM b)
SELECT *, ind9_e_bound(a, k, n_c, -1) AS e_min, ind9_e_bound(a, k, n_c, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n_c, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n_c, -1), false) AS under_rep
FROM c;

-- Per scenario × district × disability tested (N > 0): the groups over and under.
CREATE OR REPLACE TEMP TABLE ind10_disab_decide AS
SELECT scenario, district, disability, any_value(n_c) AS n_c,
       bool_or(over_rep OR under_rep) AS fails,
       string_agg(grp, ', ' ORDER BY ord) FILTER (WHERE over_rep) AS over_groups,
       string_agg(grp, ', ' ORDER BY ord) FILTER (WHERE under_rep) AS under_groups
FROM ind10_pair_decide
GROUP BY scenario, district, disability;

-- Per scenario × district: 9's evaluation and DI test; potentially disproportionate when the DI test
-- fails and any (group, disability) pair is over or under.
CREATE OR REPLACE TEMP TABLE ind10_decide AS
SELECT d.scenario, d.district, d.evaluated, d.di, d.di_fails, d.benchmark, d.n, d.enr_total,
       d.high_label, d.high_risk, d.low_label, d.low_risk,
       coalesce(x.e_fails, false) AS e_fails,
       d.evaluated AND d.di_fails AND coalesce(x.e_fails, false) AS potential
FROM ind9_decide d
LEFT JOIN (SELECT scenario, district, bool_or(fails) AS e_fails FROM ind10_disab_decide GROUP BY scenario, district) x
  USING (scenario, district);

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
