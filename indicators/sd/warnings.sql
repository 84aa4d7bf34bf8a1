-- W-SD-MR: before 2009-10 CBEDS `MR` meant "multiple or no response"; the module counts it as two
-- or more races (MU7). One warning per window year that has MR rows.
SELECT 'W-SD-MR' AS code,
       printf('enrollment/cbeds.csv: %d MR row(s) of %s (%d enrolled) are counted as two or more races (MU7); before 2009-10 CBEDS MR meant "multiple or no response"',
              count(*), year, sum(enrollment)) AS message
FROM clean_cbeds
WHERE upper("group") = 'MR' AND year < '2009-10' AND year IN (SELECT y FROM sd_years WHERE k < (SELECT max(m) FROM sd_cut WHERE scenario = 0))
GROUP BY year
ORDER BY year;
