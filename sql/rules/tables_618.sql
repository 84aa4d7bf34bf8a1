-- submissions/618_tables.csv row rules (DATA-CONTRACT.md 4).

/* A blank `timely` is derived from the dates, so the due date must be there (a blank
   submitted_date means not submitted). */
-- @rule E-REQ error due_date
-- @message due_date is blank while timely is blank.
due_date__raw IS NULL AND timely__raw IS NULL
