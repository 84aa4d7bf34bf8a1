-- Indicator 8 — parent survey (survey/parent_survey.csv, one row per returned survey).
-- q5 is read case-insensitively after trimming: `Y`/`y` yes, `N`/`n` no, anything else no answer.
-- ethnicity is an APR group (AI, AS, HI, AA, WH) or a 3-digit ethnicity code mapped through
-- `ethnicity_groups` (800, 999 → no group).
CREATE OR REPLACE TEMP TABLE ind8_resp AS
SELECT p.district,
       upper(trim(p.q5)) AS q5,
       p.disability,
       CASE WHEN upper(trim(p.ethnicity)) IN ('AI', 'AS', 'HI', 'AA', 'WH') THEN upper(trim(p.ethnicity)) ELSE g.grp END AS grp
FROM clean_parent_survey p
LEFT JOIN ethnicity_groups g ON g.code = trim(p.ethnicity);

-- Per district: returned, answered YES, answered NO.
CREATE OR REPLACE TEMP TABLE ind8_agg AS
SELECT district,
       count(*) AS returned,
       count(*) FILTER (WHERE q5 = 'Y') AS yes,
       count(*) FILTER (WHERE q5 = 'N') AS no
FROM ind8_resp
GROUP BY district;

-- Table 8b, sample side: returned surveys by disability and by ethnic group (rows without the
-- attribute are left out, so each half's base is the surveys that have it).
CREATE OR REPLACE TEMP TABLE ind8_sample AS
SELECT 'disability' AS section, disability AS category, count(*) AS n FROM ind8_resp WHERE disability IS NOT NULL GROUP BY disability
UNION ALL
SELECT 'ethnicity', grp, count(*) FROM ind8_resp WHERE grp IS NOT NULL GROUP BY grp;

-- Surveys mailed (survey/distribution.csv, optional): NULL when the file is absent or empty.
CREATE OR REPLACE TEMP TABLE ind8_mailed AS
SELECT sum(surveys_mailed)::BIGINT AS mailed FROM clean_survey_distribution;
