-- Table A row rules (DATA-CONTRACT.md 3.1, 5.2, 5.4; Attachment 20b).
-- Single-field format / required / code-list checks come from src/load/schemas/table_a.ts;
-- duplicates (E105, E107, D911) and unduplication are set rules.
-- Ages are whole years (age_rept = age on REPT_DATE). Attachment 20b's "more than N years old" is
-- read as "past the Nth birthday" (age >= N) and "less than N years old" as age < N: this is the
-- reading under which each error and its companion warning (E139/W905, E140/W906, E141/W907,
-- E136/W903) leave no gap against the normal ages the source gives. Warnings skip the ages their
-- error already rejects.

-- @rule E114 error BIRTHDATE
-- @message BIRTHDATE is after REPT_DATE.
BIRTHDATE > REPT_DATE

-- @rule E115 error BIRTHDATE
-- @message The student is 23 or older on REPT_DATE and has no EXIT_DATE.
EXIT_DATE__raw IS NULL AND age_rept >= 23

-- @rule E116 error BIRTHDATE
-- @message The student is over 23 on EXIT_DATE.
age_on(BIRTHDATE, EXIT_DATE) > 23

-- @rule E117 error BIRTHDATE
-- @message BIRTHDATE is after EXIT_DATE.
BIRTHDATE > EXIT_DATE

-- @rule E121 error EL
-- @message EL marks an English learner while NATIV_LANG is English or blank.
EL = 'Y' AND (NATIV_LANG IS NULL OR NATIV_LANG = '00')

-- @rule E126 error ENTRY_DATE
-- @message ENTRY_DATE is before BIRTHDATE.
ENTRY_DATE < BIRTHDATE

-- @rule E127 error ENTRY_DATE
-- @message ENTRY_DATE is after REPT_DATE.
ENTRY_DATE > REPT_DATE

-- @rule E129 error LAST_IEP
-- @message LAST_IEP is before BIRTHDATE.
LAST_IEP < BIRTHDATE

/* Contract 6.2: "future" means after REPT_DATE, not after the computer clock. */
-- @rule E130 error LAST_IEP
-- @message LAST_IEP is after REPT_DATE.
LAST_IEP > REPT_DATE

-- @rule E131 error LAST_EVAL
-- @message LAST_EVAL is before BIRTHDATE.
LAST_EVAL < BIRTHDATE

-- @rule E132 error LAST_EVAL
-- @message LAST_EVAL is after REPT_DATE.
LAST_EVAL > REPT_DATE

/* The source gives no reference date for E136 and E139-E142: age on REPT_DATE (age_rept) is used. */
-- @rule E136 error GRADE
-- @message GRADE is 12+/transition for a student under 16.
GRADE = '13' AND age_rept < 16

-- @rule E137 warning GRADE
-- @message The student is at least three years younger than the normal age for GRADE.
GRADE IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12')
  AND age_on(BIRTHDATE, _dec_ref) <= TRY_CAST(GRADE AS INTEGER) + 5 - 3

-- @rule E138 warning GRADE
-- @message The student is at least five years older than the normal age for GRADE.
GRADE IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12')
  AND age_on(BIRTHDATE, _dec_ref) >= TRY_CAST(GRADE AS INTEGER) + 5 + 5

/* "More than four years old" for infant grade: age 4 or over (W905 covers age 3). */
-- @rule E139 error GRADE
-- @message GRADE is infant for a student four or older.
GRADE = '16' AND age_rept >= 4

/* "Less than two or more than seven years old" for preschool: under 2, or 7 or over (W906 covers 6). */
-- @rule E140 error GRADE
-- @message GRADE is preschool for a student under two or seven or older.
GRADE = '17' AND (age_rept < 2 OR age_rept >= 7)

-- @rule E141 error GRADE
-- @message GRADE is kindergarten for a student under three.
GRADE = '18' AND age_rept < 3

/* "More than ten years old" for kindergarten: 10 or over. */
-- @rule E142 error GRADE
-- @message GRADE is kindergarten for a student ten or older.
GRADE = '18' AND age_rept >= 10

-- @rule E149 error ETHNICITY2
-- @message The same ethnicity code appears more than once in ETHNICITY1-4.
ETHNICITY1 IN (ETHNICITY2, ETHNICITY3, ETHNICITY4)
  OR ETHNICITY2 IN (ETHNICITY3, ETHNICITY4)
  OR ETHNICITY3 = ETHNICITY4

-- @rule E150 error EXIT_DATE
-- @message EXIT_DATE is before ENTRY_DATE.
EXIT_DATE < ENTRY_DATE

-- @rule E151 error EXIT_DATE
-- @message EXIT_DATE is on or before REPT_DATE in a December file.
NOT _is_june AND EXIT_DATE <= REPT_DATE

