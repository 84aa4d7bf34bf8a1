-- restricted/<district>/annual_iep.csv: served December records whose annual IEP is overdue, by local STUDENT_ID.
SELECT district, student_id, selpa, reference_date::DATE AS reference_date, last_iep::DATE AS last_date,
       (last_iep + INTERVAL 1 YEAR)::DATE AS due_date,
       date_diff('day', (last_iep + INTERVAL 1 YEAR)::DATE, reference_date)::INTEGER AS days_overdue
FROM sesr_records WHERE iep_overdue
ORDER BY district, student_id, selpa;
