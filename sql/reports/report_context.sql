-- The latest run's report context (marts.report_context, one row): its dates, and the reporting
-- currency with the symbol amounts are printed with.
select as_of, as_of_instant, load_id, reporting_currency, currency_symbol, latest_complete_month,
       current_month_start, current_quarter_start, next_month_start, next_quarter_start,
       earliest_deal_created_at, deals
from marts.report_context
