/*
description: The rates that price each cell of open deals (int_forecast_open_cells): the cell's
  own (int_forecast_rates, level cell) or, for a cell the training never saw, the nearest level's
  above it (stage and age, then stage, then all stages), which is exactly what shrinkage gives a
  cell without training deals. Grain: origin, period_type, period_start, stage, age_bucket, company_size.
columns:
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the period.
  stage: Stage at the origin.
  age_bucket: Age in that stage at the origin.
  company_size: Company size.
  win_probability: The chance of being won in [max(origin, P.start), P.end), DOUBLE; NULL without training.
  value_rate: The share of the open amount won in that span, DOUBLE; 0 without training.
  cell_deals: Training deals in the cell itself (0 when the training never saw it).
  mean_won_amount: Mean amount won in the training windows (int_forecast_training), DOUBLE; 0 without training.
*/
with cells as (
    select distinct origin, period_type, period_start, stage, age_bucket, company_size
    from int_forecast_open_cells
)

select
    cells.origin,
    cells.period_type,
    cells.period_start,
    cells.stage,
    cells.age_bucket,
    cells.company_size,
    coalesce(cell_rates.win_probability, age_rates.win_probability, stage_rates.win_probability, all_rates.win_probability) as win_probability,
    coalesce(cell_rates.value_rate, age_rates.value_rate, stage_rates.value_rate, all_rates.value_rate, 0) as value_rate,
    coalesce(cell_rates.deals, 0) as cell_deals,
    coalesce(training.mean_won_amount, 0) as mean_won_amount
from cells
left join int_forecast_training as training using (origin, period_type, period_start)
left join int_forecast_rates as all_rates
    on all_rates.level = 'all'
    and all_rates.origin = cells.origin and all_rates.period_type = cells.period_type and all_rates.period_start = cells.period_start
left join int_forecast_rates as stage_rates
    on stage_rates.level = 'stage' and stage_rates.stage = cells.stage
    and stage_rates.origin = cells.origin and stage_rates.period_type = cells.period_type and stage_rates.period_start = cells.period_start
left join int_forecast_rates as age_rates
    on age_rates.level = 'age' and age_rates.stage = cells.stage and age_rates.age_bucket = cells.age_bucket
    and age_rates.origin = cells.origin and age_rates.period_type = cells.period_type and age_rates.period_start = cells.period_start
left join int_forecast_rates as cell_rates
    on cell_rates.level = 'cell' and cell_rates.stage = cells.stage and cell_rates.age_bucket = cells.age_bucket
    and cell_rates.company_size = cells.company_size
    and cell_rates.origin = cells.origin and cell_rates.period_type = cells.period_type and cell_rates.period_start = cells.period_start
