-- restricted/<district>/11.csv: consents evaluated late (not in b) or not evaluated by JUN, by local
-- STUDENT_ID. days_late = INIT_EVAL − due date; for a missing evaluation, days past the due date on
-- JUN [decision].
SELECT district::VARCHAR AS district, student_id::VARCHAR AS student_id, selpa::VARCHAR AS selpa,
       prnt_csnt::DATE AS prnt_csnt, due::DATE AS due_date, init_eval::DATE AS init_eval,
       date_diff('day', due, coalesce(init_eval, $jun_date::DATE))::INTEGER AS days_late,
       evldlay::VARCHAR AS evldlay,
       CASE class WHEN 'late' THEN 'late' ELSE 'not evaluated' END::VARCHAR AS status
FROM ind11_consents
WHERE class IN ('late', 'not_evaluated')
ORDER BY district, student_id, selpa, prnt_csnt;
