/*
description: Each deal open at the run's T (the forecasts of kind forecast in int_forecast_periods) with its chance of being
  won inside the period's part after the origin, [max(origin, P.start), P.end), and the amount it
  is expected to bring there: the rates of its cell (current stage, age in that stage, company
  size; int_forecast_rates, learned only from what was knowable at the origin), or of the nearest
  level above when the training never saw the cell (int_forecast_cell_rates). Expected amount = value rate * the amount
  known at the origin; a deal without an amount: its chance * the mean amount won in the training
  windows (int_forecast_training). Grain: origin, period_type, period_start, deal_id.
columns:
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the period.
  deal_id: The deal, open at origin.
  stage: Its stage at origin.
  age_bucket: Its age in that stage at origin: 0-14, 14-45, 45-120 or 120+ (days).
  company_size: Its company size (core.fact_deal), the segment of its cell.
  amount: Its amount known at origin, DECIMAL(18,2); NULL when none is known.
  expected_close_date: Its expected close date known at origin.
  max_stage_order: The highest stage order it reached before origin.
  win_probability: The shrunk chance it is won in [max(origin, P.start), P.end), DOUBLE; NULL when the forecast has no training window.
  value_rate: The shrunk share of the open amount that was won in such windows, DOUBLE.
  expected_amount: value_rate * amount (a deal without an amount: win_probability * the mean won amount), DOUBLE.
  cell_deals: Training deals in the deal's own cell (0 when the training never saw it).
*/
with open_deals as (
    select
        periods.origin,
        periods.period_type,
        periods.period_start,
        states.deal_id,
        states.stage,
        stage_age_bucket(states.point_at, states.stage_entered_at) as age_bucket,
        deals.company_size,
        states.amount,
        states.expected_close_date,
        states.max_stage_order
    from int_forecast_periods as periods
    join int_deal_values_at_points as states on states.point_at = periods.origin
    join core.fact_deal as deals using (deal_id)
    where periods.kind = 'forecast'
),

rated as (
    select open_deals.*, rates.win_probability, rates.value_rate, rates.cell_deals, rates.mean_won_amount
    from open_deals
    join int_forecast_cell_rates as rates using (origin, period_type, period_start, stage, age_bucket, company_size)
),

valued as (
    select
        *,
        case
            when amount is not null then coalesce(value_rate, 0) * cast(amount as double)
            else win_probability * coalesce(mean_won_amount, 0)
        end as expected_amount
    from rated
)

select
    origin,
    period_type,
    period_start,
    deal_id,
    stage,
    age_bucket,
    company_size,
    amount,
    expected_close_date,
    max_stage_order,
    win_probability,
    value_rate,
    expected_amount,
    cell_deals
from valued
