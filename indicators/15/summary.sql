-- Summary row 15: b (corrected within the days) / a (findings notified in the findings year).
SELECT '15'::VARCHAR AS id, coalesce(sum(corrected), 0)::BIGINT AS numerator,
       coalesce(sum(findings), 0)::BIGINT AS denominator, pct(sum(corrected), sum(findings))::DOUBLE AS value
FROM ind15_agg;
