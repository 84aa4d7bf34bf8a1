-- districts/4B.csv: one row per district × APR group (scenario 0): the group's n, N, rate, evaluated
-- (N ≥ ind4b.min_n), flagged (discrepant) and the bar; potential = any group of the district
-- discrepant; review_noncompliant = its 4B policy review found noncompliance.
SELECT d.district, d.district_name, d.selpa,
       coalesce(g.n, 0)::BIGINT AS numerator,
       coalesce(g.pop, 0)::BIGINT AS denominator,
       pct(g.n, g.pop)::DOUBLE AS value,
       coalesce(x.evaluated, false) AS evaluated,
       coalesce(x.discrepant, false) AS flagged,
       ind4_bar(s."ind4.bar_method", s."ind4.bar", s."ind4.multiple", s."ind4.rate_ratio", st.n, st.pop)::DOUBLE AS threshold,
       gr.grp::VARCHAR AS "group",
       gr.group_name::VARCHAR AS group_name,
       coalesce(p.potential, false) AS potential,
       coalesce(r.noncompliant, false) AS review_noncompliant
FROM district_list d
CROSS JOIN ind4b_groups gr
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
CROSS JOIN ind4_state st
LEFT JOIN ind4b_agg g ON g.district = d.district AND g.grp = gr.grp
LEFT JOIN ind4b_decisions x ON x.scenario = 0 AND x.district = d.district AND x.grp = gr.grp
LEFT JOIN ind4b_district p ON p.scenario = 0 AND p.district = d.district
LEFT JOIN ind4b_reviews r ON r.district = d.district
ORDER BY d.district, gr.ord;
