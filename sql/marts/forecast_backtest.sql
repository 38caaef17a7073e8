/*
description: The forecast's backtest (METRICS.md section 8): for each of the last 12 complete
  months the forecast made on its days 1 and 15, for each of the last 4 complete quarters the
  forecasts made on days 1, 31 and 61, each computed exactly as a run with that as-of on the same
  exports computes it (int_forecast: the same SQL, state and training cut at the origin), beside
  what was won. Company scope. Grain: period_type, period_start, as_of.
columns:
  period_type: month or quarter.
  period_start: First day of P.
  as_of: The as-of date of the forecast (the day before its origin).
  forecast_total: The forecast total made at the origin, DECIMAL(18,2); NULL when the origin had too little history to learn from.
  low: Its 10th percentile, DECIMAL(18,2).
  high: Its 90th percentile, DECIMAL(18,2).
  actual_won: Amount won with closed_at in P, as known at the run's T (core.fact_deal), DECIMAL(18,2).
  baseline_weighted_pipeline: The weighted-pipeline baseline made at the origin, DECIMAL(18,2).
  baseline_run_rate: The run-rate baseline made at the origin, DECIMAL(18,2).
  origin: The origin T of the forecast (as_of + 1 day, UTC midnight).
  period_end: First day after P.
  won_to_date: Won to date at the origin.
  expected_additional: The expected additional amount at the origin.
  training_windows: Training windows the forecast learned from.
*/
with actuals as (
    select periods.period_type, periods.period_start, coalesce(sum(deals.amount), 0) as actual_won
    from (select distinct period_type, period_start, period_end from int_forecast where kind = 'backtest') as periods
    left join core.fact_deal as deals
        on deals.status = 'won'
        and deals.closed_at >= periods.period_start
        and deals.closed_at < periods.period_end
    group by all
),

forecasts as (
    select *, expected_from_open + expected_from_new as expected_additional, sqrt(variance) as sd
    from int_forecast
    where kind = 'backtest'
)

select
    forecasts.period_type,
    forecasts.period_start,
    forecasts.as_of,
    cast(forecasts.won_to_date + forecasts.expected_additional as decimal(18, 2)) as forecast_total,
    cast(forecasts.won_to_date + greatest(forecasts.expected_additional - 1.2816 * forecasts.sd, 0) as decimal(18, 2)) as low,
    cast(forecasts.won_to_date + forecasts.expected_additional + 1.2816 * forecasts.sd as decimal(18, 2)) as high,
    cast(actuals.actual_won as decimal(18, 2)) as actual_won,
    cast(forecasts.won_to_date + forecasts.weighted_pipeline as decimal(18, 2)) as baseline_weighted_pipeline,
    cast(forecasts.won_to_date + forecasts.run_rate_mean * forecasts.remaining_share as decimal(18, 2)) as baseline_run_rate,
    forecasts.origin,
    forecasts.period_end,
    forecasts.won_to_date,
    cast(forecasts.expected_additional as decimal(18, 2)) as expected_additional,
    forecasts.training_windows
from forecasts
join actuals using (period_type, period_start)
order by forecasts.period_type, forecasts.period_start, forecasts.as_of
