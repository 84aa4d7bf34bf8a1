-- Consistency checks of the data year's assessment rows (run.json warnings), one row per check
-- that fails, naming up to 10 districts (codes, no student data).
WITH cond AS (
  SELECT DISTINCT district FROM ind3_rows
  WHERE coalesce(regular, 0) + coalesce(regular_accom, 0) + coalesce(modified, 0) + coalesce(alternate, 0) > participants
),
ayp AS (
  SELECT district FROM ind3_district WHERE e_all IN ('Y', 'N') AND m_all IN ('Y', 'N') AND e_all <> m_all
),
w AS (
  SELECT 'W3-COND' AS code, count(*) AS n, string_agg(district, ', ' ORDER BY district) FILTER (WHERE rn <= 10) AS ds,
         'test-condition counts (regular + regular_accom + modified + alternate) exceed participants' AS what
  FROM (SELECT district, row_number() OVER (ORDER BY district) AS rn FROM cond)
  UNION ALL
  SELECT 'W3-AYP', count(*), string_agg(district, ', ' ORDER BY district) FILTER (WHERE rn <= 10),
         'met_all_ayp differs between the ELA and Math rows (counted as not met)'
  FROM (SELECT district, row_number() OVER (ORDER BY district) AS rn FROM ayp)
)
SELECT code::VARCHAR AS code,
       printf('Indicator 3: %d district(s) where %s: %s%s', n, what, ds, CASE WHEN n > 10 THEN ', …' ELSE '' END)::VARCHAR AS message
FROM w WHERE n > 0 ORDER BY code;
