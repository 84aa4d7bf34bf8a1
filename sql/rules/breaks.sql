-- calendar/breaks.csv row rules (DATA-CONTRACT.md 4).

-- @rule E-RANGE error end_date
-- @message The break ends before it starts.
end_date < start_date

/* A break of five school days or fewer never extends the Indicator 11 timeline: kept, ignored. */
-- @rule W-BRK warning school_days
-- @message The break spans five school days or fewer and is ignored.
school_days <= 5
