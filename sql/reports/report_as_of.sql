-- The warehouse's latest run in the run log (meta.etl_run): its load id, its as-of date (the date
-- of every report of the warehouse), and the export folder it read (from its message; NULL when
-- the message does not say).
select
    load_id,
    as_of,
    nullif(regexp_extract(message, '; input (.+?); [0-9]+ deals, ', 1), '') as input
from meta.etl_run
order by load_id desc
limit 1
