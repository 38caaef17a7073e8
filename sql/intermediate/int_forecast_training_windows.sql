/*
description: Where each forecast of int_forecast_periods learns from: the same moment k = 1..24
  months earlier (day 15 learns from earlier days 15, a forecast of a whole next month from whole
  next months): the training instant origin - k months, and the window the outcome is counted
  in, [max(that instant, period_start - k months), period_end - k months). Only windows that end
  at or before the origin (their outcome was known then) and instants at least 90 days after the
  first deal was created (a pipeline still filling up would teach too low a rate). Grain: origin,
  period_type, period_start, k.
columns:
  origin: The forecast's origin (int_forecast_periods).
  period_type: month or quarter.
  period_start: First day of the forecast's period.
  k: How many months back, 1..24.
  train_at: The training instant: origin - k months.
  window_start: Start of the outcome window (UTC).
  window_end: End of the outcome window, exclusive (UTC).
  training_buckets: The forecast's sample of deals (int_forecast_periods).
*/
with first_deal as (
    select min(created_at) as first_created_at from core.fact_deal
)

select
    periods.origin,
    periods.period_type,
    periods.period_start,
    steps.k,
    periods.origin - to_months(steps.k) as train_at,
    greatest(periods.origin - to_months(steps.k), cast(periods.period_start - to_months(steps.k) as timestamp)) as window_start,
    cast(periods.period_end - to_months(steps.k) as timestamp) as window_end,
    periods.training_buckets
from int_forecast_periods as periods
cross join range(1, 25) as steps(k)
cross join first_deal
where cast(periods.period_end - to_months(steps.k) as timestamp) <= periods.origin
    and periods.origin - to_months(steps.k) >= first_deal.first_created_at + interval '90' day
