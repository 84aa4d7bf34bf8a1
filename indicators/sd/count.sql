-- Module sd (profile idea-2016), count step: SIGNIFICANT-DISPROPORTIONALITY.md "Categories".
-- Counts n and N per window year × district × category × federal group, once; the decide step
-- (decide.sql) applies every scenario's cut points to them. Every year the window can hold
-- (Y, Y-1, Y-2) is counted when its submissions are loaded: which of them a scenario uses is a
-- decide-stage choice (sd.consecutive_years, sd.progress_rule).
-- $year                         data year Y of the module
-- $sd_id_ages, $sd_placement_ages   '3-21' / '6-21': whole years completed on December 1
-- $sd_plan_types, $sd_ohi_codes     population PLAN_TYPEs; DISABILITY1 codes of ID_OHI
-- $sd_total_removals            children | removals (DS_TOTAL)
-- $sd_discipline_base           jun (served June records) | dec (the December count of the year)
-- $sd_discipline_year_offset    discipline of year y + offset is paired with the counts of year y

-- The 14 categories in table order, with their family (id, pl, ds).
CREATE OR REPLACE TEMP TABLE sd_categories AS
SELECT * FROM (VALUES
  (1, 'ID_ALL', 'id'), (2, 'ID_ID', 'id'), (3, 'ID_SLD', 'id'), (4, 'ID_ED', 'id'), (5, 'ID_SLI', 'id'),
  (6, 'ID_OHI', 'id'), (7, 'ID_AUT', 'id'), (8, 'PL_LT40', 'pl'), (9, 'PL_SEP', 'pl'),
  (10, 'DS_OSS_LE10', 'ds'), (11, 'DS_OSS_GT10', 'ds'), (12, 'DS_ISS_LE10', 'ds'), (13, 'DS_ISS_GT10', 'ds'),
  (14, 'DS_TOTAL', 'ds')) t(ord, category, family);

-- The seven federal groups in the order of the rule (HI7 first), with their names.
CREATE OR REPLACE TEMP TABLE sd_groups AS
SELECT * FROM (VALUES
  (1, 'HI7', 'Hispanic/Latino'), (2, 'AM7', 'American Indian or Alaska Native'), (3, 'AS7', 'Asian'),
  (4, 'BL7', 'Black or African American'), (5, 'PI7', 'Native Hawaiian or Other Pacific Islander'),
  (6, 'WH7', 'White'), (7, 'MU7', 'Two or more races')) t(ord, grp, group_name);

-- The years the window can hold (k = 0 is Y) and the submissions each reads.
CREATE OR REPLACE TEMP TABLE sd_years AS
SELECT k, year_shift($year, -k) AS y,
       (left($year, 4)::INTEGER - k) || '-12' AS dec_period,
       year_shift($year, -k + $sd_discipline_year_offset) AS ds_year,
       (left($year, 4)::INTEGER - k + $sd_discipline_year_offset + 1) || '-06' AS ds_jun_period,
       make_date(left($year, 4)::INTEGER - k + $sd_discipline_year_offset, 12, 1) AS ds_dec_date
FROM range(0, 3) t(k);

-- Which families have their inputs in each year (years_available): identification needs the
-- December Table A and K-12 enrollment rows of the year, placement the December Table A,
-- discipline the June Table A and Table C of the discipline year (and the December count with
-- sd.discipline_base = dec).
-- One row per year × family (id, pl, ds).
CREATE OR REPLACE TEMP TABLE sd_avail AS
WITH f AS (SELECT DISTINCT kind, period FROM load_files),
y AS (
  SELECT y.k, y.y,
         EXISTS (SELECT 1 FROM f WHERE kind = 'table_a' AND period = y.dec_period) AS dec_a,
         EXISTS (SELECT 1 FROM clean_cbeds WHERE year = y.y AND coalesce(grade_span, 'K12') = 'K12') AS k12,
         EXISTS (SELECT 1 FROM f WHERE kind = 'table_a' AND period = y.ds_jun_period)
           AND EXISTS (SELECT 1 FROM f WHERE kind = 'table_c' AND period = y.ds_jun_period) AS jun
  FROM sd_years y
)
SELECT k, y, 'id' AS family, dec_a AND k12 AS available FROM y
UNION ALL SELECT k, y, 'pl', dec_a FROM y
UNION ALL SELECT k, y, 'ds', jun AND ($sd_discipline_base = 'jun' OR dec_a) FROM y;

-- The same per category, the years side by side (av0 = Y).
CREATE OR REPLACE TEMP TABLE sd_avail_cat AS
SELECT c.category,
       bool_or(a.available) FILTER (WHERE a.k = 0) AS av0,
       bool_or(a.available) FILTER (WHERE a.k = 1) AS av1,
       bool_or(a.available) FILTER (WHERE a.k = 2) AS av2
FROM sd_categories c JOIN sd_avail a USING (family)
GROUP BY c.category;

-- The LEAs: the districts of reference/districts.csv (every output row and decision is about them;
-- the State figures count every district).
CREATE OR REPLACE TEMP TABLE sd_leas AS
SELECT district, district_name, selpa FROM district_list SEMI JOIN clean_districts r ON r.district__raw = district_list.district;

