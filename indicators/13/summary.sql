-- Summary row 13: served June students aged min_age+ with TRAN_GOAL1 and SPEC_TRANS = Y / all of them.
SELECT '13' AS id, coalesce(sum(compliant), 0)::BIGINT AS numerator, coalesce(sum(served), 0)::BIGINT AS denominator,
       pct(sum(compliant), sum(served))::DOUBLE AS value
FROM ind13_agg;
