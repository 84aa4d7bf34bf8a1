-- Table 12b: children in a and in none of b-e, percent = n / a (as the source's "Percent of All
-- Referrals"). The six day ranges hold the eligible children (PLAN_TYPE 10) whose initial IEP
-- (INIT_EVAL) came after the third birthday; [decision] the other linked children counted against the
-- percent have rows of their own (found not eligible on or after the birthday or without a date;
-- no IEP date or another PLAN_TYPE), and so do the unlinked referrals; `total` is their sum,
-- a − b − c − d − e.
WITH base AS (SELECT coalesce(sum(a), 0) AS a FROM ind12_agg),
late AS (
  SELECT CASE
           WHEN days_after IS NOT NULL THEN
             CASE WHEN days_after <= 14 THEN '1-14' WHEN days_after <= 30 THEN '15-30' WHEN days_after <= 60 THEN '31-60'
                  WHEN days_after <= 90 THEN '61-90' WHEN days_after <= 180 THEN '91-180' ELSE 'over_180' END
           WHEN category = 'unlinked' THEN 'unlinked'
           WHEN plan_type = '90' THEN 'not_eligible_late'
           ELSE 'no_iep'
         END AS row_id
  FROM ind12_records WHERE category IN ('late', 'unlinked')
),
counts AS (SELECT row_id, count(*) AS n FROM late GROUP BY row_id),
rows(ord, row_id, label, days_min, days_max) AS (VALUES
  (1, '1-14', '1 to 14 days after the third birthday', 1, 14),
  (2, '15-30', '15 to 30 days after', 15, 30),
  (3, '31-60', '31 to 60 days after', 31, 60),
  (4, '61-90', '61 to 90 days after', 61, 90),
  (5, '91-180', '91 to 180 days after', 91, 180),
  (6, 'over_180', 'More than 180 days after', 181, NULL),
  (7, 'not_eligible_late', 'Found not eligible on or after the third birthday (or no evaluation date)', NULL, NULL),
  (8, 'no_iep', 'Linked, without an IEP date by the June report or with another plan type', NULL, NULL),
  (9, 'unlinked', 'Referrals with no matching June Table A record', NULL, NULL)
)
SELECT row_id AS "row", label, days_min::INTEGER AS days_min, days_max::INTEGER AS days_max, n::BIGINT AS count,
       a::BIGINT AS denominator, pct(n, a)::DOUBLE AS percent
FROM (
  SELECT r.ord, r.row_id, r.label, r.days_min, r.days_max, coalesce(c.n, 0) AS n, base.a
  FROM rows r CROSS JOIN base LEFT JOIN counts c USING (row_id)
  UNION ALL
  SELECT 10, 'total', 'All children in a and in none of b, c, d, e', NULL, NULL, (SELECT count(*) FROM late), base.a FROM base
)
ORDER BY ord;
