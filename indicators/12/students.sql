-- restricted/<district>/12.csv: linked children counted against the percent (category late), by the
-- June record's local STUDENT_ID. No name, birthdate or third birthday, and no exact day count:
-- with INIT_EVAL (which the 11 list shows for the same record) days after the birthday would give
-- the birthdate, so the delay is given as its Table 12b range. [decision]
-- status: iep_late (IEP after the birthday), not_eligible_late (PLAN_TYPE 90 on or after it or
-- undated), no_iep (no INIT_EVAL, or another PLAN_TYPE).
SELECT district, student_id, selpa, referral_id::VARCHAR AS referral_id, plan_type::VARCHAR AS plan_type,
       CASE WHEN days_after IS NOT NULL THEN 'iep_late' WHEN plan_type = '90' THEN 'not_eligible_late' ELSE 'no_iep' END AS status,
       CASE WHEN days_after IS NULL THEN NULL WHEN days_after <= 14 THEN '1-14' WHEN days_after <= 30 THEN '15-30'
            WHEN days_after <= 60 THEN '31-60' WHEN days_after <= 90 THEN '61-90' WHEN days_after <= 180 THEN '91-180'
            ELSE 'over 180' END::VARCHAR AS days_after_range, tbddlay::VARCHAR AS tbddlay
FROM ind12_records
WHERE category = 'late'
ORDER BY district, student_id, selpa, referral_id;
