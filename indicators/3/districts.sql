-- districts/3.csv: per district its all-AYP determination (numerator/denominator 1/1 met, 0/1 not
-- met, 0/0 not evaluated: below min n on both rows, a row missing, or a blank flag), the Table 3a
-- component flags (empty when not determined), and per subject its participation (3B) and
-- proficiency (3C) rates with their parts and its type's AMO. flagged = determined and not met.
WITH c AS (
  SELECT district,
         bool_or(determined) FILTER (WHERE component = 'all_ayp') AS all_det,
         bool_or(met) FILTER (WHERE component = 'all_ayp') AS all_met,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'participation_ela') AS p_ela,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'participation_math') AS p_math,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'participation_both') AS p_both,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'proficiency_ela') AS r_ela,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'proficiency_math') AS r_math,
         max(CASE WHEN determined THEN met END) FILTER (WHERE component = 'proficiency_both') AS r_both
  FROM ind3_ayp GROUP BY district
)
SELECT l.district, l.district_name, l.selpa,
       (CASE WHEN c.all_det AND c.all_met THEN 1 ELSE 0 END)::BIGINT AS numerator,
       (CASE WHEN c.all_det THEN 1 ELSE 0 END)::BIGINT AS denominator,
       (CASE WHEN c.all_det THEN pct(CASE WHEN c.all_met THEN 1 ELSE 0 END, 1) END)::DOUBLE AS value,
       coalesce(c.all_det, false) AS evaluated,
       coalesce(c.all_det AND NOT c.all_met, false) AS flagged,
       NULL::DOUBLE AS threshold,
       l.district_type::VARCHAR AS district_type,
       d.e_n::BIGINT AS ela_swd_enrolled,
       d.m_n::BIGINT AS math_swd_enrolled,
       c.p_ela::BOOLEAN AS met_participation_ela,
       c.p_math::BOOLEAN AS met_participation_math,
       c.p_both::BOOLEAN AS met_participation_both,
       c.r_ela::BOOLEAN AS met_proficiency_ela,
       c.r_math::BOOLEAN AS met_proficiency_math,
       c.r_both::BOOLEAN AS met_proficiency_both,
       coalesce(d.e_participants, 0)::BIGINT AS ela_participants,
       coalesce(d.e_window, 0)::BIGINT AS ela_enrolled_window,
       pct(d.e_participants, d.e_window)::DOUBLE AS ela_participation_rate,
       coalesce(d.m_participants, 0)::BIGINT AS math_participants,
       coalesce(d.m_window, 0)::BIGINT AS math_enrolled_window,
       pct(d.m_participants, d.m_window)::DOUBLE AS math_participation_rate,
       coalesce(d.e_proficient, 0)::BIGINT AS ela_proficient_fay,
       coalesce(d.e_fay, 0)::BIGINT AS ela_enrolled_fay,
       pct(d.e_proficient, d.e_fay)::DOUBLE AS ela_proficiency_rate,
       a.amo_ela::DOUBLE AS ela_amo,
       coalesce(d.m_proficient, 0)::BIGINT AS math_proficient_fay,
       coalesce(d.m_fay, 0)::BIGINT AS math_enrolled_fay,
       pct(d.m_proficient, d.m_fay)::DOUBLE AS math_proficiency_rate,
       a.amo_math::DOUBLE AS math_amo
FROM district_list l
LEFT JOIN c USING (district)
LEFT JOIN ind3_district d USING (district)
LEFT JOIN ind3_amo a ON a.district_type = l.district_type
ORDER BY l.district;
