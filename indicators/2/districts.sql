-- districts/2.csv: one-year rate (dropouts / enrollment) and the four-year derived rate;
-- flagged when the four-year rate is above the target ($t_2_four_year).
SELECT d.district, d.district_name, d.selpa,
       r.dropouts::BIGINT AS numerator, r.enrollment::BIGINT AS denominator,
       pct(r.dropouts, r.enrollment)::DOUBLE AS value,
       coalesce(r.enrollment > 0, false) AS evaluated,
       coalesce(r.grades_ok = 4 AND 100.0 * (1 - r.survival) > $t_2_four_year, false) AS flagged,
       $t_2_four_year::DOUBLE AS threshold,
       CASE WHEN r.grades_ok = 4 THEN 100.0 * (1 - r.survival) END::DOUBLE AS four_year_rate
FROM district_list d LEFT JOIN ind2_rates r ON r.district = d.district
ORDER BY d.district;
