-- The warehouse's as-of date: that of the latest run in the run log (meta.etl_run).
select as_of from meta.etl_run order by load_id desc limit 1
