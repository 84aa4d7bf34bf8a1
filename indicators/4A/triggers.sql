-- Trigger 4A: a discrepant district (evaluated, rate above the bar), in every scenario.
SELECT scenario::INTEGER AS scenario, district::VARCHAR AS district, '4A'::VARCHAR AS "trigger",
       rate::DOUBLE AS value, bar::DOUBLE AS threshold, n::BIGINT AS numerator, pop::BIGINT AS denominator,
       printf('%d of %d students (%.2f%%) were suspended or expelled for more than %s days; the bar is %.2f%% (%s).',
              n, pop, rate, ind4_days_text($ind4_days::DOUBLE), bar, bar_note)::VARCHAR AS explanation
FROM ind4_decisions
WHERE discrepant
ORDER BY scenario, district;
