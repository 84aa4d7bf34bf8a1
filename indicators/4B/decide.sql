-- Per scenario, district and group: evaluated (group N ≥ ind4b.min_n) and discrepant (its rate above
-- the bar of 4A's method, parameters and statewide rate: ind4_state).
-- A view: scenarios × district-groups is never stored (read by the district aggregate below,
-- districts/4B.csv at scenario 0 and the trigger sentences).
CREATE OR REPLACE TEMP VIEW ind4b_decisions AS
SELECT s.scenario, g.district, g.grp, g.n, g.pop, pct(g.n, g.pop) AS rate,
       ind4_bar(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop) AS bar,
       ind4_bar_note(s."ind4.bar_method", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop) AS bar_note,
       g.pop >= s."ind4b.min_n" AS evaluated,
       g.pop >= s."ind4b.min_n"
         AND coalesce(ind4_above(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", g.n, g.pop, st.n, st.pop), false) AS discrepant
FROM ind4b_agg g
CROSS JOIN ind4_state st
CROSS JOIN scenarios s;

-- Per scenario and district: evaluated = at least one evaluated group; potential = any group discrepant.
CREATE OR REPLACE TEMP TABLE ind4b_district AS
SELECT scenario, district,
       bool_or(evaluated) AS evaluated,
       bool_or(discrepant) AS potential,
       count(*) FILTER (WHERE evaluated) AS groups_evaluated,
       count(*) FILTER (WHERE discrepant) AS groups_discrepant
FROM ind4b_decisions
GROUP BY scenario, district;
