-- The input files of the latest run (meta.load_file) with their loaded, rejected and duplicate rows.
-- The file by its name only: meta.load_file may hold the full input path, and no report shows local paths. Grain: file.
select regexp_replace(file, '^.*[/\\]', '') as file, dialect, rows, loaded, rejected, duplicates
from meta.load_file
where load_id = (select max(load_id) from meta.etl_run)
order by file
