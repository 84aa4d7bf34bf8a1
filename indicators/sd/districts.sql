-- districts/sd.csv: one row per district of reference/districts.csv × year of the window (scenario
-- 0) × category (table order) × group (the rule's order). numerator/denominator = n_g/N_g, value =
-- the ratio used (empty when NC), evaluated = RR or ARR, flagged = exceeds in that year; the last
-- seven columns carry the multi-year decision on year-Y rows only. A year whose inputs for the
-- category's family are missing is NC `no_data`.

WITH x0 AS (SELECT * FROM sd_dec WHERE scenario = 0),
mu0 AS (SELECT * FROM sd_multi WHERE scenario = 0),
small_state AS (
  SELECT DISTINCT y, category FROM sd_state
  WHERE sn BETWEEN 1 AND $suppress_min_cell - 1 OR sbig BETWEEN 1 AND $suppress_min_cell - 1
),
-- the window's years × the 14 categories with scenario 0's cut points and availability: a small
-- table, so the grid below is made of cross joins only
cy AS (
  SELECT a.k, a.y, a.available, c.category, c.ord AS c_ord, c.family, s0.threshold, s0.m, s0.k_years, s0.short_history, av.av0, av.av1, av.av2
  FROM sd_categories c
  JOIN sd_cut s0 ON s0.scenario = 0 AND s0.category = c.category
  JOIN sd_avail_cat av ON av.category = c.category
  JOIN sd_avail a ON a.family = c.family AND a.k < s0.m
),
grid AS (
  SELECT d.*, cy.*, g.grp, g.ord AS g_ord
  FROM sd_leas d
  CROSS JOIN cy
  CROSS JOIN sd_groups g
)
SELECT g.district, g.district_name, g.selpa,
       coalesce(x.n, 0)::BIGINT AS numerator,
       coalesce(x.big_n, 0)::BIGINT AS denominator,
       (x.ra::DOUBLE / x.rb::DOUBLE)::DOUBLE AS value,
       coalesce(x.method <> 'NC', false) AS evaluated,
       coalesce(x.exceeds, false) AS flagged,
       g.threshold::DOUBLE AS threshold,
       g.y::VARCHAR AS year,
       g.category::VARCHAR AS category,
       g.grp::VARCHAR AS "group",
       pct(x.n, x.big_n)::DOUBLE AS risk,
       x.comp_scope::VARCHAR AS comp_scope,
       x.comp_n::BIGINT AS comp_numerator,
       x.comp_big_n::BIGINT AS comp_denominator,
       pct(x.comp_n, x.comp_big_n)::DOUBLE AS comp_risk,
       coalesce(x.method, 'NC')::VARCHAR AS method,
       x.method_reason::VARCHAR AS method_reason,
       -- no decision row: the year lacks the family's inputs, or the LEA has no count at all in it
       (CASE WHEN x.method IS NOT NULL THEN x.nc_reason
             WHEN NOT g.available THEN 'no_data'
             ELSE 'group_absent' END)::VARCHAR AS nc_reason,
       CASE WHEN g.k = 0 THEN coalesce(mu.years_exceeded, 0) END::INTEGER AS years_exceeded,
       CASE WHEN g.k = 0 THEN sd_run(g.av0, g.av1, g.av2, g.m) END::INTEGER AS years_available,
       CASE WHEN g.k = 0 THEN sd_history(sd_run(g.av0, g.av1, g.av2, g.m), g.k_years, g.short_history) END::VARCHAR AS history,
       CASE WHEN g.k = 0 THEN coalesce(mu.persistent, false) END::BOOLEAN AS persistent,
       CASE WHEN g.k = 0 THEN coalesce(mu.progress, 'n/a') END::VARCHAR AS progress,
       CASE WHEN g.k = 0 THEN coalesce(mu.identified, false) END::BOOLEAN AS identified,
       (CASE WHEN x.method IN ('RR', 'ARR') THEN sd_fmt(x.ra, x.rb) ELSE 'NC' END)::VARCHAR AS display,
       -- the State's other groups = the State total less this group: with a State group count of the
       -- year and category below suppress.min_cell, the printed comparisons would give it away
       coalesce(x.comp_scope = 'State' AND (g.y, g.category) IN (SELECT (y, category) FROM small_state), false) AS comp_state_small
FROM grid g
LEFT JOIN x0 x ON x.y = g.y AND x.district = g.district AND x.category = g.category AND x.grp = g.grp
-- (read on year-Y rows only, by the CASEs above)
LEFT JOIN mu0 mu ON mu.district = g.district AND mu.category = g.category AND mu.grp = g.grp
ORDER BY g.district, g.y, g.c_ord, g.g_ord;
