-- Indicator 9 — decide step: the aggregates of count.sql × every scenario. Decide parameters are
-- read from `scenarios` only: s."ind9.min_se", s."ind9.min_group_enrollment",
-- s."ind9.disparity_benchmark", s."ind9.k".

-- Aggregate once, decide many times: the E-formula depends on k only and the disparity index on
-- min_group_enrollment only, so each is computed once per DISTINCT value in `scenarios` and the
-- scenarios join the results (a 1,000-scenario grid over 10 values of k costs 10 E-formula passes).

-- Per k × district × group: the shares A = 100 × ENR/ΣENR and P = 100 × SE/ΣSE over the five groups
-- and the E-formula bounds with N = ΣSE. Over when P > maximum, under when P < minimum.
CREATE OR REPLACE TEMP TABLE ind9_kgroup AS
WITH b AS (
  SELECT kk.k, g.district, g.grp, g.ord, g.label, g.enr, g.se, d.n, d.enr_total,
         pct(g.enr, d.enr_total) AS a, pct(g.se, d.n) AS p
  FROM ind9_grp g JOIN ind9_dist d USING (district)
  CROSS JOIN (SELECT DISTINCT "ind9.k" AS k FROM scenarios) kk
)
SELECT *, ind9_e_bound(a, k, n, -1) AS e_min, ind9_e_bound(a, k, n, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n, -1), false) AS under_rep
FROM b;

-- Per k × district: test 2 fails when any group is over or under; the groups, and the sentence
-- parts of the trigger in group order (unordered aggregates, sorted after: an ordered aggregate
-- keeps a sort buffer per group and runs a statewide sweep out of memory).
CREATE OR REPLACE TEMP TABLE ind9_kdist AS
SELECT k, district,
       bool_or(over_rep OR under_rep) AS e_fails,
       array_to_string(list_transform(list_sort(list({'o': ord, 'g': grp}) FILTER (WHERE over_rep)), x -> x.g), ', ') AS over_groups,
       array_to_string(list_transform(list_sort(list({'o': ord, 'g': grp}) FILTER (WHERE under_rep)), x -> x.g), ', ') AS under_groups,
       list_transform(list_sort(list({'o': ord, 't': CASE WHEN over_rep
           THEN printf('%s over-represented (%.2f%% of special education vs at most %.2f%%)', label, p, e_max)
           ELSE printf('%s under-represented (%.2f%% of special education vs at least %.2f%%)', label, p, e_min) END})
         FILTER (WHERE over_rep OR under_rep)), x -> x.t) AS parts
FROM ind9_kgroup
GROUP BY k, district;

-- Per min_group_enrollment × district: risk r = 100 × SE/ENR for the groups with ENR ≥ the minimum;
-- DI = highest − lowest risk when at least two groups have one (else no DI: not identifiable);
-- ties for highest or lowest go to the first group in the order AI, AS, HI, AA, WH.
CREATE OR REPLACE TEMP TABLE ind9_mdist AS
WITH r AS (
  SELECT m.mge, g.district, g.grp, g.ord, g.label,
         CASE WHEN g.enr >= m.mge THEN pct(g.se, g.enr) END AS risk
  FROM ind9_grp g CROSS JOIN (SELECT DISTINCT "ind9.min_group_enrollment" AS mge FROM scenarios) m
)
SELECT mge, district,
       count(risk) AS risk_groups, max(risk) AS high_risk, min(risk) AS low_risk,
       arg_max(label, {'r': risk, 'o': -ord}) FILTER (WHERE risk IS NOT NULL) AS high_label,
       arg_min(label, {'r': risk, 'o': ord}) FILTER (WHERE risk IS NOT NULL) AS low_label,
       CASE WHEN count(risk) >= 2 THEN max(risk) - min(risk) END AS di
FROM r GROUP BY mge, district;

-- Per scenario × district × group (a view: never stored), as the tests and tables read it.
CREATE OR REPLACE TEMP VIEW ind9_group_decide AS
SELECT s.scenario, kg.district, kg.grp, kg.ord, kg.label, kg.enr, kg.se, kg.n, kg.enr_total, kg.k,
       CASE WHEN kg.enr >= s."ind9.min_group_enrollment" THEN pct(kg.se, kg.enr) END AS risk,
       kg.a, kg.p, kg.e_min, kg.e_max, kg.over_rep, kg.under_rep
