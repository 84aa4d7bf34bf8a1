-- Table 9b: statewide E-formula per group: A = share of general enrollment, P = share of special
-- education (every age), N = Σ special education, bounds A ± k × sqrt(A(100 − A)/N).
SELECT grp::VARCHAR AS "group", label::VARCHAR AS label,
       enr::BIGINT AS general_enrollment, enr_total::BIGINT AS general_enrollment_total, a::DOUBLE AS ge_percent,
       se::BIGINT AS special_education, n::BIGINT AS special_education_total, p::DOUBLE AS se_percent,
       k::DOUBLE AS k, e_min::DOUBLE AS e_min, e_max::DOUBLE AS e_max,
       over_rep AS over_represented, under_rep AS under_represented
FROM ind9_state_group WHERE scenario = 0
ORDER BY ord;
