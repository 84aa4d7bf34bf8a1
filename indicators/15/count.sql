-- Indicator 15 — findings notified in the findings year and their timely correction.
-- $y_start                     first day of the data year (2008-07-01)
-- $ind15_findings_year_offset  findings year relative to the data year (−1: 2007-07-01..2008-06-30)
-- $ind15_correction_days       timely = corrected_date ≤ notified_date + this many days (365)
-- A blank corrected_date is a correction not (yet) verified: counted in a, never in b.
-- The findings year [w_start, w_end): w_end is exclusive.
CREATE OR REPLACE TEMP TABLE ind15_window AS
SELECT ($y_start::DATE + to_years($ind15_findings_year_offset::INTEGER))::DATE AS w_start,
       ($y_start::DATE + to_years($ind15_findings_year_offset::INTEGER + 1))::DATE AS w_end;

CREATE OR REPLACE TEMP TABLE ind15_agg AS
SELECT f.district, f.cluster, f.component,
       count(*) AS findings,
       count(*) FILTER (WHERE f.corrected_date <= f.notified_date + $ind15_correction_days::INTEGER) AS corrected,
       count(*) FILTER (WHERE f.corrected_date > f.notified_date + $ind15_correction_days::INTEGER) AS corrected_late,
       count(*) FILTER (WHERE f.corrected_date IS NULL) AS uncorrected
FROM clean_findings f, ind15_window w
WHERE f.notified_date >= w.w_start AND f.notified_date < w.w_end
GROUP BY ALL;
