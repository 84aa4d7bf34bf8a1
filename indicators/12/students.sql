-- restricted/<district>/12.csv: linked children counted against the percent (category late), by the
-- June record's local STUDENT_ID. No name, birthdate or third birthday: INIT_EVAL is left out too,
-- since INIT_EVAL − days_after would give the third birthday (and so the birthdate). [decision]
-- status: iep_late (IEP after the birthday), not_eligible_late (PLAN_TYPE 90 on or after it or
-- undated), no_iep (no INIT_EVAL, or another PLAN_TYPE).
SELECT district, student_id, selpa, referral_id::VARCHAR AS referral_id, plan_type::VARCHAR AS plan_type,
       CASE WHEN days_after IS NOT NULL THEN 'iep_late' WHEN plan_type = '90' THEN 'not_eligible_late' ELSE 'no_iep' END AS status,
       days_after::INTEGER AS days_after, tbddlay::VARCHAR AS tbddlay
FROM ind12_records
WHERE category = 'late'
ORDER BY district, student_id, selpa, referral_id;
