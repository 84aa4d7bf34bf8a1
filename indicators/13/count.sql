-- Indicator 13 — Secondary transition [extension] (INDICATORS.md 13): served June records of the data
-- year ($jun_period; June keeps every SELPA's copy) aged $ind13_min_age or older on JUN ($jun_date,
-- a birthday on the date counts). Compliant = TRAN_GOAL1 present and SPEC_TRANS = 'Y'.
-- (no per-student table: the restricted list recomputes the records only with --student-lists)

CREATE OR REPLACE TEMP TABLE ind13_agg AS
SELECT district, count(*) AS served,
       count(*) FILTER (WHERE tran_goal1 IS NOT NULL AND coalesce(spec_trans = 'Y', false)) AS compliant
FROM served_jun
WHERE _period = $jun_period AND age_on(birthdate, $jun_date::DATE) >= $ind13_min_age
GROUP BY district;
