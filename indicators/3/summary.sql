-- Summary rows: 3A = districts meeting all AYP objectives / districts determined for all AYP;
-- 3B.<subject> = Σ participants / Σ enrolled_window; 3C.<subject> = Σ proficient_fay / Σ enrolled_fay
-- (every district's row of the subject in the data year, whatever its n).
WITH a AS (SELECT count(*) FILTER (WHERE met) AS num, count(*) FILTER (WHERE determined) AS den
           FROM ind3_ayp WHERE component = 'all_ayp'),
s AS (SELECT sum(participants) FILTER (WHERE subject = 'ELA') AS pe, sum(enrolled_window) FILTER (WHERE subject = 'ELA') AS we,
             sum(participants) FILTER (WHERE subject = 'MATH') AS pm, sum(enrolled_window) FILTER (WHERE subject = 'MATH') AS wm,
             sum(proficient_fay) FILTER (WHERE subject = 'ELA') AS re, sum(enrolled_fay) FILTER (WHERE subject = 'ELA') AS fe,
             sum(proficient_fay) FILTER (WHERE subject = 'MATH') AS rm, sum(enrolled_fay) FILTER (WHERE subject = 'MATH') AS fm
      FROM ind3_rows),
r(id, num, den) AS (
  SELECT '3A', num, den FROM a
  UNION ALL SELECT '3B.ela', pe, we FROM s
  UNION ALL SELECT '3B.math', pm, wm FROM s
  UNION ALL SELECT '3C.ela', re, fe FROM s
  UNION ALL SELECT '3C.math', rm, fm FROM s
)
SELECT id, coalesce(num, 0)::BIGINT AS numerator, coalesce(den, 0)::BIGINT AS denominator,
       pct(num, den)::DOUBLE AS value
FROM r ORDER BY id;
