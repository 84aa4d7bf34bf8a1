-- tables/table-7.csv: every row of the source's Table 7 in its order, with its count and where the
-- count came from (`table7` = dispute/table7.csv, `derived` = the case logs, empty = neither).
SELECT row_id::VARCHAR AS "row",
       (CASE section
          WHEN 'A' THEN 'SECTION A: WRITTEN, SIGNED COMPLAINTS'
          WHEN 'B' THEN 'SECTION B: MEDIATION REQUESTS'
          WHEN 'C' THEN 'SECTION C: DUE PROCESS COMPLAINTS'
          ELSE 'SECTION D: EXPEDITED DUE PROCESS COMPLAINTS (RELATED TO DISCIPLINARY DECISION)'
        END)::VARCHAR AS section,
       label::VARCHAR AS label,
       count::BIGINT AS count,
       source::VARCHAR AS source
FROM dispute_t7
ORDER BY ord;
