-- Columns every indicator shares, defined once (ARCHITECTURE.md "derive"): one row per loaded
-- Table A record. The load keeps no names: name_key is their keyed hash (with birthdate and gender,
-- for Part C linkage); birthdate stays inside the database (ages).
CREATE OR REPLACE VIEW students AS
SELECT
  a._file, a._line, a._period, a._is_june,
  a."SELPA_CODE__raw" AS selpa,
  a."STUDENT_ID__raw" AS student_id,
  a."DIST_RESI__raw" AS district,
  a."REPT_DATE" AS rept_date,
  a."BIRTHDATE" AS birthdate,
  a."GENDER__raw" AS gender,
  a.age_rept,
  a.served,
  a."PLAN_TYPE__raw" AS plan_type,
  a."GRADE__raw" AS grade,
  a."ETHNICITY1__raw" AS ethnicity,
  g.grp AS apr_group,
  -- the seven federal groups of profile idea-2016 (sql/macros.sql sd_group); NULL = none
  -- (sql/macros.sql sd_group; a record with one code takes its group from ethnicity_groups.sd_one, the
  -- same macro applied once per code: most records, and a lookup instead of the rule on every row)
  CASE
    WHEN a."HISPANIC" = 'Y' THEN 'HI7'
    WHEN a."ETHNICITY2__raw" IS NULL AND a."ETHNICITY3__raw" IS NULL AND a."ETHNICITY4__raw" IS NULL
      THEN CASE WHEN a."HISPANIC" = 'N' AND a."ETHNICITY1__raw" = '500' THEN NULL ELSE g.sd_one END
    ELSE sd_group(a."HISPANIC", a."ETHNICITY1__raw", a."ETHNICITY2__raw", a."ETHNICITY3__raw", a."ETHNICITY4__raw")
  END AS sd_grp,
  -- what sd_grp is computed from (sd aggregates on them first and groups the few distinct combinations)
  a."HISPANIC" AS hispanic, a."ETHNICITY2__raw" AS ethnicity2, a."ETHNICITY3__raw" AS ethnicity3, a."ETHNICITY4__raw" AS ethnicity4,
  a."DISABILITY1__raw" AS disability,
  a."FEDSET_PRS__raw" AS fedset_prs,
  a."FEDSET_SCH__raw" AS fedset_sch,
  a."IN_REGCLS" AS in_regcls,
  CASE
    WHEN a."FEDSET_SCH__raw" = '100' AND a."IN_REGCLS" >= 80 THEN '5A'
    WHEN a."FEDSET_SCH__raw" = '100' AND a."IN_REGCLS" >= 40 THEN '40-79'
    WHEN a."FEDSET_SCH__raw" = '100' AND a."IN_REGCLS" < 40 THEN '5B'
    WHEN a."FEDSET_SCH__raw" IN ('200', '300', '400') THEN '5C'
    WHEN a."FEDSET_SCH__raw" IN ('500', '600') THEN 'other'
  END AS lre_cat,
  a."ENTRY_DATE" AS entry_date,
  a."REFR_DATE" AS refr_date,
  a."PRNT_CSNT" AS prnt_csnt,
  a."INIT_EVAL" AS init_eval,
  a."EVLDLAY__raw" AS evldlay,
  a."TBDDLAY__raw" AS tbddlay,
  a."LAST_IEP" AS last_iep,
  a."LAST_EVAL" AS last_eval,
  a."EXIT_DATE" AS exit_date,
  a."EXIT_RESON__raw" AS exit_reson,
  a."TRAN_GOAL1__raw" AS tran_goal1,
  a."SPEC_TRANS" AS spec_trans,
  a._name_key AS name_key,
  (u._line IS NOT NULL) AS undup_excluded
FROM clean_table_a a
LEFT JOIN ethnicity_groups g ON g.code = a."ETHNICITY1__raw"
LEFT JOIN undup u ON u._file = a._file AND u._line = a._line;

-- Every district the run knows: reference/districts.csv plus any DIST_RESI it does not list.
CREATE OR REPLACE TABLE district_list AS
SELECT district__raw AS district, name__raw AS district_name, selpa__raw AS selpa, "type__raw" AS district_type
FROM clean_districts
UNION ALL
-- (read from the typed store directly: the students view's joins are not needed for a code list)
SELECT DISTINCT "DIST_RESI__raw", NULL, NULL, NULL FROM clean_table_a
WHERE "DIST_RESI__raw" IS NOT NULL AND "DIST_RESI__raw" NOT IN (SELECT district__raw FROM clean_districts);
