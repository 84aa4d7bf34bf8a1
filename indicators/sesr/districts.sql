-- districts/self-review.csv: per district the record checks behind annual_iep (numerator/value) and
-- triennial (overdue_eval), and whether the monitoring cycle assigns it to $year.
SELECT d.district, d.district_name, d.selpa,
       coalesce(a.iep_overdue, 0)::BIGINT AS numerator,
       coalesce(a.served, 0)::BIGINT AS denominator,
       pct(a.iep_overdue, a.served)::DOUBLE AS value,
       coalesce(a.served, 0) > 0 OR c.district IS NOT NULL AS evaluated,
       coalesce(pct(a.iep_overdue, a.served) > s."sesr.overdue_iep_max" OR pct(a.eval_overdue, a.served) > s."sesr.overdue_eval_max", false)
         OR c.district IS NOT NULL AS flagged,
       s."sesr.overdue_iep_max"::DOUBLE AS threshold,
       coalesce(a.eval_overdue, 0)::BIGINT AS overdue_eval,
       pct(a.eval_overdue, a.served)::DOUBLE AS overdue_eval_pct,
       s."sesr.overdue_eval_max"::DOUBLE AS overdue_eval_max,
       c.district IS NOT NULL AS cyclical,
       c.review_types::VARCHAR AS review_types
FROM district_list d
CROSS JOIN (SELECT * FROM scenarios WHERE scenario = 0) s
LEFT JOIN sesr_agg a USING (district)
LEFT JOIN sesr_cycle c USING (district)
ORDER BY d.district;
