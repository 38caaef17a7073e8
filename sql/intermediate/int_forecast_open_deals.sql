/*
description: Each deal open at a forecast's origin (int_forecast_periods) with its chance of being
  won inside the period's part after the origin, [max(origin, P.start), P.end), and the amount it
  is expected to bring there, learned only from what was knowable at the origin: the deals open at
  the training instants of int_forecast_training_windows (the same moment 1..24 months earlier),
  whether their timeline entered closed_won inside the matching window, and the amount they brought
  (known at the win) against the amount they were open with. A deal's cell is its current stage,
  its age in that stage (under 14, 14-45, 45-120, 120+ days) and its company size. Each level's
  rate is shrunk toward the level above it: cell -> stage and age -> stage -> all stages, with the
  weight of 20 training deals (chance: (wins + 20 p_parent) / (deals + 20); value rate: (amount
  won + 20 m r_parent) / (amount open + 20 m), m the mean open amount), so a cell seen ten times
  says little and an unseen cell takes its parent's rate. The value rate, not the chance, prices a
  deal: bigger deals win less often, and amounts move before the close. The amount is the one known
  at the origin; a deal without one is valued at its chance times the mean amount won in the
  training windows. Grain: origin, period_type, period_start, deal_id.
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
  win_probability: The shrunk chance it is won in [max(origin, P.start), P.end), DOUBLE.
  value_rate: The shrunk share of the open amount that was won in such windows, DOUBLE.
  expected_amount: value_rate * amount (a deal without an amount: win_probability * the mean won amount), DOUBLE.
  variance: Its variance as a win of expected_amount / win_probability with chance win_probability, DOUBLE.
  cell_deals: Training deals in the deal's own cell (before shrinkage).
*/
with states as (
    select
        states.point_at,
        states.deal_id,
        states.status,
        states.stage,
        states.max_stage_order,
        states.next_won_at,
        case
            when epoch(states.point_at) - epoch(states.stage_entered_at) < 14 * 86400 then '0-14'
            when epoch(states.point_at) - epoch(states.stage_entered_at) < 45 * 86400 then '14-45'
            when epoch(states.point_at) - epoch(states.stage_entered_at) < 120 * 86400 then '45-120'
            else '120+'
        end as age_bucket,
        deals.company_size,
        values_then.amount,
        values_then.expected_close_date,
        values_then.won_amount
    from int_deal_states_at_points as states
    join int_deal_values_at_points as values_then using (point_at, deal_id)
    join core.fact_deal as deals using (deal_id)
    where states.status = 'open'
),

training as (
    select
        windows.origin,
        windows.period_type,
        windows.period_start,
        states.stage,
        states.age_bucket,
        states.company_size,
        coalesce(states.next_won_at >= windows.window_start and states.next_won_at < windows.window_end, false) as won,
        cast(states.amount as double) as amount,
        cast(coalesce(states.won_amount, states.amount) as double) as won_amount
    from int_forecast_training_windows as windows
    join states on states.point_at = windows.train_at
),

-- Per cell: deals and wins (the chance), and the amount open and the amount it brought when won
-- (the value rate: bigger deals win less often, and amounts move before the close).
cells as (
    select
        origin, period_type, period_start, stage, age_bucket, company_size,
        count(*) as deals,
        count(*) filter (where won) as wins,
        count(amount) as amount_deals,
        coalesce(sum(amount), 0) as amount,
        coalesce(sum(won_amount) filter (where won and amount is not null), 0) as won_amount
    from training
    group by all
),

by_all as (
    select
        origin, period_type, period_start,
        sum(deals) as deals, sum(wins) as wins, sum(amount_deals) as amount_deals, sum(amount) as amount, sum(won_amount) as won_amount
    from cells
    group by all
),

by_stage as (
    select origin, period_type, period_start, stage, sum(deals) as deals, sum(wins) as wins, sum(amount) as amount, sum(won_amount) as won_amount
    from cells
    group by all
),

by_age as (
    select origin, period_type, period_start, stage, age_bucket, sum(deals) as deals, sum(wins) as wins, sum(amount) as amount, sum(won_amount) as won_amount
    from cells
    group by all
),

won_amounts as (
    select origin, period_type, period_start, avg(won_amount) as mean_won_amount
    from training
    where won and won_amount is not null
    group by all
),

open_deals as (
    select
        periods.origin,
        periods.period_type,
        periods.period_start,
        states.deal_id,
        states.stage,
        states.age_bucket,
        states.company_size,
        states.amount,
        states.expected_close_date,
        states.max_stage_order
    from int_forecast_periods as periods
    join states on states.point_at = periods.origin
),

shrunk as (
    select
        open_deals.*,
        cast(by_all.wins as double) / by_all.deals as p_all,
        by_all.won_amount / nullif(by_all.amount, 0) as r_all,
        -- the prior's weight: 20 deals of the mean amount
        -- the prior weighs as much as 20 training deals of the mean amount
        20 * by_all.amount / nullif(by_all.amount_deals, 0) as prior_amount,
        coalesce(by_stage.deals, 0) as stage_deals,
        coalesce(by_stage.wins, 0) as stage_wins,
        coalesce(by_stage.amount, 0) as stage_amount,
        coalesce(by_stage.won_amount, 0) as stage_won_amount,
        coalesce(by_age.deals, 0) as age_deals,
        coalesce(by_age.wins, 0) as age_wins,
        coalesce(by_age.amount, 0) as age_amount,
        coalesce(by_age.won_amount, 0) as age_won_amount,
        coalesce(cells.deals, 0) as cell_deals,
        coalesce(cells.wins, 0) as cell_wins,
        coalesce(cells.amount, 0) as cell_amount,
        coalesce(cells.won_amount, 0) as cell_won_amount,
        won_amounts.mean_won_amount
    from open_deals
    join by_all using (origin, period_type, period_start)
    left join by_stage using (origin, period_type, period_start, stage)
    left join by_age using (origin, period_type, period_start, stage, age_bucket)
    left join cells using (origin, period_type, period_start, stage, age_bucket, company_size)
    left join won_amounts using (origin, period_type, period_start)
),

rated as (
    select
        *,
        (cell_wins + 20 * ((age_wins + 20 * ((stage_wins + 20 * p_all) / (stage_deals + 20))) / (age_deals + 20))) / (cell_deals + 20) as win_probability,
        (cell_won_amount + prior_amount * ((age_won_amount + prior_amount * ((stage_won_amount + prior_amount * coalesce(r_all, 0)) / nullif(stage_amount + prior_amount, 0))) / nullif(age_amount + prior_amount, 0)))
            / nullif(cell_amount + prior_amount, 0) as value_rate
    from shrunk
),

valued as (
    select
        *,
        case
            when amount is not null then coalesce(value_rate, win_probability) * cast(amount as double)
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
    case when win_probability > 0 then expected_amount * expected_amount * (1 - win_probability) / win_probability else 0 end as variance,
    cell_deals
from valued
