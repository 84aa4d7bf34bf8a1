-- Consistency checks of the rubric: the APR row (the timely points) is missing or has no due date.
SELECT 'W-20-APR'::VARCHAR AS code,
       'submissions/apr_rubric.csv has no APR row: the APR timely submission points are 0 (the maximum still counts them)'::VARCHAR AS message
FROM ind20_apr_timely WHERE n_rows = 0
UNION ALL
SELECT 'W-20-APR', 'submissions/apr_rubric.csv: the APR row has no due_date or no submitted_date: the APR is not counted on time'
FROM ind20_apr_timely WHERE n_rows > 0 AND (due_date IS NULL OR submitted_date IS NULL)
ORDER BY code, message;
