-- The warehouse's latest run in the run log (meta.etl_run): its load id, and its as-of date, the
-- reports' default date.
select load_id, as_of from meta.etl_run order by load_id desc limit 1
