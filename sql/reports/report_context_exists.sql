-- Whether the warehouse has marts.report_context (a warehouse built before it has not: the reports
-- then print amounts in US dollars).
select count(*) as tables from duckdb_tables() where schema_name = 'marts' and table_name = 'report_context'
