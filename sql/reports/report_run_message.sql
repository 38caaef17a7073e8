-- The latest run's notes (meta.etl_run). One row.
select message from meta.etl_run order by load_id desc limit 1
