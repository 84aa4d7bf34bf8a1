-- restricted/<district>/triennial.csv: served December records whose triennial evaluation is overdue, by local STUDENT_ID.
SELECT district, student_id, selpa, reference_date::DATE AS reference_date, last_eval::DATE AS last_date,
       (last_eval + INTERVAL 3 YEAR)::DATE AS due_date,
       date_diff('day', (last_eval + INTERVAL 3 YEAR)::DATE, reference_date)::INTEGER AS days_overdue
FROM sesr_records WHERE eval_overdue
ORDER BY district, student_id, selpa;
