-- Trigger 11: a district whose percent b / a is below sesr.timeline_min with at least one late or
-- missing evaluation (a − b = late + not evaluated).
SELECT s.scenario::INTEGER AS scenario, a.district::VARCHAR AS district, '11'::VARCHAR AS "trigger",
       pct(a.b, a.a)::DOUBLE AS value, s."sesr.timeline_min"::DOUBLE AS threshold,
       a.b::BIGINT AS numerator, a.a::BIGINT AS denominator,
       printf('%d of %d initial evaluations (%.2f%% on time) were late or missing; the standard is %.2f%%.',
              a.a - a.b, a.a, pct(a.b, a.a), s."sesr.timeline_min"::DOUBLE)::VARCHAR AS explanation
FROM ind11_agg a CROSS JOIN scenarios s
WHERE pct(a.b, a.a) < s."sesr.timeline_min" AND a.late + a.not_evaluated > 0
ORDER BY scenario, district;
