-- restricted/<district>/4A.csv: the students whose counted removals in the data year sum to more than
-- $ind4_days days (or who have an expulsion with blank DSPL_DAYS), by local STUDENT_ID.
SELECT district::VARCHAR AS district, student_id::VARCHAR AS student_id, selpa::VARCHAR AS selpa,
       days_total::DOUBLE AS days_total, actions::INTEGER AS actions, expulsion::BOOLEAN AS expulsion,
       expulsion_days_blank::BOOLEAN AS expulsion_days_blank,
       first_action::DATE AS first_action, last_action::DATE AS last_action
FROM ind4_students_of($jun_period, $jun_date, $y_start, $y_end, $ind4_dspl_types, $ind4_max_age, $ind4_days)
WHERE over
ORDER BY district, student_id, selpa;
