-- Table 7 (DATA-CONTRACT.md 4): dispute/table7.csv, or the rows derived from the three case logs
-- (cases filed or requested inside the data year $y_start..$y_end). When both exist, table7.csv is
-- used and the derived rows are kept beside it for the W-T7 comparison (warnings.sql).

-- The rows of the source APR's Table 7 (Appendix 1), in its order, with its labels.
CREATE OR REPLACE TABLE dispute_rows AS
SELECT * FROM (VALUES
  (1,  'A', '1',      '(1) Total number of written, signed complaints filed'),
  (2,  'A', '1.1',    '(1.1) Complaints with reports issued'),
  (3,  'A', '1.1a',   '(a) Reports with findings of noncompliance'),
  (4,  'A', '1.1b',   '(b) Reports within timeline'),
  (5,  'A', '1.1c',   '(c) Reports within extended timelines'),
  (6,  'A', '1.2',    '(1.2) Complaints pending'),
  (7,  'A', '1.2a',   '(a) Complaints pending a due process hearing'),
  (8,  'A', '1.3',    '(1.3) Complaints withdrawn or dismissed'),
  (9,  'B', '2',      '(2) Total number of mediation requests received'),
  (10, 'B', '2.1',    '(2.1) Mediations held'),
  (11, 'B', '2.1a',   '(a) Mediations held related to due process complaints'),
  (12, 'B', '2.1a.i', '(i) Mediation agreements related to due process complaints'),
  (13, 'B', '2.1b',   '(b) Mediations held not related to due process complaints'),
  (14, 'B', '2.1b.i', '(i) Mediation agreements not related to due process'),
  (15, 'B', '2.2',    '(2.2) Mediations not held (including pending)'),
  (16, 'C', '3',      '(3) Total number of due process complaints filed'),
  (17, 'C', '3.1',    '(3.1) Resolution meetings'),
  (18, 'C', '3.1a',   '(a) Written settlement agreements'),
  (19, 'C', '3.2',    '(3.2) Hearings fully adjudicated'),
  (20, 'C', '3.2a',   '(a) Decisions within timeline (include expedited)'),
  (21, 'C', '3.2b',   '(b) Decisions within extended timeline'),
  (22, 'C', '3.3',    '(3.3) Resolved without a hearing'),
  (23, 'D', '4',      '(4) Total number of expedited due process complaints filed'),
  (24, 'D', '4.1',    '(4.1) Resolution meetings'),
  (25, 'D', '4.1a',   '(a) Written settlement agreements'),
  (26, 'D', '4.2',    '(4.2) Expedited hearings fully adjudicated'),
  (27, 'D', '4.2a',   '(a) Change of placement ordered')
) t(ord, section, row_id, label);

-- Which inputs were given. A file counts as given when it has a loaded or a rejected row (the SQL
-- cannot see a header-only file; such a log is treated as absent).
CREATE OR REPLACE TABLE dispute_given AS
SELECT EXISTS (SELECT 1 FROM clean_table7) OR EXISTS (SELECT 1 FROM rejects WHERE kind = 'table7') AS table7,
       EXISTS (SELECT 1 FROM clean_complaints) OR EXISTS (SELECT 1 FROM rejects WHERE kind = 'complaints') AS complaints,
       EXISTS (SELECT 1 FROM clean_mediations) OR EXISTS (SELECT 1 FROM rejects WHERE kind = 'mediations') AS mediations,
       EXISTS (SELECT 1 FROM clean_hearings) OR EXISTS (SELECT 1 FROM rejects WHERE kind = 'hearings') AS hearings;

