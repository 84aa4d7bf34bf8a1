-- Table 3a: districts meeting each AYP objective of the disability subgroup / districts measured
-- (determined for that component, INDICATORS.md 3). The "all_ayp" row is 3A.
SELECT c.component, c.area, c.subject_label AS subject,
       count(*) FILTER (WHERE a.determined)::BIGINT AS measured,
       count(*) FILTER (WHERE a.met)::BIGINT AS met,
       pct(count(*) FILTER (WHERE a.met), count(*) FILTER (WHERE a.determined))::DOUBLE AS percent
FROM ind3_components c LEFT JOIN ind3_ayp a USING (component)
GROUP BY c.ord, c.component, c.area, c.subject_label
ORDER BY c.ord;
