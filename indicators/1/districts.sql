-- districts/1.csv: each district's graduation rate; flagged when it misses the target test.
SELECT d.district, d.district_name, d.selpa,
       r.numerator::BIGINT AS numerator, r.denominator::BIGINT AS denominator, r.value::DOUBLE AS value,
       r.value IS NOT NULL AS evaluated,
       coalesce(NOT r.met, false) AS flagged,
       $ind1_min_rate::DOUBLE AS threshold,
       r.rate_prev::DOUBLE AS rate_prev_year,
       r.rate_prev2::DOUBLE AS rate_two_years_before,
       nullif(r.missing, '') AS missing_years,
       r.target_basis::VARCHAR AS target_basis
FROM district_list d LEFT JOIN ind1_result r ON r.district = d.district
ORDER BY d.district;
