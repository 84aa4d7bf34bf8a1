-- Shared macros, created once per connection (src/db.ts).

-- The three accepted date forms (DATA-CONTRACT.md 2): YYYY-MM-DD, MM/DD/YYYY, MMDDYYYY.
-- Eight digits are always month-day-year, never YYYYMMDD. Impossible dates give NULL.
CREATE OR REPLACE MACRO parse_date(s) AS (
  CASE
    WHEN s IS NULL THEN NULL
    WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_strptime(s, '%Y-%m-%d')::DATE
    WHEN regexp_full_match(s, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN try_strptime(s, '%m/%d/%Y')::DATE
    WHEN regexp_full_match(s, '[0-9]{8}') THEN try_strptime(s, '%m%d%Y')::DATE
    ELSE NULL
  END
);

-- Whole years completed on d. A birthday on d counts as completed; a Feb 29 birthday
-- completes its year on Feb 28 of a common year (INDICATORS.md, Conventions).
CREATE OR REPLACE MACRO age_on(b, d) AS (
  year(d) - year(b)
  - CASE
      WHEN month(d) * 100 + day(d) >= month(b) * 100 + day(b) THEN 0
      WHEN month(b) = 2 AND day(b) = 29 AND month(d) = 2 AND day(d) = 28
           AND NOT (year(d) % 4 = 0 AND (year(d) % 100 <> 0 OR year(d) % 400 = 0)) THEN 0
      ELSE 1
    END
);

-- Integers: optional '-', digits only (no separators, no '%').
CREATE OR REPLACE MACRO parse_int(s) AS (
  CASE WHEN regexp_full_match(s, '-?[0-9]{1,9}') THEN s::INTEGER ELSE NULL END
);

CREATE OR REPLACE MACRO parse_decimal(s) AS (
  CASE WHEN regexp_full_match(s, '-?([0-9]+(\.[0-9]*)?|\.[0-9]+)') THEN s::DOUBLE ELSE NULL END
);

-- Y/N in any case; 1/0 and TRUE/FALSE normalised to Y/N.
CREATE OR REPLACE MACRO parse_yesno(s) AS (
  CASE upper(s) WHEN 'Y' THEN 'Y' WHEN '1' THEN 'Y' WHEN 'TRUE' THEN 'Y' WHEN 'YES' THEN 'Y'
                WHEN 'N' THEN 'N' WHEN '0' THEN 'N' WHEN 'FALSE' THEN 'N' WHEN 'NO' THEN 'N'
                ELSE NULL END
);

-- Trimmed, NFC-normalised text; blank is NULL.
CREATE OR REPLACE MACRO clean_text(s) AS (NULLIF(trim(nfc_normalize(s)), ''));

-- Identity key for unduplication and Part C linkage: names upper-cased, letters only, plus
-- birthdate and gender. In clear only while loading (temporary tables): what the load keeps is
-- keyed_sha256 of it (src/load/pseudonymise.ts).
CREATE OR REPLACE MACRO name_key(last, first, birth, gender) AS (
  CASE WHEN last IS NULL OR first IS NULL OR birth IS NULL OR gender IS NULL THEN NULL ELSE
    upper(regexp_replace(last, '[^\p{L}]', '', 'g')) || '|' || upper(regexp_replace(first, '[^\p{L}]', '', 'g'))
    || '|' || strftime(birth, '%Y-%m-%d') || '|' || upper(gender)
  END
);

-- SHA-256 of a text under a key, as a 32-byte BLOB: H(key || msg), the key being 64 hex digits
-- (src/load/pseudonymise.ts). One hash a row: HMAC's two cost about 3 s of a statewide load, and
-- its outer hash guards against length extension, which cannot forge a key compared only for
-- equality. NULL msg gives NULL.
CREATE OR REPLACE MACRO keyed_sha256(key, msg) AS (unhex(sha256(key || msg)));

-- School-year label arithmetic: year_shift('2007-08', -3) = '2004-05'.
CREATE OR REPLACE MACRO year_shift(label, k) AS (
  (left(label, 4)::INTEGER + k)::VARCHAR || '-' || lpad(((left(label, 4)::INTEGER + k + 1) % 100)::VARCHAR, 2, '0')
);

-- Percent = 100 × n / d in full precision; a zero or missing denominator gives NULL, never NaN.
CREATE OR REPLACE MACRO pct(n, d) AS (CASE WHEN d > 0 THEN 100.0 * n / d END);

-- A figure for a sentence with two decimals, rounded half away from zero like `display`
-- (printf alone rounds 3.125 to 3.12).
CREATE OR REPLACE MACRO fmt2(x) AS (printf('%.2f', round(x, 2)));

-- Where the first of a repeated key is, for a set rule's message: `line N` in the same file,
-- `line N of <file>` when it is in another file of the submission (per-SELPA files).
CREATE OR REPLACE MACRO line_ref(first_file, first_line, this_file) AS (
  'line ' || first_line || CASE WHEN first_file = this_file THEN '' ELSE ' of ' || first_file END
);

-- Significant disproportionality (profile idea-2016, SIGNIFICANT-DISPROPORTIONALITY.md "Race/ethnicity
-- groups"): the seven federal groups, exclusive. A CASEMIS ETHNICITY code's race family; 500
-- (Hispanic), 800 (two or more, no detail) and 999 have none.
CREATE OR REPLACE MACRO sd_family(code) AS (
  -- a simple CASE (equality tests): an IN list here became a join per use in the December scan
  CASE code
    WHEN '100' THEN 'AM7'
    WHEN '201' THEN 'AS7' WHEN '202' THEN 'AS7' WHEN '203' THEN 'AS7' WHEN '204' THEN 'AS7' WHEN '205' THEN 'AS7'
    WHEN '206' THEN 'AS7' WHEN '207' THEN 'AS7' WHEN '208' THEN 'AS7' WHEN '299' THEN 'AS7' WHEN '400' THEN 'AS7'
    WHEN '301' THEN 'PI7' WHEN '302' THEN 'PI7' WHEN '303' THEN 'PI7' WHEN '304' THEN 'PI7' WHEN '399' THEN 'PI7'
    WHEN '600' THEN 'BL7'
    WHEN '700' THEN 'WH7'
  END
);

-- A Table A record's group: HISPANIC (Y/N) decides when given, else any 500 makes HI7; then one race
-- family gives its group, two or more (or none but an 800) MU7; otherwise (999 only, 500 only with
-- HISPANIC = N) no group (NULL).
CREATE OR REPLACE MACRO sd_group(hispanic, e1, e2, e3, e4) AS (
  CASE
    WHEN hispanic = 'Y' THEN 'HI7'
    WHEN hispanic IS NULL AND (e1 = '500' OR e2 = '500' OR e3 = '500' OR e4 = '500') THEN 'HI7'
    ELSE sd_families_group(sd_family(e1), sd_family(e2), sd_family(e3), sd_family(e4),
                           coalesce(e1 = '800' OR e2 = '800' OR e3 = '800' OR e4 = '800', false))
  END
);

-- The group of four race families (NULL = none): all the same → that one; two or more → MU7; none
-- → MU7 when an 800 is there, else no group. Plain expressions, no list or subquery (a per-row
-- subquery made a join of the December scan).
CREATE OR REPLACE MACRO sd_families_group(f1, f2, f3, f4, has800) AS (
  CASE
    WHEN coalesce(f1, f2, f3, f4) IS NULL THEN CASE WHEN has800 THEN 'MU7' END
    WHEN coalesce(f1 = coalesce(f1, f2, f3, f4), true) AND coalesce(f2 = coalesce(f1, f2, f3, f4), true)
         AND coalesce(f3 = coalesce(f1, f2, f3, f4), true) AND coalesce(f4 = coalesce(f1, f2, f3, f4), true)
      THEN coalesce(f1, f2, f3, f4)
    ELSE 'MU7'
  END
);

-- An enrollment/cbeds.csv group code (CBEDS letters or the seven federal codes) as its federal group;
-- NR (no response) has none. PI is its own group here (not added to Asian as in ca-ffy2008).
CREATE OR REPLACE MACRO sd_cbeds_group(code) AS (
  CASE upper(code)
    WHEN 'AI' THEN 'AM7' WHEN 'AS' THEN 'AS7' WHEN 'FI' THEN 'AS7' WHEN 'PI' THEN 'PI7' WHEN 'HI' THEN 'HI7'
    WHEN 'AA' THEN 'BL7' WHEN 'WH' THEN 'WH7' WHEN 'MR' THEN 'MU7'
    WHEN 'AM7' THEN 'AM7' WHEN 'AS7' THEN 'AS7' WHEN 'PI7' THEN 'PI7' WHEN 'HI7' THEN 'HI7'
    WHEN 'BL7' THEN 'BL7' WHEN 'WH7' THEN 'WH7' WHEN 'MU7' THEN 'MU7'
  END
);

-- Risk ratio (n_g / N_g) / (n_c / N_c) > threshold, decided in integers: n_g × N_c × 100 > t100 × N_g × n_c,
-- with t100 = 100 × threshold (at most two decimals). Floating point must not decide: 18/120 against
-- 44/880 is exactly 3 (2.9999999999999996 in binary). HUGEINT: the products of statewide counts
-- overflow BIGINT.
CREATE OR REPLACE MACRO sd_exceeds(n_g, big_n_g, n_c, big_n_c, t100) AS (
  n_g::HUGEINT * big_n_c::HUGEINT * 100 > t100::HUGEINT * big_n_g::HUGEINT * n_c::HUGEINT
);
