-- Summary row 8: surveys answering YES to Q5 / surveys answering Q5 (YES or NO).
WITH s AS (SELECT coalesce(sum(yes), 0) AS yes, coalesce(sum(yes) + sum(no), 0) AS answered FROM ind8_agg)
SELECT '8' AS id, yes::BIGINT AS numerator, answered::BIGINT AS denominator, pct(yes, answered)::DOUBLE AS value
FROM s;
