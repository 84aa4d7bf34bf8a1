-- what-if scenarios.csv column sd_pairs: district × group × category pairs identified per scenario
-- (LEAs of reference/districts.csv, as the trigger).
SELECT s.scenario, count(mu.district) AS value
FROM scenarios s
LEFT JOIN sd_multi mu ON mu.scenario = s.scenario AND mu.identified AND mu.district IN (SELECT district FROM sd_leas)
GROUP BY s.scenario;
