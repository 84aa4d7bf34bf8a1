-- Summary row 12: c / (a − b − d [− e]) over every referral of a (referrals without a district too).
SELECT '12' AS id, coalesce(sum(c), 0)::BIGINT AS numerator, coalesce(sum(den), 0)::BIGINT AS denominator,
       pct(sum(c), sum(den))::DOUBLE AS value
FROM ind12_agg;
