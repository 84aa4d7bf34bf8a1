-- Summary rows 9.potential and 9 (scenario 0): potentially disproportionate districts, and those of
-- them whose review of policies, procedures and practices (reviews/ppp_reviews.csv, indicator 9,
-- any review_year) has a row with noncompliant = Y, over the evaluated districts (SE(d) > min_se).
-- Without the reviews file the engine marks `9` not computed (the measure `needs` it).
WITH d AS (SELECT * FROM ind9_decide WHERE scenario = 0),
nc AS (SELECT DISTINCT district FROM clean_ppp_reviews WHERE indicator = '9' AND noncompliant = 'Y'),
c AS (
  SELECT count(*) FILTER (WHERE evaluated) AS evaluated,
         count(*) FILTER (WHERE potential) AS potential,
         count(*) FILTER (WHERE potential AND district IN (SELECT district FROM nc)) AS noncompliant
  FROM d
)
SELECT id, num::BIGINT AS numerator, den::BIGINT AS denominator, pct(num, den)::DOUBLE AS value
FROM (SELECT '9.potential' AS id, potential AS num, evaluated AS den FROM c
      UNION ALL SELECT '9', noncompliant, evaluated FROM c)
ORDER BY id;
