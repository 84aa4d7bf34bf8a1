-- restricted/<district>/13.csv: served June records aged min_age+ without TRAN_GOAL1 or without SPEC_TRANS = Y.
SELECT district, student_id, selpa, has_goal, spec_trans::VARCHAR AS spec_trans
FROM ind13_records
WHERE NOT compliant
ORDER BY district, student_id, selpa;
