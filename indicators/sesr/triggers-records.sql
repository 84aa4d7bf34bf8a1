-- Triggers annual_iep and triennial: a district whose share of overdue records is above the cut point.
SELECT s.scenario, a.district, 'annual_iep' AS "trigger", pct(a.iep_overdue, a.served) AS value,
       s."sesr.overdue_iep_max" AS threshold, a.iep_overdue AS numerator, a.served AS denominator,
       printf('%d of %d served students (%s%%) had no IEP meeting within one year of the December count or their exit; the allowed share is %s%%.',
              a.iep_overdue, a.served, fmt2(pct(a.iep_overdue, a.served)), fmt2(s."sesr.overdue_iep_max")) AS explanation
FROM sesr_agg a CROSS JOIN scenarios s
WHERE pct(a.iep_overdue, a.served) > s."sesr.overdue_iep_max"
UNION ALL
SELECT s.scenario, a.district, 'triennial', pct(a.eval_overdue, a.served),
       s."sesr.overdue_eval_max", a.eval_overdue, a.served,
       printf('%d of %d served students (%s%%) had no evaluation within three years of the December count or their exit; the allowed share is %s%%.',
              a.eval_overdue, a.served, fmt2(pct(a.eval_overdue, a.served)), fmt2(s."sesr.overdue_eval_max"))
FROM sesr_agg a CROSS JOIN scenarios s
WHERE pct(a.eval_overdue, a.served) > s."sesr.overdue_eval_max";
