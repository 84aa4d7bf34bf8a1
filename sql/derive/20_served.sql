-- The served populations of INDICATORS.md, defined once. Indicators filter on `_period`
-- (`$dec_period`, `$jun_period` of their data year).

-- December count: served records (PLAN_TYPE 10, 20, 30) after cross-SELPA unduplication.
CREATE OR REPLACE VIEW served_dec AS
SELECT * FROM students WHERE NOT _is_june AND served AND NOT undup_excluded;

-- June cumulative report: served records (June keeps every SELPA's copy).
CREATE OR REPLACE VIEW served_jun AS
SELECT * FROM students WHERE _is_june AND served;

-- June records of every PLAN_TYPE (Indicators 11 and 12 also count 70, 80, 90).
CREATE OR REPLACE VIEW june_all AS
SELECT * FROM students WHERE _is_june;

-- The five APR ethnic groups (DATA-CONTRACT.md 3.5) in the column order of the source's tables
-- (4B, 9, 10), with the names the tables print.
CREATE OR REPLACE TABLE apr_groups AS
SELECT * FROM (VALUES (1, 'AI', 'Native American'), (2, 'AS', 'Asian'), (3, 'HI', 'Hispanic'),
                      (4, 'AA', 'African American'), (5, 'WH', 'White')) t(ord, grp, label);
