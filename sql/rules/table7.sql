-- dispute/table7.csv row rules (DATA-CONTRACT.md 4, 5.4): an unknown row id is a warning and the
-- row is ignored by Table 7 (keep this list in step with CODE_LISTS.TABLE7_ROW).

-- @rule W-T7 warning row
-- @message The row id is not a Table 7 row and is ignored.
row NOT IN (
  '1', '1.1', '1.1a', '1.1b', '1.1c', '1.2', '1.2a', '1.3',
  '2', '2.1', '2.1a', '2.1a.i', '2.1b', '2.1b.i', '2.2',
  '3', '3.1', '3.1a', '3.2', '3.2a', '3.2b', '3.3',
  '4', '4.1', '4.1a', '4.2', '4.2a'
)
