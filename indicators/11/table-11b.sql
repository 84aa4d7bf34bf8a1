-- Table 11b: evaluations completed late (class `late`: after the due date, not in b, not excluded)
-- by days beyond the due date (INIT_EVAL − due date); percent = n / Σ of those rows (SEED-FIGURES
-- T9: the source's column "Percent of All Consents" is n / Σ table). Separate rows outside that
-- percent (no denominator): consents not evaluated by JUN, and the late ones by EVLDLAY reason
-- (every reason code that can be late under the parameters, any other code found, and blank).
WITH late AS (
  SELECT date_diff('day', due, init_eval) AS days, evldlay FROM ind11_consents WHERE class = 'late'
),
buckets(ord, category, label, lo, hi) AS (
  VALUES (1, '1-30', '1 to 30 days', 1, 30), (2, '31-60', '31 to 60 days', 31, 60), (3, '61-90', '61 to 90 days', 61, 90),
         (4, '91-120', '91 to 120 days', 91, 120), (5, '121-150', '121 to 150 days', 121, 150),
         (6, 'over_150', 'Over 150 days', 151, NULL)
),
tot AS (SELECT count(*) AS total FROM late),
by_bucket AS (
  SELECT k.ord, k.category, k.label, count(l.days) AS n
  FROM buckets k LEFT JOIN late l ON l.days >= k.lo AND (k.hi IS NULL OR l.days <= k.hi)
  GROUP BY ALL
),
-- EVLDLAY reasons (DATA-CONTRACT.md 3.5)
reasons(code, label) AS (
  VALUES ('10', 'Parent repeatedly failed or refused to produce the child'),
         ('20', 'Child enrolled in another public agency'),
         ('30', 'Parent agreed in writing to an extension'),
         ('40', 'School break of more than five school days'),
         ('50', 'Lack of assessment staff'),
         ('60', 'Scheduling or tracking error'),
         ('70', 'Student illness or missed appointments'),
         ('90', 'Other')
),
codes AS (
  SELECT code FROM reasons
  WHERE NOT code = ANY($ind11_exclude_codes) AND NOT code = ANY($ind11_state_timeline_codes)
  UNION SELECT coalesce(evldlay, '') FROM late
  UNION SELECT ''
),
by_reason AS (
  SELECT c.code, count(l.days) AS n
  FROM codes c LEFT JOIN late l ON coalesce(l.evldlay, '') = c.code
  GROUP BY ALL
),
rows AS (
  SELECT 1 AS sec, ord, 'days_beyond' AS section, category, label, n, total AS den FROM by_bucket, tot
  UNION ALL SELECT 1, 7, 'days_beyond', 'total', 'All evaluations completed late', total, total FROM tot
  UNION ALL
  SELECT 2, 1, 'not_evaluated', 'not_evaluated', 'Not evaluated by ' || $jun_date || ' (due date passed)', count(*), NULL
  FROM ind11_consents WHERE class = 'not_evaluated'
  UNION ALL
  SELECT 3, CASE WHEN b.code = '' THEN 1 ELSE 0 END, 'reason', CASE WHEN b.code = '' THEN 'blank' ELSE b.code END,
         CASE WHEN b.code = '' THEN 'Late, no reason reported (EVLDLAY blank)'
              ELSE 'Late, EVLDLAY ' || b.code || ': ' || coalesce(r.label, 'code not in the code table') END,
         b.n, NULL
  FROM by_reason b LEFT JOIN reasons r USING (code)
)
SELECT section::VARCHAR AS section, category::VARCHAR AS category, label::VARCHAR AS label,
       n::BIGINT AS count, den::BIGINT AS denominator, pct(n, den)::DOUBLE AS percent
FROM rows ORDER BY sec, ord, category;
