-- Table 20a / Attachment 20a: the Indicator 20 rubric. Section APR: one row per indicator (valid and
-- reliable, correct calculation, points of the row over its maximum), the subtotal, the timely
-- submission points (due and submission dates of the APR row) and the APR grand total. Section 618:
-- one row per table (timely, complete, passed edit check, responded to data notes; due and
-- submission dates, on time) with the subtotal and the grand total weighted to the APR maximum.
-- Section 20: C = APR + 618 grand totals over the base (2 × APR maximum), and the score.
WITH t AS (SELECT * FROM ind20_totals),
rows AS (
  SELECT 1 AS sec, coalesce(ord, 99) AS ord, indicator AS item_ord, 'APR' AS section, indicator AS item,
         'Indicator ' || indicator AS label, vr AS valid_reliable, cc AS correct_calculation,
         NULL AS timely, NULL AS complete, NULL AS passed_edit, NULL AS responded_notes,
         NULL::DATE AS due_date, NULL::DATE AS submitted_date, NULL::BOOLEAN AS on_time,
         points::DOUBLE AS points, max_points::DOUBLE AS max_points
  FROM ind20_apr
  UNION ALL SELECT 1, 100, '', 'APR', 'subtotal', 'Subtotal', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, apr_sub, apr_sub_max FROM t
  UNION ALL SELECT 1, 101, '', 'APR', 'timely', 'Timely submission points (APR/SPP submitted by its due date)', NULL, NULL, NULL, NULL, NULL, NULL,
                   d.due_date, d.submitted_date, CASE WHEN d.n_rows > 0 THEN d.on_time END, apr_timely, $ind20_timely_points
  FROM t, ind20_apr_timely d
  UNION ALL SELECT 1, 102, '', 'APR', 'total', 'APR grand total', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, apr_total, apr_max FROM t
  UNION ALL
  SELECT 2, try_cast(tbl AS INTEGER), tbl, '618', tbl, 'Table ' || tbl || coalesce(' – ' || name, ''), NULL, NULL,
         timely, complete, passed_edit, responded_notes,
         due_date, submitted_date, on_time, points, max_points
  FROM ind20_618
  UNION ALL SELECT 2, 100, '', '618', 'subtotal', 'Subtotal', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, t618_sub, t618_max FROM t
  UNION ALL SELECT 2, 101, '', '618', 'total', '618 grand total = subtotal × (APR maximum / 618 maximum)', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   t618_total, CASE WHEN t618_max > 0 THEN apr_max END FROM t
  UNION ALL SELECT 3, 1, '', '20', 'total', 'C. APR grand total + 618 grand total over the base (2 × APR maximum); E. indicator score',
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, apr_total + t618_total, CASE WHEN t618_max > 0 THEN 2 * apr_max END FROM t
)
SELECT section::VARCHAR AS section, item::VARCHAR AS item, label::VARCHAR AS label,
       valid_reliable::VARCHAR AS valid_reliable, correct_calculation::VARCHAR AS correct_calculation,
       timely::VARCHAR AS timely, complete::VARCHAR AS complete, passed_edit::VARCHAR AS passed_edit,
       responded_notes::VARCHAR AS responded_notes, due_date::DATE AS due_date, submitted_date::DATE AS submitted_date,
       on_time::BOOLEAN AS on_time, points::DOUBLE AS points, max_points::DOUBLE AS max_points,
       pct(points, max_points)::DOUBLE AS percent
FROM rows ORDER BY sec, ord, item_ord;
