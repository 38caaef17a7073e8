-- The data-quality counts of the latest run (marts.data_quality). One row.
select * from marts.data_quality
