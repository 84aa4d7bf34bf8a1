-- Table 10a: the statewide disparity index, as Table 9a (the source prints the same figures).
SELECT grp::VARCHAR AS "group", label::VARCHAR AS label,
       enr::BIGINT AS general_enrollment, se::BIGINT AS special_education,
       risk::DOUBLE AS risk, di_position::VARCHAR AS di_position, di::DOUBLE AS disparity_index
FROM ind9_table_di WHERE scenario = 0
ORDER BY ord;
