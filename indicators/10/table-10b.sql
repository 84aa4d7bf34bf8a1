-- Table 10b: statewide E-formula per disability × group (special education of every age): P = the
-- group's share of the disability, A = its share of the base (ind10.a_base), N = the disability total.
SELECT disability::VARCHAR AS disability, disability_name::VARCHAR AS disability_label,
       grp::VARCHAR AS "group", label::VARCHAR AS label,
       se::BIGINT AS special_education, n_c::BIGINT AS disability_total, p::DOUBLE AS se_percent,
       base_n::BIGINT AS base_count, base_total::BIGINT AS base_total, a::DOUBLE AS base_percent,
       a_base::VARCHAR AS a_base, k::DOUBLE AS k, e_min::DOUBLE AS e_min, e_max::DOUBLE AS e_max,
       over_rep AS over_represented, under_rep AS under_represented
FROM ind10_state_pair WHERE scenario = 0
ORDER BY d_ord, ord;