-- Rows derived from the logs: one wide row per log, then unpivoted. Decision 11: section C counts
-- expedited complaints too.
CREATE OR REPLACE TABLE dispute_derived AS
WITH c AS (
  SELECT status, findings, report_date,
         coalesce(due_date, filed_date + INTERVAL 60 DAY)::DATE AS due, extended, extended_due_date
  FROM clean_complaints
  WHERE filed_date BETWEEN $y_start::DATE AND $y_end::DATE
), ca AS (
  SELECT count(*) AS "1",
         count(*) FILTER (WHERE status = 'report_issued') AS "1.1",
         count(*) FILTER (WHERE status = 'report_issued' AND findings = 'Y') AS "1.1a",
         count(*) FILTER (WHERE status = 'report_issued' AND report_date <= due) AS "1.1b",
         count(*) FILTER (WHERE status = 'report_issued' AND report_date > due AND extended = 'Y'
                            AND report_date <= extended_due_date) AS "1.1c",
         count(*) FILTER (WHERE status IN ('pending', 'pending_hearing')) AS "1.2",
         count(*) FILTER (WHERE status = 'pending_hearing') AS "1.2a",
         count(*) FILTER (WHERE status IN ('withdrawn', 'dismissed')) AS "1.3"
  FROM c
), ma AS (
  SELECT count(*) AS "2",
         count(*) FILTER (WHERE held = 'Y') AS "2.1",
         count(*) FILTER (WHERE held = 'Y' AND due_process_related = 'Y') AS "2.1a",
         count(*) FILTER (WHERE held = 'Y' AND due_process_related = 'Y' AND agreement = 'Y') AS "2.1a.i",
         count(*) FILTER (WHERE held = 'Y' AND due_process_related = 'N') AS "2.1b",
         count(*) FILTER (WHERE held = 'Y' AND due_process_related = 'N' AND agreement = 'Y') AS "2.1b.i",
         count(*) FILTER (WHERE held IS DISTINCT FROM 'Y') AS "2.2"
  FROM clean_mediations
  WHERE request_date BETWEEN $y_start::DATE AND $y_end::DATE
), h AS (
  SELECT *, outcome = 'adjudicated' AS adj FROM clean_hearings
  WHERE filed_date BETWEEN $y_start::DATE AND $y_end::DATE
), ha AS (
  SELECT count(*) AS "3",
         count(*) FILTER (WHERE resolution_meeting = 'Y') AS "3.1",
         count(*) FILTER (WHERE resolution_meeting = 'Y' AND settlement = 'Y') AS "3.1a",
         count(*) FILTER (WHERE adj) AS "3.2",
         count(*) FILTER (WHERE adj AND decision_date <= due_date) AS "3.2a",
         count(*) FILTER (WHERE adj AND decision_date > due_date AND extended = 'Y'
                            AND decision_date <= extended_due_date) AS "3.2b",
         count(*) FILTER (WHERE outcome = 'resolved') AS "3.3",
         count(*) FILTER (WHERE expedited = 'Y') AS "4",
         count(*) FILTER (WHERE expedited = 'Y' AND resolution_meeting = 'Y') AS "4.1",
         count(*) FILTER (WHERE expedited = 'Y' AND resolution_meeting = 'Y' AND settlement = 'Y') AS "4.1a",
         count(*) FILTER (WHERE expedited = 'Y' AND adj) AS "4.2",
         count(*) FILTER (WHERE expedited = 'Y' AND adj AND placement_change = 'Y') AS "4.2a"
  FROM h
)
SELECT row_id, n::BIGINT AS n FROM (
  SELECT row_id, n FROM (UNPIVOT ca ON COLUMNS(*) INTO NAME row_id VALUE n) WHERE (SELECT complaints FROM dispute_given)
  UNION ALL
  SELECT row_id, n FROM (UNPIVOT ma ON COLUMNS(*) INTO NAME row_id VALUE n) WHERE (SELECT mediations FROM dispute_given)
  UNION ALL
  SELECT row_id, n FROM (UNPIVOT ha ON COLUMNS(*) INTO NAME row_id VALUE n) WHERE (SELECT hearings FROM dispute_given)
);

-- Table 7 as published: the table7.csv row when the file has it, else the derived row (a row
-- missing from table7.csv is filled from its log when given, and warnings.sql reports the gap);
-- NULL when neither has it. Unknown row ids of table7.csv (W-T7 at load) are ignored.
CREATE OR REPLACE TABLE dispute_t7 AS
SELECT r.ord, r.section, r.row_id, r.label,
       t.count::BIGINT AS given, d.n AS derived,
       coalesce(t.count, d.n)::BIGINT AS count,
       CASE WHEN t.count IS NOT NULL THEN 'table7' WHEN d.n IS NOT NULL THEN 'derived' END AS source
FROM dispute_rows r
LEFT JOIN clean_table7 t ON t."row" = r.row_id
LEFT JOIN dispute_derived d ON d.row_id = r.row_id;
