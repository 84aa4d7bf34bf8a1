-- Trigger 13 per scenario: a district whose percent of served students 16+ with transition goals and
-- services is below s."sesr.transition_min" (denominator > 0; 0/0 is never flagged).
CREATE OR REPLACE TEMP TABLE ind13_decide AS
SELECT s.scenario, g.district, g.compliant, g.served, pct(g.compliant, g.served) AS value,
       s."sesr.transition_min" AS threshold,
       coalesce(g.served > 0 AND pct(g.compliant, g.served) < s."sesr.transition_min", false) AS flagged
FROM ind13_agg g CROSS JOIN scenarios s
WHERE g.district IS NOT NULL;
