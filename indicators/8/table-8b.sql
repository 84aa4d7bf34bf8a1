-- Table 8b: characteristics of the students whose parents returned a survey, against the State.
-- Sample: returned surveys with the attribute (ind8_sample). State: the December count (served,
-- all ages, after unduplication) of records that have an ethnic group, so both halves share one
-- State base. difference = State % − sample %; flagged when |difference| > $ind8_rep_band
-- (negative = over-represented in the sample). The 13 federal categories always have a row;
-- 281 (established medical disability) only when sample or State has one.
WITH cats(section, ord, category, label) AS (
  VALUES ('disability', 1, '210', 'Mental Retardation'), ('disability', 2, '220', 'Hard of Hearing'),
         ('disability', 3, '230', 'Deaf'), ('disability', 4, '240', 'Speech or Language Impairment'),
         ('disability', 5, '250', 'Visual Impairment'), ('disability', 6, '260', 'Emotional Disturbance'),
         ('disability', 7, '270', 'Orthopedic Impairment'), ('disability', 8, '280', 'Other Health Impairment'),
         ('disability', 9, '290', 'Specific Learning Disability'), ('disability', 10, '300', 'Deaf-Blindness'),
         ('disability', 11, '310', 'Multiple Disabilities'), ('disability', 12, '320', 'Autism'),
         ('disability', 13, '330', 'Traumatic Brain Injury'), ('disability', 14, '281', 'Established Medical Disability'),
         ('ethnicity', 1, 'AI', 'Native American'), ('ethnicity', 2, 'HI', 'Hispanic'),
         ('ethnicity', 3, 'AA', 'African-American'), ('ethnicity', 4, 'WH', 'White'), ('ethnicity', 5, 'AS', 'Asian')
),
state_base AS (
  SELECT disability, apr_group FROM served_dec WHERE _period = $dec_period AND apr_group IS NOT NULL
),
state AS (
  SELECT 'disability' AS section, disability AS category, count(*) AS n FROM state_base WHERE disability IS NOT NULL GROUP BY disability
  UNION ALL SELECT 'ethnicity', apr_group, count(*) FROM state_base GROUP BY apr_group
),
state_total AS (SELECT count(*) AS n FROM state_base),
sample_total AS (SELECT section, sum(n) AS n FROM ind8_sample GROUP BY section),
rows AS (
  SELECT c.section, c.ord, c.category, c.label, coalesce(sm.n, 0) AS sample_n, coalesce(st.n, 0) AS state_n
  FROM cats c
  LEFT JOIN ind8_sample sm ON sm.section = c.section AND sm.category = c.category
  LEFT JOIN state st ON st.section = c.section AND st.category = c.category
  WHERE c.category <> '281' OR coalesce(sm.n, 0) + coalesce(st.n, 0) > 0
  UNION ALL
  SELECT s.section, 99, 'total', 'Total', coalesce(t.n, 0), (SELECT n FROM state_total)
  FROM (VALUES ('disability'), ('ethnicity')) s(section) LEFT JOIN sample_total t USING (section)
),
figs AS (
  SELECT r.*, coalesce(t.n, 0) AS sample_total, (SELECT n FROM state_total) AS state_total,
         pct(r.sample_n, coalesce(t.n, 0)) AS sample_pct, pct(r.state_n, (SELECT n FROM state_total)) AS state_pct
  FROM rows r LEFT JOIN sample_total t USING (section)
)
SELECT section, category, label,
       sample_n::BIGINT AS sample_n, sample_total::BIGINT AS sample_total, sample_pct::DOUBLE AS sample_pct,
       state_n::BIGINT AS state_n, state_total::BIGINT AS state_total, state_pct::DOUBLE AS state_pct,
       (state_pct - sample_pct)::DOUBLE AS difference,
       coalesce(abs(state_pct - sample_pct) > $ind8_rep_band, false) AS flagged,
       pct(sample_n, state_n)::DOUBLE AS sample_of_state_pct
FROM figs
ORDER BY section, ord;
