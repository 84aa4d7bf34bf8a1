-- Table 12a: the measurement items a-e and the percent c / (a − b − d [− e]) (rows as in the source).
-- e is 0 unless ind12.exclude_late_referrals (the FFY 2008 source did not apply it).
WITH s AS (
  SELECT coalesce(sum(a), 0) AS a, coalesce(sum(b), 0) AS b, coalesce(sum(c), 0) AS c,
         coalesce(sum(d), 0) AS d, coalesce(sum(e), 0) AS e, coalesce(sum(den), 0) AS den
  FROM ind12_agg
),
rows AS (
  SELECT 1 AS ord, 'a' AS item, 'Children served in Part C and referred to Part B for eligibility determination before age 3' AS label,
         a AS n, NULL AS num, NULL AS den FROM s
  UNION ALL SELECT 2, 'b', 'Referred children found not eligible, with eligibility determined before the third birthday', b, NULL, NULL FROM s
  UNION ALL SELECT 3, 'c', 'Children found eligible with an IEP developed and implemented by the third birthday', c, NULL, NULL FROM s
  UNION ALL SELECT 4, 'd', 'Children whose parent''s refusal to provide consent delayed evaluation or initial services', d, NULL, NULL FROM s
  UNION ALL SELECT 5, 'e', printf('Children referred to Part C less than %d days before the third birthday (counted only when excluded)', $ind12_late_referral_days), e, NULL, NULL FROM s
  UNION ALL SELECT 6, 'percent', 'Percent with an IEP by the third birthday: c / (a - b - d - e)', NULL, c, den FROM s
)
SELECT item, label, n::BIGINT AS count, num::BIGINT AS numerator, den::BIGINT AS denominator,
       pct(num, den)::DOUBLE AS percent
FROM rows ORDER BY ord;
