-- Per scenario and district: evaluated (N ≥ ind4.min_n) and discrepant (evaluated and the rate above
-- the bar of ind4.bar_method; at the bar is not). Decide parameters come only from `scenarios`.
CREATE OR REPLACE TEMP TABLE ind4_decisions AS
SELECT s.scenario, a.district, a.n, a.pop, pct(a.n, a.pop) AS rate,
       s."ind4.bar_method" AS bar_method,
       ind4_bar(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop) AS bar,
       ind4_bar_note(s."ind4.bar_method", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop) AS bar_note,
       a.pop >= s."ind4.min_n" AS evaluated,
       a.pop >= s."ind4.min_n"
         AND coalesce(ind4_above(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", a.n, a.pop, st.n, st.pop), false) AS discrepant
FROM ind4_agg a
CROSS JOIN ind4_state st
CROSS JOIN scenarios s;
