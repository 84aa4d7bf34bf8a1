-- run.json modules.sd: the standards used per category (scenario 0), the years of data used per
-- family of categories, and a note for each value above the presumptively reasonable cell size 10
-- and n-size 30 (300.647(b)(1)(iv)): the State must then report a detailed rationale ((b)(7)).
WITH s0 AS (SELECT * FROM sd_cut WHERE scenario = 0),
-- the years used: consecutive years ending at Y with the family's inputs (as years_available), the
-- discipline ones named by the year whose June Table A and Table C were read
fam AS (
  SELECT a.family, a.k, CASE a.family WHEN 'ds' THEN yy.ds_year ELSE a.y END AS yr, a.available AS av
  FROM sd_avail a JOIN sd_years yy USING (k)
),
runs AS (
  SELECT family,
         sd_run(bool_or(av) FILTER (WHERE k = 0), bool_or(av) FILTER (WHERE k = 1), bool_or(av) FILTER (WHERE k = 2), (SELECT max(m) FROM s0)) AS n
  FROM fam
  GROUP BY family
),
used AS (
  SELECT f.family, list(f.yr ORDER BY f.k DESC) FILTER (WHERE f.k < r.n) AS years
  FROM fam f JOIN runs r USING (family)
  GROUP BY f.family
)
SELECT 'standards' AS key,
       to_json(list({'category': category, 'threshold': threshold, 'min_cell': cell, 'min_n': nsize} ORDER BY ord))::VARCHAR AS value
FROM s0
UNION ALL
SELECT 'years_used',
       to_json(map_from_entries(list({'k': CASE family WHEN 'id' THEN 'identification' WHEN 'pl' THEN 'placement' ELSE 'discipline' END,
                                      'v': coalesce(years, [])} ORDER BY family)))::VARCHAR
FROM used
UNION ALL
SELECT 'rationale_notes',
       to_json(coalesce(list(note ORDER BY ord), []))::VARCHAR
FROM (
  SELECT ord, printf('%s: minimum cell size %d is above the presumptively reasonable 10; 34 CFR 300.647(b)(7) requires a detailed rationale', category, cell) AS note FROM s0 WHERE cell > 10
  UNION ALL
  SELECT ord + 0.5, printf('%s: minimum n-size %d is above the presumptively reasonable 30; 34 CFR 300.647(b)(7) requires a detailed rationale', category, nsize) FROM s0 WHERE nsize > 30
);
