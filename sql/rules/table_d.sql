-- Table D row rules (DATA-CONTRACT.md 3.4, 5.2). E400-E411, E414 format/required and E412/E413
-- code lists come from src/load/schemas/table_d.ts; W925 is a set rule.

-- @rule E416 error ETHNICITY2
-- @message The same ethnicity code appears more than once in ETHNICITY1-4.
ETHNICITY1 IN (ETHNICITY2, ETHNICITY3, ETHNICITY4)
  OR ETHNICITY2 IN (ETHNICITY3, ETHNICITY4)
  OR ETHNICITY3 = ETHNICITY4

/* E409 "BIRTHDATE is blank or in error": a birth date after REPT_DATE or after EXIT_DATE is read as
   in error (Table D has no E114/E117 of its own). */
-- @rule E409 error BIRTHDATE
-- @message BIRTHDATE is after REPT_DATE or EXIT_DATE.
BIRTHDATE > REPT_DATE OR BIRTHDATE > EXIT_DATE
