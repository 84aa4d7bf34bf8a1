-- Indicator 9 — decide step: the aggregates of count.sql × every scenario. Decide parameters are
-- read from `scenarios` only: s."ind9.min_se", s."ind9.min_group_enrollment",
-- s."ind9.disparity_benchmark", s."ind9.k".

-- Per scenario × district × group: the risk r = 100 × SE/ENR (only for a group with ENR ≥
-- min_group_enrollment), the shares A = 100 × ENR/ΣENR and P = 100 × SE/ΣSE over the five groups,
-- and the E-formula bounds with N = ΣSE. Over when P > maximum, under when P < minimum.
CREATE OR REPLACE TEMP TABLE ind9_group_decide AS
WITH b AS (
  SELECT s.scenario, g.district, g.grp, g.ord, g.label, g.enr, g.se, d.n, d.enr_total,
         s."ind9.k" AS k,
         CASE WHEN g.enr >= s."ind9.min_group_enrollment" THEN pct(g.se, g.enr) END AS risk,
         pct(g.enr, d.enr_total) AS a,
         pct(g.se, d.n) AS p
  FROM ind9_grp g JOIN ind9_dist d USING (district) CROSS JOIN scenarios s
)
SELECT *, ind9_e_bound(a, k, n, -1) AS e_min, ind9_e_bound(a, k, n, 1) AS e_max,
       coalesce(p > ind9_e_bound(a, k, n, 1), false) AS over_rep,
       coalesce(p < ind9_e_bound(a, k, n, -1), false) AS under_rep
FROM b;

-- Per scenario × district: evaluated when SE(d) > min_se; DI = highest − lowest risk when at least two
-- groups have one (else no DI: not identifiable); test 1 fails when DI > benchmark, test 2 when any
-- group is over or under; potentially disproportionate = evaluated AND both tests fail.
CREATE OR REPLACE TEMP TABLE ind9_decide AS
WITH agg AS (
  SELECT scenario, district,
         count(risk) AS risk_groups,
         max(risk) AS high_risk, min(risk) AS low_risk,
         list(label ORDER BY risk DESC, ord) FILTER (WHERE risk IS NOT NULL)[1] AS high_label,
         list(label ORDER BY risk ASC, ord) FILTER (WHERE risk IS NOT NULL)[1] AS low_label,
         bool_or(over_rep OR under_rep) AS e_fails,
         string_agg(grp, ', ' ORDER BY ord) FILTER (WHERE over_rep) AS over_groups,
         string_agg(grp, ', ' ORDER BY ord) FILTER (WHERE under_rep) AS under_groups
  FROM ind9_group_decide
  GROUP BY scenario, district
), t AS (
  SELECT a.*, d.se_all, d.n, d.enr_total,
         s."ind9.min_se" AS min_se, s."ind9.disparity_benchmark" AS benchmark, s."ind9.k" AS k,
         d.se_all > s."ind9.min_se" AS evaluated,
         CASE WHEN a.risk_groups >= 2 THEN a.high_risk - a.low_risk END AS di
  FROM agg a JOIN ind9_dist d USING (district) JOIN scenarios s USING (scenario)
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
         list(grp ORDER BY risk DESC, ord) FILTER (WHERE risk IS NOT NULL)[1] AS high_grp,
         list(grp ORDER BY risk ASC, ord) FILTER (WHERE risk IS NOT NULL)[1] AS low_grp,
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
