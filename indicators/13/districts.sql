-- districts/13.csv: per district the share of served students 16+ with transition goals and services;
-- flagged = trigger 13 (scenario 0), threshold = sesr.transition_min.
SELECT d.district, d.district_name, d.selpa,
       coalesce(g.compliant, 0)::BIGINT AS numerator,
       coalesce(g.served, 0)::BIGINT AS denominator,
       pct(g.compliant, g.served)::DOUBLE AS value,
       coalesce(g.served, 0) > 0 AS evaluated,
       coalesce(x.flagged, false) AS flagged,
       s."sesr.transition_min"::DOUBLE AS threshold,
       (coalesce(g.served, 0) - coalesce(g.compliant, 0))::BIGINT AS lacking
FROM district_list d
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN ind13_agg g ON g.district = d.district
LEFT JOIN ind13_decide x ON x.district = d.district AND x.scenario = 0
ORDER BY d.district;
