-- Indicator 12 — Part C to Part B by the third birthday (INDICATORS.md 12).
-- Inputs: partc/referrals.csv (clean_partc_referrals) and the June Table A of the data year, every
-- PLAN_TYPE (june_all, $jun_period). Linked by `_name_key` / `name_key`, the keyed hash (HMAC) of
-- names, birthdate and gender the load keeps instead of the names (src/load/pseudonymise.ts). Birthdates
-- never leave these temp tables: the outputs read district, referral_id, the category, days after the
-- birthday and codes only.
-- $y_start, $y_end           the data year; a = third birthday inside it
-- $ind12_refusal_codes       TBDDLAY codes that make a linked child d (parent refusal)
-- $ind12_late_referral_days  e = PARTC_ENTRY later than third birthday − this many days …
-- $ind12_exclude_late_referrals … counted only when true (the FFY 2008 source did not apply e)

-- One June record per identity (name_key): when several match (W-LINK), the earliest INIT_EVAL,
-- then the lowest SELPA_CODE, then STUDENT_ID. [decision] A record without INIT_EVAL sorts after
-- every record with one.
CREATE OR REPLACE TEMP TABLE ind12_june AS
SELECT name_key, selpa, student_id, district, plan_type, init_eval, tbddlay
FROM (
  SELECT name_key, selpa, student_id, district, plan_type, init_eval, tbddlay,
         row_number() OVER (PARTITION BY name_key ORDER BY init_eval NULLS LAST, selpa, student_id) AS rn
  FROM june_all
  WHERE _period = $jun_period AND name_key IS NOT NULL
    -- only identities some referral carries (a few thousand of ~900,000 June records)
    AND name_key IN (SELECT _name_key FROM clean_partc_referrals)
)
WHERE rn = 1;

-- Every referral of a: REFR_DATE before the third birthday, third birthday inside the data year.
-- Third birthday = BIRTHDATE + 3 years (a Feb 29 birthdate falls on Feb 28, as age_on does).
-- The referral is linked when its name key (LAST_NAME, FIRST_NAME, BIRTHDATE, GENDER, hashed on load)
-- equals the June record's (case, spaces, hyphens and apostrophes do not matter; dates were normalised
-- on load).
-- category, exclusive and in this order (the first that applies):
--   b  linked, PLAN_TYPE 90, INIT_EVAL before the third birthday (not eligible, determined in time)
--   c  linked, PLAN_TYPE 10, INIT_EVAL on or before the third birthday (IEP in time)
--   d  linked, TBDDLAY in the refusal codes
--   e  linked, PARTC_ENTRY later than third birthday − late_referral_days (only when excluded)
--   late      linked, none of the above (counts against the percent)
--   unlinked  no June record of the data year matches (stays in a, counts against the percent)
-- District = the referral's DIST_RESI, else the linked record's; NULL = statewide only.
CREATE OR REPLACE TEMP TABLE ind12_records AS
WITH r AS (
  SELECT referral_id, "REFR_DATE" AS refr_date, "PARTC_ENTRY" AS partc_entry, "DIST_RESI" AS dist_resi,
         ("BIRTHDATE" + INTERVAL 3 YEAR)::DATE AS third_birthday,
         _name_key AS nk
  FROM clean_partc_referrals
),
a AS (
  SELECT * FROM r
  WHERE refr_date < third_birthday AND third_birthday BETWEEN $y_start::DATE AND $y_end::DATE
),
linked AS (
  SELECT a.*, j.name_key IS NOT NULL AS linked, j.selpa, j.student_id, j.district AS record_district,
         j.plan_type, j.init_eval, j.tbddlay
  FROM a LEFT JOIN ind12_june j ON j.name_key = a.nk
)
SELECT referral_id, coalesce(dist_resi, record_district) AS district, linked, selpa, student_id,
       plan_type, init_eval, tbddlay,
       CASE
         WHEN NOT linked THEN 'unlinked'
         WHEN plan_type = '90' AND init_eval < third_birthday THEN 'b'
         WHEN plan_type = '10' AND init_eval <= third_birthday THEN 'c'
         WHEN tbddlay = ANY($ind12_refusal_codes) THEN 'd'
         WHEN $ind12_exclude_late_referrals
              AND partc_entry > third_birthday - $ind12_late_referral_days::INTEGER THEN 'e'
         ELSE 'late'
       END AS category,
       -- Days from the third birthday to the initial IEP, for an IEP after the birthday (Table 12b).
       CASE WHEN plan_type = '10' AND init_eval > third_birthday THEN date_diff('day', third_birthday, init_eval) END AS days_after
FROM linked;

-- Per district (NULL = referrals with no district, in the statewide figures only).
-- den = a − b − d − e: the children the percent is taken over; late + unlinked = den − c.
CREATE OR REPLACE TEMP TABLE ind12_agg AS
SELECT district,
       count(*) AS a,
       count(*) FILTER (WHERE category = 'b') AS b,
       count(*) FILTER (WHERE category = 'c') AS c,
       count(*) FILTER (WHERE category = 'd') AS d,
       count(*) FILTER (WHERE category = 'e') AS e,
       count(*) FILTER (WHERE category = 'late') AS late,
       count(*) FILTER (WHERE category = 'unlinked') AS unlinked,
       count(*) FILTER (WHERE category NOT IN ('b', 'd', 'e')) AS den
FROM ind12_records
GROUP BY district;
