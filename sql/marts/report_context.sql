/*
description: What every report of this load says about itself, in one row: the run, its as-of
  date and instant, the reporting currency and the symbol amounts are printed with, and the
  periods the reports show (METRICS.md sections 1 and 8). Reports read their dates and currency
  from here. Grain: one row.
columns:
  as_of: The run's as-of date.
  as_of_instant: The as-of instant T: the start of the day after as_of (UTC).
  load_id: The run (meta.etl_run).
  reporting_currency: The currency every amount is in (ISO 4217 code, e.g. USD).
  currency_symbol: What amounts are printed with: $ for USD, € for EUR, £ for GBP, ¥ for JPY, "CHF " for CHF, else the code and a space.
  latest_complete_month: The latest complete month M: the first day of the last calendar month that ends at or before T.
  current_month_start: First day of the month that contains as_of.
  current_quarter_start: First day of the quarter that contains as_of.
  next_month_start: First day of the month after the current one.
  next_quarter_start: First day of the quarter after the current one.
  earliest_deal_created_at: The earliest created_at in core.fact_deal; NULL when it holds no deal.
  deals: Deals in core.fact_deal.
  has_forecast_category: True when any deal in core.fact_deal has a forecast category (the export carries the CRM's, core.fact_deal.forecast_category); false otherwise.
*/
with symbols as (
    select * from (values
        ('USD', '$'),
        ('EUR', '€'),
        ('GBP', '£'),
        ('JPY', '¥'),
        ('CHF', 'CHF ')
    ) as symbols(currency, symbol)
),

deals as (
    select min(created_at) as earliest_deal_created_at, count(*) as deals,
        count(forecast_category) > 0 as has_forecast_category
    from core.fact_deal
)

select
    params.as_of,
    params.as_of_instant,
    params.load_id,
    params.reporting_currency,
    coalesce(symbols.symbol, params.reporting_currency || ' ') as currency_symbol,
    cast(date_trunc('month', params.as_of_instant) - interval '1' month as date) as latest_complete_month,
    cast(date_trunc('month', params.as_of) as date) as current_month_start,
    cast(date_trunc('quarter', params.as_of) as date) as current_quarter_start,
    cast(date_trunc('month', params.as_of) + interval '1' month as date) as next_month_start,
    cast(date_trunc('quarter', params.as_of) + interval '3' month as date) as next_quarter_start,
    deals.earliest_deal_created_at,
    deals.deals,
    deals.has_forecast_category
from run_params as params
cross join deals
left join symbols on symbols.currency = upper(params.reporting_currency)