-- December count (after unduplication), the population's PLAN_TYPEs (grp NULL: no group).
-- age_rept is the age on REPT_DATE = December 1 of the year.
CREATE OR REPLACE TEMP TABLE sd_dec_agg AS
WITH r AS (
  SELECT y.y, s.district, s.sd_grp AS grp, s.age_rept AS age, s.disability, s.fedset_sch, s.in_regcls, s.grade,
         s.age_rept BETWEEN split_part($sd_id_ages, '-', 1)::INTEGER AND split_part($sd_id_ages, '-', 2)::INTEGER AS in_id,
         s.age_rept BETWEEN split_part($sd_placement_ages, '-', 1)::INTEGER AND split_part($sd_placement_ages, '-', 2)::INTEGER AS in_pl
  FROM served_dec s
  JOIN sd_years y ON s._period = y.dec_period
  -- (records without a group are kept to the end: filtering here would compute the group twice)
  WHERE list_contains($sd_plan_types, s.plan_type)
)
SELECT y, district, grp,
       count(*) FILTER (WHERE in_id) AS "ID_ALL",
       count(*) FILTER (WHERE in_id AND disability = '210') AS "ID_ID",
       count(*) FILTER (WHERE in_id AND disability = '290') AS "ID_SLD",
       count(*) FILTER (WHERE in_id AND disability = '260') AS "ID_ED",
       count(*) FILTER (WHERE in_id AND disability = '240') AS "ID_SLI",
       count(*) FILTER (WHERE in_id AND list_contains($sd_ohi_codes, disability)) AS "ID_OHI",
       count(*) FILTER (WHERE in_id AND disability = '320') AS "ID_AUT",
       count(*) FILTER (WHERE in_pl) AS pl_base,
       count(*) FILTER (WHERE in_pl AND fedset_sch = '100' AND in_regcls < 40) AS "PL_LT40",
       count(*) FILTER (WHERE in_pl AND fedset_sch IN ('200', '300')) AS "PL_SEP",
       -- preschoolers counted in ID whom K-12 enrollment does not hold (no K-12 GRADE)
       count(*) FILTER (WHERE in_id AND age BETWEEN 3 AND 5
                          AND (grade IS NULL OR grade NOT IN ('18', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'))) AS pk_served,
       count(*) FILTER (WHERE age BETWEEN 3 AND 21) AS ds_dec_base
FROM r
GROUP BY ALL;

-- Enrollment per year × district × group and grade span (K12, PK); NR has no group.
CREATE OR REPLACE TEMP TABLE sd_enr AS
SELECT year AS y, district, sd_cbeds_group("group") AS grp, coalesce(grade_span, 'K12') AS span, sum(enrollment) AS enr
FROM clean_cbeds
WHERE year IN (SELECT y FROM sd_years) AND sd_cbeds_group("group") IS NOT NULL
GROUP BY ALL;

-- Years whose enrollment has PK rows (then they are the preschool denominator, else the served
-- preschoolers without a K-12 grade are).
CREATE OR REPLACE TEMP TABLE sd_pk_years AS
SELECT DISTINCT year AS y FROM clean_cbeds WHERE grade_span = 'PK' AND year IN (SELECT y FROM sd_years);

-- Discipline: per record key (SELPA_CODE + STUDENT_ID) of the discipline year, days in exact
-- decimals (half-days add up exactly); an expulsion with blank DSPL_DAYS is over 10 days.
CREATE OR REPLACE TEMP TABLE sd_acts AS
SELECT y.y, c."SELPA_CODE" AS selpa, c."STUDENT_ID" AS student_id,
       bool_or(c."DSPL_TYPE" IN ('20', '30')) AS oss_any,
       coalesce(sum(c."DSPL_DAYS"::DECIMAL(18, 2)) FILTER (WHERE c."DSPL_TYPE" IN ('20', '30')), 0) AS oss_days,
       bool_or(c."DSPL_TYPE" = '30' AND c."DSPL_DAYS" IS NULL) AS oss_blank,
       bool_or(c."DSPL_TYPE" = '10') AS iss_any,
       coalesce(sum(c."DSPL_DAYS"::DECIMAL(18, 2)) FILTER (WHERE c."DSPL_TYPE" = '10'), 0) AS iss_days,
       count(*) FILTER (WHERE c."DSPL_TYPE" IN ('10', '20', '30', '40', '50')) AS removals
FROM clean_table_c c
JOIN sd_years y ON c._period = y.ds_jun_period
GROUP BY ALL;

-- The June records of the discipline year (aged 3-21 on its December 1) with their actions.
CREATE OR REPLACE TEMP TABLE sd_ds_agg AS
WITH r AS (
  SELECT y.y, s.district, s.sd_grp AS grp, a.oss_any, a.oss_days, a.oss_blank, a.iss_any, a.iss_days, a.removals
  FROM served_jun s
  JOIN sd_years y ON s._period = y.ds_jun_period
  LEFT JOIN sd_acts a ON a.y = y.y AND a.selpa = s.selpa AND a.student_id = s.student_id
  WHERE list_contains($sd_plan_types, s.plan_type)
    AND age_on(s.birthdate, y.ds_dec_date) BETWEEN 3 AND 21
)
SELECT y, district, grp,
       count(*) AS jun_base,
       count(*) FILTER (WHERE oss_any AND NOT oss_blank AND oss_days <= 10) AS "DS_OSS_LE10",
       count(*) FILTER (WHERE oss_any AND (oss_blank OR oss_days > 10)) AS "DS_OSS_GT10",
       count(*) FILTER (WHERE iss_any AND iss_days <= 10) AS "DS_ISS_LE10",
       count(*) FILTER (WHERE iss_any AND iss_days > 10) AS "DS_ISS_GT10",
       CASE WHEN $sd_total_removals = 'removals' THEN coalesce(sum(removals), 0) ELSE count(*) FILTER (WHERE removals > 0) END AS "DS_TOTAL"
FROM r
GROUP BY ALL;

-- n and N per year × district × category × group (every district with data, those unknown to
-- reference/districts.csv included: they count in the State figures). Families whose inputs the
-- year lacks give no rows.
CREATE OR REPLACE TEMP TABLE sd_counts AS
WITH keys AS (
  SELECT y, district, grp FROM sd_dec_agg UNION SELECT y, district, grp FROM sd_enr UNION SELECT y, district, grp FROM sd_ds_agg
),
id_den AS (
  SELECT k.y, k.district, k.grp,
         coalesce((SELECT sum(enr) FROM sd_enr e WHERE e.y = k.y AND e.district = k.district AND e.grp = k.grp AND e.span = 'K12'), 0)
         + CASE WHEN split_part($sd_id_ages, '-', 1)::INTEGER > 5 THEN 0
                WHEN k.y IN (SELECT y FROM sd_pk_years)
                  THEN coalesce((SELECT sum(enr) FROM sd_enr e WHERE e.y = k.y AND e.district = k.district AND e.grp = k.grp AND e.span = 'PK'), 0)
                ELSE coalesce(d.pk_served, 0) END AS den
  FROM keys k
  LEFT JOIN sd_dec_agg d USING (y, district, grp)
),
base AS (
  SELECT k.y, k.district, k.grp, d.* EXCLUDE (y, district, grp), i.den AS id_den, ds.* EXCLUDE (y, district, grp)
  FROM keys k
  LEFT JOIN sd_dec_agg d USING (y, district, grp)
  LEFT JOIN id_den i USING (y, district, grp)
  LEFT JOIN sd_ds_agg ds USING (y, district, grp)
),
long AS (
  SELECT *
  FROM (SELECT y, district, grp, id_den, pl_base, jun_base, ds_dec_base, COLUMNS('^(ID_|PL_|DS_)') FROM base)
  UNPIVOT INCLUDE NULLS (n FOR category IN (COLUMNS('^(ID_|PL_|DS_)')))
)
SELECT l.y, l.district, c.category, l.grp,
       coalesce(l.n, 0)::BIGINT AS n,
       coalesce(CASE c.family WHEN 'id' THEN l.id_den WHEN 'pl' THEN l.pl_base
                              ELSE CASE WHEN $sd_discipline_base = 'dec' THEN l.ds_dec_base ELSE l.jun_base END END, 0)::BIGINT AS big_n
FROM long l
JOIN sd_categories c USING (category)
JOIN sd_avail a ON a.y = l.y AND a.family = c.family
WHERE l.grp IS NOT NULL AND a.available;

-- The LEA totals per year × district × category (the comparison of group g is the total less g),
-- and the State's per group and in all (all loaded records, every district).
CREATE OR REPLACE TEMP TABLE sd_lea AS
SELECT y, district, category, sum(n)::BIGINT AS ln, sum(big_n)::BIGINT AS lbig
FROM sd_counts
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE sd_state AS
SELECT y, category, grp, sum(n)::BIGINT AS sn, sum(big_n)::BIGINT AS sbig,
       (sum(sum(n)) OVER (PARTITION BY y, category))::BIGINT AS tn,
       (sum(sum(big_n)) OVER (PARTITION BY y, category))::BIGINT AS tbig
FROM sd_counts
GROUP BY y, category, grp;

-- Every counted (year, district, category, group) with its LEA and State comparisons: what the
-- decide step reads for each scenario (k = 0 is Y).
CREATE OR REPLACE TEMP TABLE sd_rows AS
SELECT yy.k, c.y, c.district, c.category, c.grp, c.n, c.big_n,
       (sum(c.n) OVER w - c.n)::BIGINT AS ln_c, (sum(c.big_n) OVER w - c.big_n)::BIGINT AS lbig_c,
       st.tn - st.sn AS sn_c, st.tbig - st.sbig AS sbig_c
FROM sd_counts c
JOIN sd_years yy ON yy.y = c.y
JOIN sd_state st ON st.y = c.y AND st.category = c.category AND st.grp = c.grp
WINDOW w AS (PARTITION BY c.y, c.district, c.category);
