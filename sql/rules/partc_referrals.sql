-- partc/referrals.csv row rules (DATA-CONTRACT.md 4).

-- @rule E-RANGE error REFR_DATE
-- @message REFR_DATE is before BIRTHDATE.
REFR_DATE < BIRTHDATE
