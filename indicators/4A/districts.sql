-- districts/4A.csv: every district with n (students over the days cut), N, the rate, evaluated
-- (N ≥ ind4.min_n), flagged (discrepant) and the bar of scenario 0; ratio_to_state = rate / statewide rate.
SELECT d.district, d.district_name, d.selpa,
       coalesce(a.n, 0)::BIGINT AS numerator,
       coalesce(a.pop, 0)::BIGINT AS denominator,
       pct(a.n, a.pop)::DOUBLE AS value,
       coalesce(x.evaluated, false) AS evaluated,
       coalesce(x.discrepant, false) AS flagged,
       ind4_bar(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop)::DOUBLE AS threshold,
       pct(st.n, st.pop)::DOUBLE AS state_rate,
       (CASE WHEN st.n > 0 AND a.pop > 0 THEN (a.n::DOUBLE / a.pop) / (st.n::DOUBLE / st.pop) END)::DOUBLE AS ratio_to_state,
       s."ind4.bar_method"::VARCHAR AS bar_method
FROM district_list d
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
CROSS JOIN ind4_state st
LEFT JOIN ind4_agg a USING (district)
LEFT JOIN ind4_decisions x ON x.scenario = 0 AND x.district = d.district
ORDER BY d.district;
