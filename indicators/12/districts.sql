-- districts/12.csv: per district c / (a − b − d [− e]) and the items behind it; flagged = trigger 12
-- (scenario 0), threshold = sesr.timeline_min. Every district of district_list, plus any referral
-- DIST_RESI it does not list; referrals without a district are in the statewide figures only.
WITH dl AS (
  SELECT district, district_name, selpa FROM district_list
  UNION ALL
  SELECT DISTINCT district, NULL, NULL FROM ind12_agg
  WHERE district IS NOT NULL AND district NOT IN (SELECT district FROM district_list)
)
SELECT dl.district, dl.district_name, dl.selpa,
       coalesce(g.c, 0)::BIGINT AS numerator,
       coalesce(g.den, 0)::BIGINT AS denominator,
       pct(g.c, g.den)::DOUBLE AS value,
       coalesce(g.den, 0) > 0 AS evaluated,
       coalesce(x.flagged, false) AS flagged,
       s."sesr.timeline_min"::DOUBLE AS threshold,
       coalesce(g.a, 0)::BIGINT AS a,
       coalesce(g.b, 0)::BIGINT AS b,
       coalesce(g.d, 0)::BIGINT AS d,
       coalesce(g.e, 0)::BIGINT AS e,
       coalesce(g.late, 0)::BIGINT AS late,
       coalesce(g.unlinked, 0)::BIGINT AS unlinked
FROM dl
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN ind12_agg g ON g.district = dl.district
LEFT JOIN ind12_decide x ON x.district = dl.district AND x.scenario = 0
ORDER BY dl.district;
