-- assessment/district_results.csv row rules (DATA-CONTRACT.md 4). Both checks use E-RANGE; one block
-- per field so that the reject names the field at fault.

-- @rule E-RANGE error participants
-- @message Participants exceed the students enrolled in the testing window.
participants > enrolled_window

-- @rule E-RANGE error proficient_fay
-- @message Proficient students exceed the students enrolled for the full academic year.
proficient_fay > enrolled_fay
