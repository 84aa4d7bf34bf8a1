-- restricted/<district>/13.csv: served June records aged min_age+ without TRAN_GOAL1 or without SPEC_TRANS = Y.
SELECT district, student_id, selpa, has_goal, spec_trans::VARCHAR AS spec_trans
FROM (SELECT district, selpa, student_id,
       tran_goal1 IS NOT NULL AS has_goal,
       spec_trans,
       tran_goal1 IS NOT NULL AND coalesce(spec_trans = 'Y', false) AS compliant
FROM served_jun
WHERE _period = $jun_period AND age_on(birthdate, $jun_date::DATE) >= $ind13_min_age)
WHERE NOT compliant
ORDER BY district, student_id, selpa;
