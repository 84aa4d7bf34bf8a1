-- Table 9a: statewide general enrollment and special education (served December, every age) per
-- group, the risk 100 × SE/GE, the total, and the disparity index = highest − lowest risk.
SELECT grp::VARCHAR AS "group", label::VARCHAR AS label,
       enr::BIGINT AS general_enrollment, se::BIGINT AS special_education,
       risk::DOUBLE AS risk, di_position::VARCHAR AS di_position, di::DOUBLE AS disparity_index
FROM ind9_table_di WHERE scenario = 0
ORDER BY ord;
