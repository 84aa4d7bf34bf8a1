-- Indicator 4B — 4A's count by ethnic group: the population and the students over $ind4_days days,
-- from 4A's one pass (ind4_grp_agg; 4B's data year must equal 4A's, the configuration checks it).
-- Records with no APR group count in 4A's totals but in no group here.
CREATE OR REPLACE TEMP TABLE ind4b_agg AS
SELECT district, grp, pop, n FROM ind4_grp_agg WHERE grp IS NOT NULL;

-- The five APR groups in the order of the source's tables.
CREATE OR REPLACE TEMP TABLE ind4b_groups AS
SELECT ord, grp, label AS group_name FROM apr_groups;

-- Districts whose policy review for 4B found noncompliance (any row with noncompliant = Y).
-- Every row of the file counts, whatever its review_year.
CREATE OR REPLACE TEMP TABLE ind4b_reviews AS
SELECT district, bool_or(noncompliant = 'Y') AS noncompliant
FROM clean_ppp_reviews
WHERE indicator = '4B'
GROUP BY district;