-- @rule E152 error EXIT_DATE
-- @message EXIT_DATE is after REPT_DATE.
EXIT_DATE > REPT_DATE

/* One block for both directions: reason without date, and date without reason. */
-- @rule E153 error EXIT_RESON
-- @message EXIT_RESON and EXIT_DATE must be given together.
(EXIT_RESON__raw IS NOT NULL AND EXIT_DATE__raw IS NULL)
  OR (EXIT_DATE__raw IS NOT NULL AND EXIT_RESON__raw IS NULL)

-- @rule E154 error EXIT_DATE
-- @message EXIT_DATE is before the start of the school year of a June file.
_is_june AND EXIT_DATE < _sy_start

/* E156/E157 ("graduating at age NN"): age on EXIT_DATE, or on REPT_DATE when EXIT_DATE is blank (that
   record already fails E153). */
-- @rule E156 error EXIT_RESON
-- @message EXIT_RESON is graduation or GED for a student under 16.
EXIT_RESON IN ('71', '72', '81')
  AND coalesce(age_on(BIRTHDATE, EXIT_DATE), age_rept) < 16

-- @rule E157 error EXIT_RESON
-- @message EXIT_RESON is maximum age for a student under 21.
EXIT_RESON = '73'
  AND coalesce(age_on(BIRTHDATE, EXIT_DATE), age_rept) < 21

-- @rule E158 error LAST_IEP
-- @message LAST_IEP is after EXIT_DATE.
LAST_IEP > EXIT_DATE

-- @rule E159 error LAST_EVAL
-- @message LAST_EVAL is after EXIT_DATE.
LAST_EVAL > EXIT_DATE

-- @rule E160 error REFR_DATE
-- @message REFR_DATE is before BIRTHDATE.
REFR_DATE < BIRTHDATE

-- @rule E161 error REFR_DATE
-- @message REFR_DATE is after REPT_DATE.
REFR_DATE > REPT_DATE

/* Applies to every record aged 0-2 on REPT_DATE, served or not (3.1: "required age 0-2"). */
-- @rule E162 error REFR_DATE
-- @message REFR_DATE is blank for an infant aged 0 to 2.
REFR_DATE__raw IS NULL AND age_rept BETWEEN 0 AND 2

-- @rule E164 error FEDSET_PRS
-- @message FEDSET_PRS is blank for a served student aged 3 to 5.
FEDSET_PRS__raw IS NULL AND served AND age_rept BETWEEN 3 AND 5

-- @rule E165 error FEDSET_PRS
-- @message FEDSET_PRS is given for a student under 3.
FEDSET_PRS__raw IS NOT NULL AND age_rept < 3

-- @rule E166 error IN_REGCLS
-- @message IN_REGCLS is blank for a student in a regular school setting.
IN_REGCLS__raw IS NULL AND FEDSET_SCH = '100'

/* "For a valid REFR_DATE": only a parseable REFR_DATE requires REFR_BY. */
-- @rule E186 error REFR_BY
-- @message REFR_BY is blank while REFR_DATE is given.
REFR_BY__raw IS NULL AND REFR_DATE IS NOT NULL

-- @rule E188 error PRNT_CSNT
-- @message PRNT_CSNT is before REFR_DATE or BIRTHDATE.
PRNT_CSNT < REFR_DATE OR PRNT_CSNT < BIRTHDATE

-- @rule E189 error INIT_EVAL
-- @message INIT_EVAL is before PRNT_CSNT or BIRTHDATE.
INIT_EVAL < PRNT_CSNT OR INIT_EVAL < BIRTHDATE

-- @rule E190 error INIT_EVAL
-- @message INIT_EVAL is after LAST_IEP.
INIT_EVAL > LAST_IEP

-- @rule E192 error DISABILITY2
-- @message DISABILITY2 repeats DISABILITY1.
DISABILITY2 = DISABILITY1

-- @rule E194 error FEDSET_SCH
-- @message FEDSET_SCH is blank for a served student aged 6 to 22.
FEDSET_SCH__raw IS NULL AND served AND age_rept BETWEEN 6 AND 22

-- @rule E195 error TRAN_GOAL2
-- @message The same goal code appears more than once in TRAN_GOAL1-4.
TRAN_GOAL1 IN (TRAN_GOAL2, TRAN_GOAL3, TRAN_GOAL4)
  OR TRAN_GOAL2 IN (TRAN_GOAL3, TRAN_GOAL4)
  OR TRAN_GOAL3 = TRAN_GOAL4

/* Warnings. */

/* W900-W902 depend on the agency operating the program (LEA, DDS, CDCR Division of Juvenile Justice),
   which no input carries. Reading: every submitter is an LEA, so W900 (RESID_STAT 71/72 reported by
   an LEA) applies as written; W901 and W902 concern only DDS- and DJJ-operated programs and are not
   evaluated (a setting code is not an operator: using it as a proxy warned on valid records). */
