-- Table 7 consistency (run.json `warnings`, rows `code, message`):
--   W-T7-CHECK  a failed sum or bound between rows (a check with a row nobody gave is skipped);
--   W-T7        with table7.csv and a case log both given, a row where they differ or that
--               table7.csv lacks; with table7.csv alone, a row it lacks.
WITH w AS (
  SELECT map_from_entries(list((row_id, count))) AS c FROM dispute_t7
),
v AS (
  SELECT c['1'] AS r1, c['1.1'] AS r11, c['1.1a'] AS r11a, c['1.1b'] AS r11b, c['1.1c'] AS r11c,
         c['1.2'] AS r12, c['1.2a'] AS r12a, c['1.3'] AS r13,
         c['2'] AS r2, c['2.1'] AS r21, c['2.1a'] AS r21a, c['2.1a.i'] AS r21ai, c['2.1b'] AS r21b,
         c['2.1b.i'] AS r21bi, c['2.2'] AS r22,
         c['3'] AS r3, c['3.1'] AS r31, c['3.1a'] AS r31a, c['3.2'] AS r32, c['3.2a'] AS r32a,
         c['3.2b'] AS r32b, c['3.3'] AS r33,
         c['4'] AS r4, c['4.1'] AS r41, c['4.1a'] AS r41a, c['4.2'] AS r42, c['4.2a'] AS r42a
  FROM w
),
checks(no, failed, message) AS (
  SELECT 1, r1 <> r11 + r12 + r13,
         printf('Table 7 row (1) is %d but 1.1 + 1.2 + 1.3 = %d + %d + %d = %d.', r1, r11, r12, r13, r11 + r12 + r13) FROM v
  UNION ALL SELECT 2, r11a > r11, printf('Table 7 row 1.1a (%d) exceeds 1.1 (%d).', r11a, r11) FROM v
  UNION ALL SELECT 3, r11b + r11c > r11,
         printf('Table 7 rows 1.1b + 1.1c = %d + %d = %d exceed 1.1 (%d).', r11b, r11c, r11b + r11c, r11) FROM v
  UNION ALL SELECT 4, r12a > r12, printf('Table 7 row 1.2a (%d) exceeds 1.2 (%d).', r12a, r12) FROM v
  UNION ALL SELECT 5, r2 <> r21 + r22,
         printf('Table 7 row (2) is %d but 2.1 + 2.2 = %d + %d = %d.', r2, r21, r22, r21 + r22) FROM v
  UNION ALL SELECT 6, r21 <> r21a + r21b,
         printf('Table 7 row 2.1 is %d but 2.1a + 2.1b = %d + %d = %d.', r21, r21a, r21b, r21a + r21b) FROM v
  UNION ALL SELECT 7, r21ai > r21a, printf('Table 7 row 2.1a.i (%d) exceeds 2.1a (%d).', r21ai, r21a) FROM v
  UNION ALL SELECT 8, r21bi > r21b, printf('Table 7 row 2.1b.i (%d) exceeds 2.1b (%d).', r21bi, r21b) FROM v
  UNION ALL SELECT 9, r31 > r3, printf('Table 7 row 3.1 (%d) exceeds (3) (%d).', r31, r3) FROM v
  UNION ALL SELECT 10, r31a > r31, printf('Table 7 row 3.1a (%d) exceeds 3.1 (%d).', r31a, r31) FROM v
  UNION ALL SELECT 11, r32a + r32b > r32,
         printf('Table 7 rows 3.2a + 3.2b = %d + %d = %d exceed 3.2 (%d).', r32a, r32b, r32a + r32b, r32) FROM v
  UNION ALL SELECT 12, r32 + r33 > r3,
         printf('Table 7 rows 3.2 + 3.3 = %d + %d = %d exceed (3) (%d).', r32, r33, r32 + r33, r3) FROM v
  UNION ALL SELECT 13, r4 > r3, printf('Table 7 row (4) (%d) exceeds (3) (%d).', r4, r3) FROM v
  UNION ALL SELECT 14, r41 > r4, printf('Table 7 row 4.1 (%d) exceeds (4) (%d).', r41, r4) FROM v
  UNION ALL SELECT 15, r41a > r41, printf('Table 7 row 4.1a (%d) exceeds 4.1 (%d).', r41a, r41) FROM v
  UNION ALL SELECT 16, r42 > r4, printf('Table 7 row 4.2 (%d) exceeds (4) (%d).', r42, r4) FROM v
  UNION ALL SELECT 17, r42a > r42, printf('Table 7 row 4.2a (%d) exceeds 4.2 (%d).', r42a, r42) FROM v
),
diffs AS (
  SELECT t.ord,
         CASE
           WHEN t.given IS NULL AND t.derived IS NOT NULL THEN
             printf('Table 7 row %s is missing from dispute/table7.csv; the case logs give %d, which is used.', t.row_id, t.derived)
           WHEN t.given IS NULL THEN printf('Table 7 row %s is missing from dispute/table7.csv.', t.row_id)
           ELSE printf('Table 7 row %s: dispute/table7.csv has %d, the case logs give %d.', t.row_id, t.given, t.derived)
         END AS message
  FROM dispute_t7 t
  WHERE (SELECT table7 FROM dispute_given)
    AND (t.given IS NULL OR (t.derived IS NOT NULL AND t.given <> t.derived))
)
SELECT code::VARCHAR AS code, message::VARCHAR AS message FROM (
  SELECT 1 AS k, no AS o, 'W-T7-CHECK' AS code, message FROM checks WHERE failed IS TRUE
  UNION ALL SELECT 2, ord, 'W-T7', message FROM diffs
)
ORDER BY k, o;
