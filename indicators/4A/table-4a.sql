-- Table 4a: noncompliance findings per compliance-test item of the special self-reviews
-- (reviews/ppp_reviews.csv rows of indicator 4A with an item_no), most findings first.
-- Every row of the file counts, whatever its review_year (the file holds the reviews the APR reports).
WITH items AS (
  SELECT item_no,
         coalesce(sum(findings), 0) AS n_findings,
         count(DISTINCT district) FILTER (WHERE findings > 0) AS n_with,
         count(DISTINCT district) AS n_reviewed
  FROM clean_ppp_reviews
  WHERE indicator = '4A' AND item_no IS NOT NULL
  GROUP BY item_no
)
SELECT item_no::VARCHAR AS item_no, n_findings::BIGINT AS findings, n_with::BIGINT AS districts_with_findings,
       n_reviewed::BIGINT AS districts_reviewed, pct(n_with, n_reviewed)::DOUBLE AS districts_with_findings_pct
FROM items
ORDER BY n_findings DESC, try_cast(item_no AS INTEGER) NULLS LAST, item_no;
