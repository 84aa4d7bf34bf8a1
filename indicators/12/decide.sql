-- Trigger 12 per scenario (INDICATORS.md, Self-review identification list): a district whose percent
-- c / (a − b − d [− e]) is below s."sesr.timeline_min" with at least one late or missing case
-- (den − c > 0: a child linked late, not yet served, or not linked at all). 0/0 is never flagged.
CREATE OR REPLACE TEMP TABLE ind12_decide AS
SELECT s.scenario, g.district, g.c, g.den, pct(g.c, g.den) AS value, s."sesr.timeline_min" AS threshold,
       coalesce(g.den > 0 AND g.den - g.c > 0 AND pct(g.c, g.den) < s."sesr.timeline_min", false) AS flagged
FROM ind12_agg g CROSS JOIN scenarios s
WHERE g.district IS NOT NULL;
