/*
description: The rates each forecast applies to a deal open at its origin, learned from
  int_forecast_training_cells (all its training windows together) at four levels: all stages,
  stage, stage and age in stage, and the cell (stage, age, company size). Each level is shrunk
  toward the one above with the weight of 20 training deals: chance = (wins + 20 p_parent) /
  (deals + 20); value rate = (amount won + 20 m r_parent) / (amount open + 20 m), m the mean
  amount open; so a cell seen ten times says little, and a cell never seen takes its parent's
  rates. The value rate, the share of the open amount that was won, prices a deal: bigger deals
  win less often and amounts move before the close. Grain: origin, period_type, period_start,
  level, stage, age_bucket, company_size.
columns:
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the forecast's period.
  level: all, stage, age (stage and age in stage) or cell (stage, age and company size).
  stage: The stage (NULL for level all).
  age_bucket: The age bucket (levels age and cell).
  company_size: The company size (level cell).
  deals: Training deals at this level.
  win_probability: The shrunk chance of being won inside the window, DOUBLE.
  value_rate: The shrunk share of the open amount won inside the window, DOUBLE.
*/
with cells as (
    select
        origin, period_type, period_start, stage, age_bucket, company_size,
        sum(deals) as deals, sum(wins) as wins, sum(amount_deals) as amount_deals, sum(amount) as amount, sum(won_amount) as won_amount
    from int_forecast_training_cells
    group by all
),

by_all as (
    select
        origin, period_type, period_start,
        sum(deals) as deals,
        sum(wins) as wins,
        cast(sum(wins) as double) / sum(deals) as win_probability,
        cast(sum(won_amount) as double) / nullif(cast(sum(amount) as double), 0) as value_rate,
        20 * cast(sum(amount) as double) / nullif(sum(amount_deals), 0) as prior_amount
    from cells
    group by all
),

by_stage as (
    select
        cells.origin, cells.period_type, cells.period_start, cells.stage,
        sum(cells.deals) as deals,
        (sum(cells.wins) + 20 * any_value(by_all.win_probability)) / (sum(cells.deals) + 20) as win_probability,
        (cast(sum(cells.won_amount) as double) + any_value(by_all.prior_amount * coalesce(by_all.value_rate, 0)))
            / nullif(cast(sum(cells.amount) as double) + any_value(by_all.prior_amount), 0) as value_rate
    from cells
    join by_all using (origin, period_type, period_start)
    group by all
),

by_age as (
    select
        cells.origin, cells.period_type, cells.period_start, cells.stage, cells.age_bucket,
        sum(cells.deals) as deals,
        (sum(cells.wins) + 20 * any_value(by_stage.win_probability)) / (sum(cells.deals) + 20) as win_probability,
        (cast(sum(cells.won_amount) as double) + any_value(by_all.prior_amount * coalesce(by_stage.value_rate, 0)))
            / nullif(cast(sum(cells.amount) as double) + any_value(by_all.prior_amount), 0) as value_rate
    from cells
    join by_all using (origin, period_type, period_start)
    join by_stage using (origin, period_type, period_start, stage)
    group by all
),

by_cell as (
    select
        cells.origin, cells.period_type, cells.period_start, cells.stage, cells.age_bucket, cells.company_size,
        cells.deals,
        (cells.wins + 20 * by_age.win_probability) / (cells.deals + 20) as win_probability,
        (cast(cells.won_amount as double) + by_all.prior_amount * coalesce(by_age.value_rate, 0))
            / nullif(cast(cells.amount as double) + by_all.prior_amount, 0) as value_rate
    from cells
    join by_all using (origin, period_type, period_start)
    join by_age using (origin, period_type, period_start, stage, age_bucket)
)

select origin, period_type, period_start, 'all' as level, null as stage, null as age_bucket, null as company_size, deals, win_probability, value_rate from by_all
union all
select origin, period_type, period_start, 'stage', stage, null, null, deals, win_probability, value_rate from by_stage
union all
select origin, period_type, period_start, 'age', stage, age_bucket, null, deals, win_probability, value_rate from by_age
union all
select origin, period_type, period_start, 'cell', stage, age_bucket, company_size, deals, win_probability, value_rate from by_cell
