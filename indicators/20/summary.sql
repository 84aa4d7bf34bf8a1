-- Summary rows 20 (the rubric score as an exact fraction: see index.ts) and 20B (SELPAs on time and
-- verified / SELPAs in the file).
SELECT '20'::VARCHAR AS id, score_num::BIGINT AS numerator, score_den::BIGINT AS denominator,
       pct(score_num, score_den)::DOUBLE AS value
FROM ind20_totals
UNION ALL
SELECT '20B', count(*) FILTER (WHERE ok)::BIGINT, count(*)::BIGINT, pct(count(*) FILTER (WHERE ok), count(*))::DOUBLE
FROM ind20_selpa
ORDER BY id;
