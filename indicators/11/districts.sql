-- districts/11.csv: per district b / a; threshold and flagged are the trigger's (sesr.timeline_min,
-- scenario 0): below it with at least one late or missing evaluation.
SELECT d.district, d.district_name, d.selpa,
       coalesce(a.b, 0)::BIGINT AS numerator,
       coalesce(a.a, 0)::BIGINT AS denominator,
       pct(a.b, a.a)::DOUBLE AS value,
       coalesce(a.a, 0) > 0 AS evaluated,
       coalesce(pct(a.b, a.a) < s."sesr.timeline_min" AND a.late + a.not_evaluated > 0, false) AS flagged,
       s."sesr.timeline_min"::DOUBLE AS threshold,
       coalesce(a.consents, 0)::BIGINT AS consents,
       coalesce(a.excluded, 0)::BIGINT AS excluded,
       coalesce(a.on_time, 0)::BIGINT AS on_time,
       coalesce(a.state_timeline, 0)::BIGINT AS state_timeline,
       coalesce(a.late, 0)::BIGINT AS late,
       coalesce(a.not_evaluated, 0)::BIGINT AS not_evaluated
FROM district_list d
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN ind11_agg a USING (district)
ORDER BY d.district;
