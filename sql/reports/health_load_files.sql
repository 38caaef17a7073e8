-- The input files of the latest run (meta.load_file) with their loaded, rejected and duplicate rows. Grain: file.
select file, dialect, rows, loaded, rejected, duplicates
from meta.load_file
where load_id = (select max(load_id) from meta.etl_run)
order by file