FROM scenarios s JOIN ind9_kgroup kg ON kg.k = s."ind9.k";

-- Per scenario × district: evaluated when SE(d) > min_se; test 1 fails when DI > benchmark, test 2
-- when any group is over or under; potentially disproportionate = evaluated AND both tests fail.
CREATE OR REPLACE TEMP TABLE ind9_decide AS
WITH t AS (
  SELECT s.scenario, m.district, m.risk_groups, m.high_risk, m.low_risk, m.high_label, m.low_label,
         e.e_fails, e.over_groups, e.under_groups, d.se_all, d.n, d.enr_total,
         s."ind9.min_se" AS min_se, s."ind9.disparity_benchmark" AS benchmark, s."ind9.k" AS k,
         d.se_all > s."ind9.min_se" AS evaluated, m.di
  FROM scenarios s
  JOIN ind9_mdist m ON m.mge = s."ind9.min_group_enrollment"
  JOIN ind9_kdist e ON e.k = s."ind9.k" AND e.district = m.district
  JOIN ind9_dist d ON d.district = m.district
)
SELECT *, coalesce(di > benchmark, false) AS di_fails,
       evaluated AND coalesce(di > benchmark, false) AND e_fails AS potential
FROM t;

-- Statewide (Tables 9a, 9b): SE = served December students of every age, five groups.
CREATE OR REPLACE TEMP TABLE ind9_state_group AS
WITH st AS (
  SELECT grp, ord, label, sum(enr) AS enr, sum(se_any_age) AS se FROM ind9_grp GROUP BY grp, ord, label
  UNION ALL
  SELECT g.grp, g.ord, g.label, 0, 0 FROM ind9_groups g WHERE g.grp NOT IN (SELECT grp FROM ind9_grp)
), tot AS (SELECT sum(enr) AS enr_total, sum(se) AS n FROM st),
b AS (
  SELECT s.scenario, st.grp, st.ord, st.label, st.enr, st.se, tot.enr_total, tot.n, s."ind9.k" AS k,
         CASE WHEN st.enr >= s."ind9.min_group_enrollment" THEN pct(st.se, st.enr) END AS risk,
         pct(st.enr, tot.enr_total) AS a, pct(st.se, tot.n) AS p
  FROM st CROSS JOIN tot CROSS JOIN scenarios s
)
SELECT *, ind9_e_bound(a, k, n, -1) AS e_min, ind9_e_bound(a, k, n, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n, -1), false) AS under_rep
FROM b;

-- Table 9a rows per scenario: the five groups (high/low marks the groups of the DI), the total and
-- the disparity index (highest − lowest risk; none with fewer than two groups with a risk).
CREATE OR REPLACE TEMP TABLE ind9_table_di AS
WITH hl AS (
  SELECT scenario,
         arg_max(grp, {'r': risk, 'o': -ord}) FILTER (WHERE risk IS NOT NULL) AS high_grp,
         arg_min(grp, {'r': risk, 'o': ord}) FILTER (WHERE risk IS NOT NULL) AS low_grp,
         CASE WHEN count(risk) >= 2 THEN max(risk) - min(risk) END AS di,
         sum(enr) AS enr, sum(se) AS se
  FROM ind9_state_group GROUP BY scenario
)
SELECT g.scenario, g.ord, g.grp, g.label, g.enr, g.se, g.risk,
       CASE WHEN hl.di IS NULL THEN NULL WHEN g.grp = hl.high_grp THEN 'high' WHEN g.grp = hl.low_grp THEN 'low' END AS di_position,
       NULL::DOUBLE AS di
FROM ind9_state_group g JOIN hl USING (scenario)
UNION ALL
SELECT scenario, 6, 'total', 'Total', enr, se, pct(se, enr), NULL, NULL FROM hl
UNION ALL
SELECT scenario, 7, 'disparity_index', 'Disparity index (highest minus lowest risk, points)', NULL, NULL, NULL, NULL, di FROM hl;
