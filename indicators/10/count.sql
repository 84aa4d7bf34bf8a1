-- Indicator 10 — disproportionate representation by disability (INDICATORS.md "10"). Count step.
-- Runs after 9 and reads its aggregates (ind9_grp: district × group ENR and SE) and its age band.
-- $dec_period                    December submission of the data year
-- $ind9_min_age, $ind9_max_age   9's age band on the count date (the same students as 9)
-- $ind10_disabilities            disability codes (DISABILITY1) tested, in this order

-- The disabilities tested, in the order given, with their names (DATA-CONTRACT.md 3.5).
CREATE OR REPLACE TEMP TABLE ind10_disabilities AS
WITH l AS (SELECT unnest(codes) AS code, generate_subscripts(codes, 1) AS ord FROM (SELECT $ind10_disabilities AS codes)),
names(code, short, name) AS (VALUES
  ('210', 'MR', 'Mental retardation'), ('220', 'HH', 'Hard of hearing'), ('230', 'DEAF', 'Deaf'),
  ('240', 'SLI', 'Speech or language impairment'), ('250', 'VI', 'Visual impairment'),
  ('260', 'ED', 'Emotional disturbance'), ('270', 'OI', 'Orthopedic impairment'),
  ('280', 'OHI', 'Other health impairment'), ('281', 'EMD', 'Established medical disability'),
  ('290', 'SLD', 'Specific learning disability'), ('300', 'DB', 'Deaf-blindness'),
  ('310', 'MD', 'Multiple disabilities'), ('320', 'AUT', 'Autism'), ('330', 'TBI', 'Traumatic brain injury'))
SELECT l.code, l.ord, coalesce(n.short, l.code) AS short, coalesce(n.name, l.code) AS name
FROM l LEFT JOIN names n USING (code)
QUALIFY row_number() OVER (PARTITION BY l.code ORDER BY l.ord) = 1;

-- Served December records with a group and a tested disability, per district × group × disability:
-- aged min..max (districts) and of every age (Table 10b).
CREATE OR REPLACE TEMP TABLE ind10_se AS
SELECT district, apr_group AS grp, disability,
       count(*) FILTER (WHERE age_rept BETWEEN $ind9_min_age AND $ind9_max_age) AS se,
       count(*) AS se_any_age
FROM served_dec
WHERE _period = $dec_period AND apr_group IS NOT NULL AND disability IN (SELECT code FROM ind10_disabilities)
GROUP BY ALL;

-- District × disability × group: SE in the pair, the group's SE (all disabilities) and ENR from 9.
CREATE OR REPLACE TEMP TABLE ind10_pair AS
SELECT g.district, c.code AS disability, c.ord AS d_ord, c.short, c.name AS disability_name,
       g.grp, g.ord, g.label, g.enr, g.se AS se_group, g.se_any_age AS se_group_any_age,
       coalesce(x.se, 0)::BIGINT AS se, coalesce(x.se_any_age, 0)::BIGINT AS se_any_age
FROM ind9_grp g CROSS JOIN ind10_disabilities c
LEFT JOIN ind10_se x ON x.district = g.district AND x.grp = g.grp AND x.disability = c.code;
