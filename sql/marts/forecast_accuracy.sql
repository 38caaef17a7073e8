/*
description: How good the forecast was (METRICS.md section 8), over the backtest rows of one period
  type (marts.forecast_backtest), per method: forecast, weighted_pipeline, run_rate. All three are
  measured on the same rows: those where the forecast exists (origins with history to learn from).
  Grain: period_type, method.
columns:
  period_type: month or quarter.
  method: forecast, weighted_pipeline or run_rate.
  origins: Backtest rows measured.
  wape: sum |F - A| / sum A, DOUBLE; NULL when nothing was won.
  bias: sum (F - A) / sum A, DOUBLE (positive: the method forecast too much).
  within_10pct: Share of rows with |F - A| <= 0.1 A, DOUBLE.
  interval_coverage: Share of rows with low <= A <= high, DOUBLE; forecast only (NULL for the baselines).
  actual_won: sum A over the rows, DECIMAL(18,2).
*/
with rows as (
    select period_type, 'forecast' as method, forecast_total as f, actual_won as a, low, high
    from marts.forecast_backtest where forecast_total is not null
    union all
    select period_type, 'weighted_pipeline', baseline_weighted_pipeline, actual_won, null, null
    from marts.forecast_backtest where forecast_total is not null
    union all
    select period_type, 'run_rate', baseline_run_rate, actual_won, null, null
    from marts.forecast_backtest where forecast_total is not null
)

select
    period_type,
    method,
    count(*) as origins,
    cast(sum(abs(f - a)) as double) / nullif(cast(sum(a) as double), 0) as wape,
    cast(sum(f - a) as double) / nullif(cast(sum(a) as double), 0) as bias,
    avg(case when abs(f - a) <= 0.1 * a then 1.0 else 0.0 end) as within_10pct,
    case when method = 'forecast' then avg(case when a between low and high then 1.0 else 0.0 end) end as interval_coverage,
    cast(sum(a) as decimal(18, 2)) as actual_won
from rows
group by period_type, method
order by period_type, case method when 'forecast' then 0 when 'weighted_pipeline' then 1 else 2 end
