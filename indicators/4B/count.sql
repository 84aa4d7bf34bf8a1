-- Indicator 4B — 4A's count by ethnic group: the population and the students over $ind4_days days of
-- 4B's own data year ($jun_period, ind4b.data_year_offset), counted with 4A's parameters and macro
-- (indicators/4A/macros.sql). Records with no APR group count in 4A's totals but in no group here.
CREATE OR REPLACE TEMP TABLE ind4b_agg AS
SELECT district, apr_group AS grp, count(*) AS pop, count(*) FILTER (WHERE over) AS n
FROM ind4_students_of($jun_period, $jun_date, $y_start, $y_end, $ind4_dspl_types, $ind4_max_age, $ind4_days)
WHERE apr_group IS NOT NULL
GROUP BY district, apr_group;

-- The five APR groups in the order of the source's tables.
CREATE OR REPLACE TEMP TABLE ind4b_groups AS
SELECT * FROM (VALUES (1, 'AI', 'Native American'), (2, 'AS', 'Asian'), (3, 'HI', 'Hispanic'),
                      (4, 'AA', 'African American'), (5, 'WH', 'White')) t(ord, grp, group_name);

-- Districts whose policy review for 4B found noncompliance (any row with noncompliant = Y).
-- Every row of the file counts, whatever its review_year.
CREATE OR REPLACE TEMP TABLE ind4b_reviews AS
SELECT district, bool_or(noncompliant = 'Y') AS noncompliant
FROM clean_ppp_reviews
WHERE indicator = '4B'
GROUP BY district;
