-- Indicator 3 — statewide assessment (assessment/district_results.csv), rows of the data year $year.
-- $ind3_min_n  AYP minimum n of the disability subgroup (swd_enrolled), 100.
CREATE OR REPLACE TEMP TABLE ind3_rows AS
SELECT district, upper(subject) AS subject, swd_enrolled, enrolled_window, participants, enrolled_fay,
       proficient_fay, met_participation, met_proficiency, met_all_ayp, regular, regular_accom, modified, alternate
FROM clean_assessment
WHERE year = $year AND upper(subject) IN ('ELA', 'MATH');

-- One row per district: both subject rows side by side (the key district × year × subject is unique).
CREATE OR REPLACE TEMP TABLE ind3_district AS
SELECT district,
       max(swd_enrolled) FILTER (WHERE subject = 'ELA') AS e_n,
       max(swd_enrolled) FILTER (WHERE subject = 'MATH') AS m_n,
       max(met_participation) FILTER (WHERE subject = 'ELA') AS e_part,
       max(met_participation) FILTER (WHERE subject = 'MATH') AS m_part,
       max(met_proficiency) FILTER (WHERE subject = 'ELA') AS e_prof,
       max(met_proficiency) FILTER (WHERE subject = 'MATH') AS m_prof,
       max(met_all_ayp) FILTER (WHERE subject = 'ELA') AS e_all,
       max(met_all_ayp) FILTER (WHERE subject = 'MATH') AS m_all,
       sum(participants) FILTER (WHERE subject = 'ELA') AS e_participants,
       sum(enrolled_window) FILTER (WHERE subject = 'ELA') AS e_window,
       sum(participants) FILTER (WHERE subject = 'MATH') AS m_participants,
       sum(enrolled_window) FILTER (WHERE subject = 'MATH') AS m_window,
       sum(proficient_fay) FILTER (WHERE subject = 'ELA') AS e_proficient,
       sum(enrolled_fay) FILTER (WHERE subject = 'ELA') AS e_fay,
       sum(proficient_fay) FILTER (WHERE subject = 'MATH') AS m_proficient,
       sum(enrolled_fay) FILTER (WHERE subject = 'MATH') AS m_fay,
       max(swd_enrolled) FILTER (WHERE subject = 'ELA') >= $ind3_min_n AS e_ok,
       max(swd_enrolled) FILTER (WHERE subject = 'MATH') >= $ind3_min_n AS m_ok
FROM ind3_rows
GROUP BY district;

-- AYP determinations (Table 3a, INDICATORS.md 3): one row per district × component.
-- A subject row is determined when its swd_enrolled ≥ min n and its flag is Y or N. "Both" and
-- "all AYP" need at least one of the two rows at min n and Y/N on both rows; met = both rows Y.
-- met_all_ayp should be equal on both rows; a district where they differ counts as not met (and
-- is listed by warnings.sql).
CREATE OR REPLACE TEMP TABLE ind3_components AS
SELECT * FROM (VALUES (1, 'participation_ela', 'Participation', 'ELA', 'participation', 'ELA'),
         (2, 'participation_math', 'Participation', 'Math', 'participation', 'MATH'),
         (3, 'participation_both', 'Participation', 'Both', 'participation', 'BOTH'),
         (4, 'proficiency_ela', 'Proficiency', 'ELA', 'proficiency', 'ELA'),
         (5, 'proficiency_math', 'Proficiency', 'Math', 'proficiency', 'MATH'),
         (6, 'proficiency_both', 'Proficiency', 'Both', 'proficiency', 'BOTH'),
         (7, 'all_ayp', 'Overall', 'All AYP', 'all', 'BOTH'))
  t(ord, component, area, subject_label, flag, scope);

CREATE OR REPLACE TEMP TABLE ind3_ayp AS
WITH f AS (
  SELECT c.ord, c.component, c.area, c.subject_label, c.scope, d.district, d.e_ok, d.m_ok,
         CASE c.flag WHEN 'participation' THEN d.e_part WHEN 'proficiency' THEN d.e_prof ELSE d.e_all END AS ef,
         CASE c.flag WHEN 'participation' THEN d.m_part WHEN 'proficiency' THEN d.m_prof ELSE d.m_all END AS mf
  FROM ind3_components c CROSS JOIN ind3_district d
),
det AS (
  SELECT *,
         coalesce(CASE scope
                    WHEN 'ELA' THEN e_ok AND ef IN ('Y', 'N')
                    WHEN 'MATH' THEN m_ok AND mf IN ('Y', 'N')
                    ELSE (e_ok OR m_ok) AND ef IN ('Y', 'N') AND mf IN ('Y', 'N') END, false) AS determined
  FROM f
)
SELECT district, ord, component, area, subject_label, determined,
       determined AND CASE scope WHEN 'ELA' THEN ef = 'Y' WHEN 'MATH' THEN mf = 'Y'
                                 ELSE ef = 'Y' AND mf = 'Y' END AS met
FROM det;

-- AMOs for 3C (FFY 2008) by district type (DATA-CONTRACT.md 4). Fixed values of the contract, not
-- parameters (the brief declares only min_n).
CREATE OR REPLACE TEMP TABLE ind3_amo AS
SELECT * FROM (VALUES (1, 'elementary', 'Elementary school districts', 46.0, 47.5),
                      (2, 'high', 'High school districts', 44.5, 43.5),
                      (3, 'unified', 'Unified school districts', 45.0, 45.5),
                      (4, 'coe', 'County offices of education', 45.0, 45.5),
                      (5, 'other', 'Other local educational agencies', 45.0, 45.5))
  t(ord, district_type, label, amo_ela, amo_math);
