-- The as-of, load, currency and period starts the reports show (marts.report_context). One row.
select * from marts.report_context
