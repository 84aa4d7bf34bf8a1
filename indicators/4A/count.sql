-- Indicator 4A — suspension/expulsion over $ind4_days days: June Table A + Table C of the data year
-- ($jun_period, $y_start..$y_end; ind4.data_year_offset), served students aged ≤ $ind4_max_age on
-- $jun_date, actions of a type in $ind4_dspl_types (ind4_students_of in macros.sql).
-- One pass over the students, aggregated at once per district × APR group (NULL = no group): 4A sums
-- the groups, 4B reads them (same data year: the configuration checks it). The per-student rows are
-- never stored; the restricted list reads the macro again only with --student-lists.
CREATE OR REPLACE TEMP TABLE ind4_grp_agg AS
SELECT district, apr_group AS grp, count(*) AS pop, count(*) FILTER (WHERE over) AS n
FROM ind4_students_of($jun_period, $jun_date, $y_start, $y_end, $ind4_dspl_types, $ind4_max_age, $ind4_days)
GROUP BY district, apr_group;

-- Per district: N (population) and n (students over the days cut).
CREATE OR REPLACE TEMP TABLE ind4_agg AS
SELECT district, sum(pop)::BIGINT AS pop, sum(n)::BIGINT AS n
FROM ind4_grp_agg
GROUP BY district;

-- Statewide Σn / ΣN over every student of the population (evaluated or not): 4A.state_rate and the
-- bar of the statewide methods (also for 4B).
CREATE OR REPLACE TEMP TABLE ind4_state AS
SELECT coalesce(sum(n), 0)::BIGINT AS n, coalesce(sum(pop), 0)::BIGINT AS pop
FROM ind4_agg;
