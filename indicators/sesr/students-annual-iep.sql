-- restricted/<district>/annual_iep.csv: served December records whose annual IEP is overdue, by local STUDENT_ID.
SELECT district, student_id, selpa, reference_date::DATE AS reference_date, last_iep::DATE AS last_date,
       (last_iep + INTERVAL 1 YEAR)::DATE AS due_date,
       date_diff('day', (last_iep + INTERVAL 1 YEAR)::DATE, reference_date)::INTEGER AS days_overdue
-- the rules of count.sql, per record (run only with --student-lists)
FROM (SELECT district, selpa, student_id, coalesce(exit_date, rept_date) AS reference_date, last_iep, last_eval,
             last_iep < coalesce(exit_date, rept_date) - INTERVAL 1 YEAR AS iep_overdue,
             last_eval < coalesce(exit_date, rept_date) - INTERVAL 3 YEAR AS eval_overdue
      FROM served_dec WHERE _period = $dec_period)
WHERE iep_overdue
ORDER BY district, student_id, selpa;
