-- Table C row rules (DATA-CONTRACT.md 3.3, 5.2). Code lists E302, E304-E308, DSPL_DAYS range E303
-- and required fields come from src/load/schemas/table_c.ts; E300 is a set rule.

-- @rule E301 error DSPL_DATE
-- @message DSPL_DATE is outside the school year of the file.
DSPL_DATE < _sy_start OR DSPL_DATE > _sy_end

/* Blank DSPL_DAYS is allowed only for an expulsion (contract 6.10); an unparseable value is the
   field's own E303 and is not repeated here. */
-- @rule E303 error DSPL_DAYS
-- @message DSPL_DAYS is blank for an action other than expulsion.
DSPL_DAYS__raw IS NULL AND DSPL_TYPE <> '30'
