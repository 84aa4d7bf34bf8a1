-- @kind partc_referrals
-- @stage after_clean
-- W-LINK (warning): a Part C referral whose identity (names, birthdate, gender; DATA-CONTRACT.md 4)
-- matches several loaded Table A records of the June submission of Y ($jun_period). Indicator 12 uses
-- the one with the earliest INIT_EVAL, then the lowest SELPA_CODE and STUDENT_ID.
INSERT INTO rejects
SELECT r._file, r._line, 'referral_id', r.referral_id, 'W-LINK', 'warning',
       m.n || ' June Table A records match this referral; the one with the earliest INIT_EVAL is used', 'partc_referrals'
FROM typed_partc_referrals r
JOIN (SELECT _name_key AS nk, count(*) AS n FROM clean_table_a WHERE _period = $jun_period AND _name_key IS NOT NULL GROUP BY ALL HAVING count(*) > 1) m
  ON m.nk = r._name_key;
