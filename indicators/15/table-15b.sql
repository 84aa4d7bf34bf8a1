-- Table 15b: every cluster of APR indicators (DATA-CONTRACT.md 4, in that order) × general
-- supervision component, zero rows included: LEAs issued findings, findings (a), corrected within
-- one year (b), percent. Then the totals per component and overall (cluster `total`); their
-- `districts` are distinct LEAs, not the sum of the rows (an LEA has findings in several clusters).
WITH clusters(ord, cluster, label) AS (VALUES
  (1, '1-2-14', '1. Graduation; 2. Dropout; 14. Post-school outcomes'),
  (2, '3-7', '3. Statewide assessments; 7. Preschool outcomes'),
  (3, '4A', '4A. Significant discrepancy in suspensions and expulsions'),
  (4, '4B', '4B. Significant discrepancy in suspensions and expulsions by race/ethnicity'),
  (5, '5-6', '5. Educational placements, ages 6-21; 6. Preschool placements'),
  (6, '8', '8. Parent involvement'),
  (7, '9-10', '9, 10. Disproportionate representation'),
  (8, '11', '11. Evaluation within 60 days of parental consent'),
  (9, '12', '12. Part C to Part B transition by the third birthday'),
  (10, '13', '13. Secondary transition goals and services'),
  (11, 'other-procedural', 'Other: local monitoring of procedural guarantees, timelines, FAPE and educational benefit'),
  (12, 'other-personnel', 'Other: qualified personnel'),
  (13, 'total', 'All indicators')
),
components(cord, component, component_label) AS (VALUES
  (1, 'monitoring', 'Monitoring activities: self-assessment/local APR, data review, desk audit, on-site visits, or other'),
  (2, 'dispute', 'Dispute resolution: complaints, hearings'),
  (3, 'total', 'All components')
),
cells AS (
  SELECT coalesce(cluster, 'total') AS cluster, coalesce(component, 'total') AS component,
         count(DISTINCT district) AS districts, sum(findings) AS findings, sum(corrected) AS corrected
  FROM ind15_agg
  GROUP BY GROUPING SETS ((cluster, component), (component), ())
)
SELECT c.cluster::VARCHAR AS cluster, p.component::VARCHAR AS component, c.label::VARCHAR AS label,
       p.component_label::VARCHAR AS component_label, coalesce(x.districts, 0)::BIGINT AS districts,
       coalesce(x.findings, 0)::BIGINT AS findings, coalesce(x.corrected, 0)::BIGINT AS corrected,
       pct(x.corrected, x.findings)::DOUBLE AS percent
FROM clusters c CROSS JOIN components p
LEFT JOIN cells x ON x.cluster = c.cluster AND x.component = p.component
WHERE c.cluster = 'total' OR p.component <> 'total'   -- per-cluster rows by component; totals by component and overall
ORDER BY c.ord, p.cord;
