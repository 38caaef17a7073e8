/*
description: What each forecast learns from (int_forecast_training_windows), summed per training
  window and cell: the deals open at the training instant (int_deal_states_at_points) by current
  stage, age in that stage (0-14, 14-45, 45-120, 120+ days) and company size; their amount then;
  and which of them the timeline took to closed_won inside the window, with the amount known at
  that win. At scale a sample: the deals whose bucket is below the forecast's training_buckets
  (int_forecast_periods). Grain: origin, period_type, period_start, k, stage, age_bucket, company_size.
columns:
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the forecast's period.
  k: The training window (months back).
  stage: Stage at the training instant.
  age_bucket: Age in that stage at the training instant: 0-14, 14-45, 45-120 or 120+ (days).
  company_size: The deal's company size (core.fact_deal).
  deals: Deals open at the training instant in the cell.
  wins: Of those, deals won inside the window.
  amount_deals: Deals with an amount known at the training instant.
  amount: Sum of those amounts, DECIMAL (exact sums, so every run adds up the same).
  amount_squared: Sum of their squares, DECIMAL (exact sums, so every run adds up the same).
  won_amount: Amount known at the win of the deals won inside the window that had an amount at the training instant, DECIMAL (exact sums, so every run adds up the same).
  won_amount_all: Amount known at the win of every deal won inside the window, DECIMAL (exact sums, so every run adds up the same).
  wins_with_amount: Deals won inside the window with an amount known at the win.
*/
with states as (
    select
        states.point_at,
        states.stage,
        stage_age_bucket(states.point_at, states.stage_entered_at) as age_bucket,
        deals.company_size,
        states.amount,
        coalesce(states.won_amount, states.amount) as won_amount,
        cast(states.next_won_at as date) as won_day,
        states.bucket
    from int_deal_values_at_points as states
    join core.fact_deal as deals using (deal_id)
    where states.point_at in (select train_at from int_forecast_training_windows)
),

-- One row per training instant, cell and day of the next win (windows start and end at midnight).
at_points as (
    select
        point_at,
        stage,
        age_bucket,
        company_size,
        won_day,
        bucket,
        count(*) as deals,
        count(amount) as amount_deals,
        sum(amount) as amount,
        sum(amount * amount) as amount_squared,
        sum(won_amount) filter (where amount is not null) as won_amount,
        sum(won_amount) as won_amount_all,
        count(won_amount) as deals_with_won_amount
    from states
    group by all
)

select
    windows.origin,
    windows.period_type,
    windows.period_start,
    windows.k,
    at_points.stage,
    at_points.age_bucket,
    at_points.company_size,
    sum(at_points.deals) as deals,
    coalesce(sum(at_points.deals) filter (where at_points.won_day >= windows.window_day_start and at_points.won_day < windows.window_day_end), 0) as wins,
    sum(at_points.amount_deals) as amount_deals,
    coalesce(sum(at_points.amount), 0) as amount,
    coalesce(sum(at_points.amount_squared), 0) as amount_squared,
    coalesce(sum(at_points.won_amount) filter (where at_points.won_day >= windows.window_day_start and at_points.won_day < windows.window_day_end), 0) as won_amount,
    coalesce(sum(at_points.won_amount_all) filter (where at_points.won_day >= windows.window_day_start and at_points.won_day < windows.window_day_end), 0) as won_amount_all,
    coalesce(sum(at_points.deals_with_won_amount) filter (where at_points.won_day >= windows.window_day_start and at_points.won_day < windows.window_day_end), 0) as wins_with_amount
from (
    select *, cast(window_start as date) as window_day_start, cast(window_end as date) as window_day_end
    from int_forecast_training_windows
) as windows
join at_points
    on at_points.point_at = windows.train_at
    and at_points.bucket < windows.training_buckets
group by all