-- @rule W900 warning RESID_STAT
-- @message RESID_STAT is state hospital or developmental center for a student of a local agency.
RESID_STAT IN ('71', '72')

/* Under 17 for 12+/transition; under 16 is already E136. */
-- @rule W903 warning GRADE
-- @message GRADE is 12+/transition for a student under 17.
GRADE = '13' AND age_rept = 16

/* Normal age = grade + 5 on December 1 of the school year, as E137; three or more years under is E137. */
-- @rule W904 warning GRADE
-- @message The student is two years younger than the normal age for GRADE.
GRADE IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12')
  AND age_on(BIRTHDATE, _dec_ref) = TRY_CAST(GRADE AS INTEGER) + 5 - 2

/* "More than three years" for infant grade: age 3 (4 or over is E139). */
-- @rule W905 warning GRADE
-- @message GRADE is infant for a student aged three.
GRADE = '16' AND age_rept = 3

/* "Higher than six years" for preschool: age 6 (7 or over is E140). */
-- @rule W906 warning GRADE
-- @message GRADE is preschool for a student aged six.
GRADE = '17' AND age_rept = 6

/* "Less than four years" for kindergarten: age 3 (under 3 is E141). */
-- @rule W907 warning GRADE
-- @message GRADE is kindergarten for a student aged three.
GRADE = '18' AND age_rept = 3

-- @rule W909 warning LAST_IEP
-- @message LAST_IEP is more than one year before REPT_DATE or EXIT_DATE.
LAST_IEP < coalesce(EXIT_DATE, REPT_DATE) - INTERVAL 1 YEAR

-- @rule W910 warning LAST_EVAL
-- @message LAST_EVAL is more than three years before REPT_DATE or EXIT_DATE.
LAST_EVAL < coalesce(EXIT_DATE, REPT_DATE) - INTERVAL 3 YEAR

-- @rule W916 warning PRNT_CSNT
-- @message PRNT_CSNT is blank for a student who entered special education this school year.
PRNT_CSNT__raw IS NULL AND ENTRY_DATE BETWEEN _sy_start AND _sy_end

-- @rule W917 warning INIT_EVAL
-- @message INIT_EVAL is blank for a student who entered special education this school year.
INIT_EVAL__raw IS NULL AND ENTRY_DATE BETWEEN _sy_start AND _sy_end

-- @rule W918 warning REFR_DATE
-- @message REFR_DATE is blank for a student who entered special education this school year.
REFR_DATE__raw IS NULL AND ENTRY_DATE BETWEEN _sy_start AND _sy_end

/* Served records only: transition goals belong to an IEP. */
-- @rule W919 warning TRAN_GOAL1
-- @message TRAN_GOAL1 is blank for a served student aged 15 or older.
TRAN_GOAL1__raw IS NULL AND served AND age_rept >= 15

/* Grade 8 and up = grades 08-12 and 13 (12+/transition). */
-- @rule W920 warning GRAD_PLAN
-- @message GRAD_PLAN is blank for a student in grade 8 or higher.
GRAD_PLAN__raw IS NULL AND GRADE IN ('08', '09', '10', '11', '12', '13')

-- @rule W926 warning DISABILITY1
-- @message Established medical disability is reported for a student not aged 3 or 4.
(DISABILITY1 = '281' OR DISABILITY2 = '281') AND (age_rept < 3 OR age_rept > 4)

-- @rule W927 warning EXIT_RESON
-- @message EXIT_RESON is a code that was no longer valid on EXIT_DATE.
EXIT_RESON = '82' AND EXIT_DATE > DATE '2007-12-31'

/* Due date = PRNT_CSNT + 60 calendar days (no break extension at load); "missing with due date on or
   before JUN" applies to June files only. */
-- @rule W935 warning EVLDLAY
-- @message The initial evaluation is past the 60-day timeline and EVLDLAY is blank.
EVLDLAY__raw IS NULL AND (
  INIT_EVAL > PRNT_CSNT + 60
  OR (INIT_EVAL__raw IS NULL AND _is_june AND PRNT_CSNT + 60 <= REPT_DATE)
)

/* Third birthday = BIRTHDATE + 3 years (a Feb 29 birthday falls on Feb 28 in common years); an
   INIT_EVAL on the birthday itself is on time. */
-- @rule W933 warning TBDDLAY
-- @message The initial evaluation is after the third birthday of a child referred before age 3 and TBDDLAY is blank.
TBDDLAY__raw IS NULL
  AND REFR_DATE < BIRTHDATE + INTERVAL 3 YEAR
  AND INIT_EVAL > BIRTHDATE + INTERVAL 3 YEAR
