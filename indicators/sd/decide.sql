-- Module sd, decide step: SIGNIFICANT-DISPROPORTIONALITY.md "Risk ratio, alternate risk ratio, not
-- calculated" and "Multi-year rules", for every scenario over every year of its window. Every cut
-- point is read from `scenarios` (s."sd.threshold", …), so a what-if sweep decides all its
-- scenarios in these statements over the counts of count.sql.

-- The small test of 300.647(c): `or` fails when n < cell or N < nsize, `and` only when both.
CREATE OR REPLACE MACRO sd_small(rule, n, big_n, cell, nsize) AS (
  CASE WHEN rule = 'and' THEN n < cell AND big_n < nsize ELSE n < cell OR big_n < nsize END
);

-- Whether the decrease from ratio ap/bp (the earlier year) to ac/bc meets the progress rule, in
-- integers: d = ap/bp − ac/bc = D / (bp × bc); X is scaled by 10^6 (x6).
CREATE OR REPLACE MACRO sd_meets(rule, ap, bp, ac, bc, x6) AS (
  CASE rule
    WHEN 'any_decrease' THEN ap * bc - ac * bp > 0
    WHEN 'points' THEN (ap * bc - ac * bp) * 1000000 >= x6 * bp * bc
    -- 100 × d / (ap/bp) ≥ X  ⇔  100 × D / (ap × bc) ≥ X (undefined when the earlier ratio is 0)
    WHEN 'percent' THEN ap > 0 AND (ap * bc - ac * bp) * 100000000 >= x6 * ap * bc
    ELSE false
  END
);

