-- Every table and view of the warehouse, to check before reading that it has every mart the
-- report queries read (a warehouse built by an older version may lack some).
select schema_name || '.' || table_name as name from duckdb_tables()
union all
select schema_name || '.' || view_name from duckdb_views() where not internal
