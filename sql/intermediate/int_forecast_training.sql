/*
description: Per forecast (int_forecast_periods), what its training says beyond the rates: how
  many windows it learned from, the mean amount won (for open deals without an amount), and how
  much more the outcomes varied than independent deals would: the dispersion, sum over the
  windows of (won - expected)^2 / sum of the variance independent deals give, where expected and
  variance apply the forecast's own rates (int_forecast_rates) to each window's open deals. A
  dispersion above 1 (wins come in good and bad months together) widens the P10-P90 range.
  Grain: origin, period_type, period_start.
columns:
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the forecast's period.
  training_windows: Windows learned from (int_forecast_training_windows).
  mean_won_amount: Mean amount (known at the win) of the deals won inside the windows, DOUBLE.
  dispersion: sum (won - expected)^2 / sum variance over the windows, DOUBLE to 6 decimals; NULL with fewer than 2 windows.
*/
with cell_rates as (
    select origin, period_type, period_start, stage, age_bucket, company_size, win_probability, value_rate
    from int_forecast_rates
    where level = 'cell'
),

per_window as (
    select
        cells.origin,
        cells.period_type,
        cells.period_start,
        cells.k,
        cast(sum(cells.won_amount) as double) as won,
        sum(coalesce(rates.value_rate, 0) * cast(cells.amount as double)) as expected,
        sum(case when rates.win_probability > 0
            then (1 - rates.win_probability) / rates.win_probability * rates.value_rate * rates.value_rate * cast(cells.amount_squared as double)
            else 0 end) as variance,
        sum(cells.won_amount_all) as won_amount_all,
        sum(cells.wins_with_amount) as wins_with_amount
    from int_forecast_training_cells as cells
    join cell_rates as rates using (origin, period_type, period_start, stage, age_bucket, company_size)
    group by all
)

select
    origin,
    period_type,
    period_start,
    count(*) as training_windows,
    cast(sum(won_amount_all) as double) / nullif(sum(wins_with_amount), 0) as mean_won_amount,
    case when count(*) >= 2 then round(sum((won - expected) * (won - expected)) / nullif(sum(variance), 0), 6) end as dispersion
from per_window
group by all
