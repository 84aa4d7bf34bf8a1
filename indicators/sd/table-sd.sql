-- tables/table-sd.csv: one row per category × group for year Y (scenario 0): the State risk
-- (all loaded records), then the LEAs of reference/districts.csv by method and NC reason (no_data: Y
-- lacks the category's inputs), and how
-- many exceed, are persistent, are exempted by reasonable progress and are identified.
WITH y0 AS (SELECT y FROM sd_years WHERE k = 0),
cells AS (
  SELECT c.category, c.ord AS c_ord, g.grp, g.ord AS g_ord, g.group_name, l.district,
         x.method, x.nc_reason, x.exceeds, mu.persistent, mu.progress, mu.identified,
         (SELECT a.available FROM sd_avail a WHERE a.k = 0 AND a.family = c.family) AS available
  FROM sd_categories c
  CROSS JOIN sd_groups g
  CROSS JOIN sd_leas l
  LEFT JOIN sd_dec x ON x.scenario = 0 AND x.k = 0 AND x.district = l.district AND x.category = c.category AND x.grp = g.grp
  LEFT JOIN sd_multi mu ON mu.scenario = 0 AND mu.district = l.district AND mu.category = c.category AND mu.grp = g.grp
)
SELECT ce.category::VARCHAR AS category, ce.grp::VARCHAR AS "group", any_value(ce.group_name)::VARCHAR AS group_name,
       any_value(st.sn)::BIGINT AS state_numerator, any_value(st.sbig)::BIGINT AS state_denominator,
       pct(any_value(st.sn), any_value(st.sbig))::DOUBLE AS state_risk,
       count(*)::BIGINT AS leas,
       count(*) FILTER (WHERE ce.method = 'RR')::BIGINT AS rr,
       count(*) FILTER (WHERE ce.method = 'ARR')::BIGINT AS arr,
       count(*) FILTER (WHERE ce.available AND (ce.method IS NULL OR ce.nc_reason = 'group_absent'))::BIGINT AS nc_group_absent,
       count(*) FILTER (WHERE ce.nc_reason = 'group_small')::BIGINT AS nc_group_small,
       count(*) FILTER (WHERE ce.nc_reason = 'zero_comparison_risk')::BIGINT AS nc_zero_comparison_risk,
       count(*) FILTER (WHERE ce.nc_reason = 'state_comparison_small')::BIGINT AS nc_state_comparison_small,
       count(*) FILTER (WHERE ce.nc_reason = 'zero_state_risk')::BIGINT AS nc_zero_state_risk,
       count(*) FILTER (WHERE NOT ce.available)::BIGINT AS nc_no_data,
       count(*) FILTER (WHERE ce.exceeds)::BIGINT AS exceeding,
       count(*) FILTER (WHERE ce.persistent)::BIGINT AS persistent,
       count(*) FILTER (WHERE ce.persistent AND ce.progress = 'yes')::BIGINT AS exempted_by_progress,
       count(*) FILTER (WHERE ce.identified)::BIGINT AS identified
FROM cells ce
LEFT JOIN sd_state st ON st.y = (SELECT y FROM y0) AND st.category = ce.category AND st.grp = ce.grp
GROUP BY ce.category, ce.c_ord, ce.grp, ce.g_ord
ORDER BY ce.c_ord, ce.g_ord;