-- The ratio a/b printed to 2 decimals, half away from zero, in integers (exact at .xx5).
CREATE OR REPLACE MACRO sd_fmt(a, b) AS (
  printf('%d.%02d', ((200 * a + b) // (2 * b)) // 100, ((200 * a + b) // (2 * b)) % 100)
);

-- Consecutive true flags ending at Y (f0 = Y), at most m years.
CREATE OR REPLACE MACRO sd_run(f0, f1, f2, m) AS (
  CASE WHEN NOT coalesce(f0, false) THEN 0 WHEN m < 2 OR NOT coalesce(f1, false) THEN 1
       WHEN m < 3 OR NOT coalesce(f2, false) THEN 2 ELSE 3 END
);

-- No year available at all (the family's inputs are missing in Y) is insufficient under either rule.
CREATE OR REPLACE MACRO sd_history(available, k_years, short_history) AS (
  CASE WHEN available >= k_years THEN 'complete' WHEN short_history = 'reduce' AND available > 0 THEN 'reduced' ELSE 'insufficient_years' END
);

-- Persistent: years_exceeded reaches K (K_eff = the years available under `reduce`); Y must exceed.
CREATE OR REPLACE MACRO sd_persistent(exceeded, available, k_years, short_history) AS (
  sd_history(available, k_years, short_history) <> 'insufficient_years'
  AND exceeded >= greatest(CASE WHEN short_history = 'reduce' THEN least(k_years, available) ELSE k_years END, 1)
);

-- Cut points per scenario × category: sd.<threshold|min_cell|min_n>.<category> override the general
-- values; T100 = 100 × threshold as an integer (thresholds have at most two decimals).
CREATE OR REPLACE TEMP TABLE sd_cut AS
WITH ov AS (
  SELECT scenario, split_part(name, '.', 2) AS param, split_part(name, '.', 3) AS category, v
  FROM (UNPIVOT (SELECT scenario, COLUMNS('^sd\.(threshold|min_cell|min_n)\.')::DOUBLE FROM scenarios)
        ON COLUMNS(* EXCLUDE (scenario)) INTO NAME name VALUE v)
)
SELECT s.scenario, c.category, c.ord, c.family,
       coalesce(t.v, s."sd.threshold")::DOUBLE AS threshold,
       round(coalesce(t.v, s."sd.threshold") * 100)::HUGEINT AS t100,
       coalesce(mc.v, s."sd.min_cell")::BIGINT AS cell,
       coalesce(mn.v, s."sd.min_n")::BIGINT AS nsize,
       s."sd.small_rule" AS rule,
       s."sd.zero_comparison" AS zc,
       s."sd.consecutive_years" AS k_years,
       s."sd.short_history" AS short_history,
       s."sd.progress_rule" AS progress_rule,
       round(s."sd.progress_amount" * 1000000)::HUGEINT AS x6,
       greatest(s."sd.consecutive_years", CASE WHEN s."sd.progress_rule" = 'off' THEN 1 ELSE 3 END) AS m
FROM scenarios s
CROSS JOIN sd_categories c
LEFT JOIN ov t ON t.scenario = s.scenario AND t.category = c.category AND t.param = 'threshold'
LEFT JOIN ov mc ON mc.scenario = s.scenario AND mc.category = c.category AND mc.param = 'min_cell'
LEFT JOIN ov mn ON mn.scenario = s.scenario AND mn.category = c.category AND mn.param = 'min_n';

-- Steps 1-6 as macros over a row's counts and a scenario's cut points, so the screen and the full
-- decisions below apply the same rule. g_small: the group fails the small test; l_pass / s_pass:
-- the LEA / State comparison passes it.
CREATE OR REPLACE MACRO sd_method(big_n, g_small, l_pass, s_pass, ln_c, sn_c, zc) AS (
  -- step 1: N_g = 0 is NC group_absent, with no small test
  CASE WHEN big_n = 0 OR g_small THEN 'NC' WHEN l_pass AND ln_c > 0 THEN 'RR' WHEN l_pass AND zc = 'nc' THEN 'NC'
       WHEN NOT s_pass OR sn_c = 0 THEN 'NC' ELSE 'ARR' END
);
CREATE OR REPLACE MACRO sd_scope(big_n, g_small, l_pass, ln_c, zc) AS (
  CASE WHEN big_n = 0 OR g_small THEN NULL WHEN l_pass AND (ln_c > 0 OR zc = 'nc') THEN 'LEA' ELSE 'State' END
);

-- The screen: which (scenario, district, category, group) exceed in Y. Only those can be identified,
-- so a what-if scenario decides every year of its window for them alone; scenario 0 (the run's
-- files) decides every row.
CREATE OR REPLACE TEMP TABLE sd_pick AS
WITH t AS (
  SELECT x.scenario, r.district, r.category, r.grp, r.n, r.big_n, r.ln_c, r.lbig_c, r.sn_c, r.sbig_c, x.t100,
         sd_small(x.rule, r.n, r.big_n, x.cell, x.nsize) AS g_small,
         NOT sd_small(x.rule, r.ln_c, r.lbig_c, x.cell, x.nsize) AS l_pass,
         NOT sd_small(x.rule, r.sn_c, r.sbig_c, x.cell, x.nsize) AS s_pass,
         x.zc
  FROM sd_rows r
  JOIN sd_cut x ON x.category = r.category
  WHERE r.k = 0 AND x.scenario <> 0 AND r.big_n > 0 AND r.n > 0
)
SELECT scenario, district, category, grp
FROM t
WHERE sd_method(big_n, g_small, l_pass, s_pass, ln_c, sn_c, zc) <> 'NC'
  AND sd_exceeds(n, big_n, CASE sd_scope(big_n, g_small, l_pass, ln_c, zc) WHEN 'LEA' THEN ln_c ELSE sn_c END,
                 CASE sd_scope(big_n, g_small, l_pass, ln_c, zc) WHEN 'LEA' THEN lbig_c ELSE sbig_c END, t100);

-- Steps 1-6 for every scenario × window year × district × category × group to decide (a year whose
-- family lacks its inputs has no counts: the outputs show it as no_data).
CREATE OR REPLACE TEMP TABLE sd_dec AS
WITH r AS (
  SELECT x.scenario, r.*, x.threshold, x.t100, x.cell, x.nsize, x.rule, x.zc
  FROM sd_rows r
  JOIN sd_cut x ON x.category = r.category AND r.k < x.m
  WHERE x.scenario = 0
  UNION ALL
  SELECT x.scenario, r.*, x.threshold, x.t100, x.cell, x.nsize, x.rule, x.zc
  FROM sd_pick p
  JOIN sd_rows r ON r.district = p.district AND r.category = p.category AND r.grp = p.grp
  JOIN sd_cut x ON x.scenario = p.scenario AND x.category = p.category AND r.k < x.m
),
t AS (
  SELECT *,
         sd_small(rule, n, big_n, cell, nsize) AS g_small,
         NOT sd_small(rule, ln_c, lbig_c, cell, nsize) AS l_pass,
         NOT sd_small(rule, sn_c, sbig_c, cell, nsize) AS s_pass
  FROM r
),
d AS (
  SELECT *,
         sd_method(big_n, g_small, l_pass, s_pass, ln_c, sn_c, zc) AS method,
         CASE WHEN big_n = 0 OR g_small OR (l_pass AND ln_c > 0) OR (l_pass AND zc = 'nc') THEN NULL
              WHEN l_pass THEN 'zero_comparison_risk' ELSE 'comparison_small' END AS method_reason,
         CASE WHEN big_n = 0 THEN 'group_absent' WHEN g_small THEN 'group_small' WHEN l_pass AND ln_c > 0 THEN NULL
              WHEN l_pass AND zc = 'nc' THEN 'zero_comparison_risk'
              WHEN NOT s_pass THEN 'state_comparison_small' WHEN sn_c = 0 THEN 'zero_state_risk' END AS nc_reason,
         sd_scope(big_n, g_small, l_pass, ln_c, zc) AS comp_scope
  FROM t
)
SELECT scenario, k, y, district, category, grp, n, big_n, threshold, method, method_reason, nc_reason, comp_scope,
       CASE comp_scope WHEN 'LEA' THEN ln_c WHEN 'State' THEN sn_c END AS comp_n,
       CASE comp_scope WHEN 'LEA' THEN lbig_c WHEN 'State' THEN sbig_c END AS comp_big_n,
       -- the ratio as the exact fraction a / b (RR and ARR only)
       CASE WHEN method <> 'NC' THEN n::HUGEINT * (CASE comp_scope WHEN 'LEA' THEN lbig_c ELSE sbig_c END)::HUGEINT END AS ra,
       CASE WHEN method <> 'NC' THEN big_n::HUGEINT * (CASE comp_scope WHEN 'LEA' THEN ln_c ELSE sn_c END)::HUGEINT END AS rb,
       method <> 'NC' AND sd_exceeds(n, big_n, CASE comp_scope WHEN 'LEA' THEN ln_c ELSE sn_c END,
                                     CASE comp_scope WHEN 'LEA' THEN lbig_c ELSE sbig_c END, t100) AS exceeds
FROM d;

-- The multi-year decision per scenario × district × category × group decided (scenario 0: all; the
-- others: those exceeding in Y, the only ones that can be identified).
CREATE OR REPLACE TEMP TABLE sd_multi AS
WITH p AS (
  SELECT scenario, district, category, grp,
         bool_or(exceeds) FILTER (WHERE k = 0) AS e0, bool_or(exceeds) FILTER (WHERE k = 1) AS e1, bool_or(exceeds) FILTER (WHERE k = 2) AS e2,
         any_value(ra) FILTER (WHERE k = 0) AS a0, any_value(rb) FILTER (WHERE k = 0) AS b0,
         any_value(ra) FILTER (WHERE k = 1) AS a1, any_value(rb) FILTER (WHERE k = 1) AS b1,
         any_value(ra) FILTER (WHERE k = 2) AS a2, any_value(rb) FILTER (WHERE k = 2) AS b2
  FROM sd_dec
  GROUP BY ALL
),
y AS (
  SELECT p.*, x.k_years, x.short_history, x.progress_rule, x.x6, x.m,
         sd_run(p.e0, p.e1, p.e2, x.m) AS years_exceeded,
         sd_run(av.av0, av.av1, av.av2, x.m) AS years_available
  FROM p
  JOIN sd_cut x ON x.scenario = p.scenario AND x.category = p.category
  JOIN sd_avail_cat av ON av.category = p.category
)
SELECT scenario, district, category, grp, years_exceeded, years_available,
       sd_history(years_available, k_years, short_history) AS history,
       sd_persistent(years_exceeded, years_available, k_years, short_history) AS persistent,
       CASE WHEN progress_rule = 'off' OR a0 IS NULL OR a1 IS NULL OR a2 IS NULL THEN 'n/a'
            WHEN sd_meets(progress_rule, a2, b2, a1, b1, x6) AND sd_meets(progress_rule, a1, b1, a0, b0, x6) THEN 'yes'
            ELSE 'no' END AS progress,
       sd_persistent(years_exceeded, years_available, k_years, short_history)
         AND NOT (progress_rule <> 'off' AND a0 IS NOT NULL AND a1 IS NOT NULL AND a2 IS NOT NULL
                  AND sd_meets(progress_rule, a2, b2, a1, b1, x6) AND sd_meets(progress_rule, a1, b1, a0, b0, x6)) AS identified
FROM y;
