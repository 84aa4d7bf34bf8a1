-- submissions/apr_rubric.csv row rules (DATA-CONTRACT.md 4).

/* The APR row carries the submission dates only; every indicator row is scored. */
-- @rule E-REQ error valid_reliable
-- @message valid_reliable is blank on an indicator row.
valid_reliable__raw IS NULL AND indicator <> 'APR'

/* correct_calculation is blank for indicators 1 and 2 (and the APR row), required on the others. */
-- @rule E-REQ error correct_calculation
-- @message correct_calculation is blank on an indicator row other than 1 and 2.
correct_calculation__raw IS NULL AND indicator NOT IN ('1', '2', 'APR')
