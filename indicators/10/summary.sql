-- Summary rows 10.potential and 10 (scenario 0): potentially disproportionate districts (9's DI test
-- and any (group, disability) pair over or under), and those of them whose review (ppp_reviews,
-- indicator 10, any review_year) has a row with noncompliant = Y, over 9's evaluated districts.
WITH d AS (SELECT * FROM ind10_decide WHERE scenario = 0),
nc AS (SELECT DISTINCT district FROM clean_ppp_reviews WHERE indicator = '10' AND noncompliant = 'Y'),
c AS (
  SELECT count(*) FILTER (WHERE evaluated) AS evaluated,
         count(*) FILTER (WHERE potential) AS potential,
         count(*) FILTER (WHERE potential AND district IN (SELECT district FROM nc)) AS noncompliant
  FROM d
)
SELECT id, num::BIGINT AS numerator, den::BIGINT AS denominator, pct(num, den)::DOUBLE AS value
FROM (SELECT '10.potential' AS id, potential AS num, evaluated AS den FROM c
      UNION ALL SELECT '10', noncompliant, evaluated FROM c)
ORDER BY id;
