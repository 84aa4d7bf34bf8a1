-- Summary rows 16-19 from Table 7 (INDICATORS.md 16-19):
--   16 = (1.1b + 1.1c) / 1.1, 17 = (3.2a + 3.2b) / 3.2, 18 = 3.1a / 3.1, 19 = (2.1a.i + 2.1b.i) / 2.1.
-- A zero denominator is computed with an empty value; a row that neither table7.csv nor its log
-- gives makes the measure not computed.
WITH t AS (SELECT row_id, count FROM dispute_t7),
m(id, nums, den) AS (VALUES
  ('16', ['1.1b', '1.1c'], '1.1'),
  ('17', ['3.2a', '3.2b'], '3.2'),
  ('18', ['3.1a'], '3.1'),
  ('19', ['2.1a.i', '2.1b.i'], '2.1')
),
f AS (
  SELECT m.id,
         (SELECT sum(count) FROM t WHERE t.row_id = ANY(m.nums)) AS num,
         (SELECT count FROM t WHERE t.row_id = m.den) AS den,
         (SELECT string_agg(r, ', ' ORDER BY r) FROM (SELECT unnest(list_append(m.nums, m.den)) AS r) x
           WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.row_id = x.r AND t.count IS NOT NULL)) AS lacking
  FROM m
)
SELECT id::VARCHAR AS id,
       CASE WHEN lacking IS NULL THEN num END::BIGINT AS numerator,
       CASE WHEN lacking IS NULL THEN den END::BIGINT AS denominator,
       CASE WHEN lacking IS NULL THEN pct(num, den) END::DOUBLE AS value,
       (CASE WHEN lacking IS NULL THEN 'computed' ELSE 'not computed: no Table 7 row ' || lacking END)::VARCHAR AS status
FROM f
ORDER BY id;
