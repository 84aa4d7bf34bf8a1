-- Table 15a: a (findings), b (corrected within one year), the percent b / a, then a − b split into
-- corrected later and not yet corrected (the source's "680 … 533 subsequently corrected").
WITH t AS (
  SELECT coalesce(sum(findings), 0) AS a, coalesce(sum(corrected), 0) AS b,
         coalesce(sum(corrected_late), 0) AS late, coalesce(sum(uncorrected), 0) AS open
  FROM ind15_agg
),
w AS (SELECT strftime(w_start, '%m/%d/%Y') AS f, strftime(w_end - 1, '%m/%d/%Y') AS t FROM ind15_window),
rows AS (
  SELECT 1 AS ord, 'a' AS item, 'a. Number of findings of noncompliance (notified ' || w.f || ' to ' || w.t || ')' AS label, a AS n, NULL AS num, NULL AS den FROM t, w
  UNION ALL SELECT 2, 'b', 'b. Number of corrections completed as soon as possible but in no case later than one year from identification ('
                || $ind15_correction_days::VARCHAR || ' days)', b, NULL, NULL FROM t
  UNION ALL SELECT 3, 'percent', 'Percent = [(b) divided by (a)] times 100', NULL, b, a FROM t
  UNION ALL SELECT 4, 'corrected_late', 'Corrected more than ' || $ind15_correction_days::VARCHAR || ' days after notification', late, NULL, NULL FROM t
  UNION ALL SELECT 5, 'uncorrected', 'Correction not yet verified', open, NULL, NULL FROM t
)
SELECT item::VARCHAR AS item, label::VARCHAR AS label, n::BIGINT AS count, num::BIGINT AS numerator,
       den::BIGINT AS denominator, pct(num, den)::DOUBLE AS percent
FROM rows ORDER BY ord;
