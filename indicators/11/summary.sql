-- Summary row 11: b / a over every district (INDICATORS.md "11"; seed 109,059 / 124,522 = 87.58 %).
SELECT '11' AS id, coalesce(sum(b), 0)::BIGINT AS numerator, coalesce(sum(a), 0)::BIGINT AS denominator,
       pct(sum(b), sum(a))::DOUBLE AS value
FROM ind11_agg;
