/*
description: Win rate, deal size, sales cycle and velocity by month and segment: closes of
  marts.outcomes_monthly rolled up to each segment type, beside marts.velocity_monthly (velocity
  as of the month's end). Grain: month, segment_type, segment_value.
columns:
  month: First day of the month.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  closed: Deals closed in the month.
  won: Deals won in the month.
  win_rate: won / closed; NULL when none closed.
  value_win_rate: Amount won / amount closed, over closed deals with an amount; NULL when there is none.
  avg_won_amount: Mean amount of the deals won in the month (deals without an amount left out).
  mean_won_cycle_days: Mean sales cycle of the deals won in the month.
  open_opportunities: Open opportunities at the month's end (marts.velocity_monthly).
  velocity_per_day: Sales velocity as of the month's end (marts.velocity_monthly).
*/
with outcomes as (
    select month, 'all' as segment_type, 'all' as segment_value, won, lost, amount_won, amount_lost, won_with_amount, cycle_days_won_sum from marts.outcomes_monthly
    union all select month, 'region', region, won, lost, amount_won, amount_lost, won_with_amount, cycle_days_won_sum from marts.outcomes_monthly
    union all select month, 'product', product, won, lost, amount_won, amount_lost, won_with_amount, cycle_days_won_sum from marts.outcomes_monthly
    union all select month, 'company_size', company_size, won, lost, amount_won, amount_lost, won_with_amount, cycle_days_won_sum from marts.outcomes_monthly
    union all select month, 'lead_type', lead_type, won, lost, amount_won, amount_lost, won_with_amount, cycle_days_won_sum from marts.outcomes_monthly
),

rolled as (
    select
        month,
        segment_type,
        segment_value,
        sum(won) + sum(lost) as closed,
        sum(won) as won,
        sum(amount_won) as amount_won,
        sum(amount_lost) as amount_lost,
        sum(won_with_amount) as won_with_amount,
        sum(cycle_days_won_sum) as cycle_days_won_sum
    from outcomes
    group by all
)

select
    coalesce(rolled.month, velocity.month) as month,
    coalesce(rolled.segment_type, velocity.segment_type) as segment_type,
    coalesce(rolled.segment_value, velocity.segment_value) as segment_value,
    coalesce(rolled.closed, 0) as closed,
    coalesce(rolled.won, 0) as won,
    rolled.won / nullif(rolled.closed, 0) as win_rate,
    cast(rolled.amount_won / nullif(rolled.amount_won + rolled.amount_lost, 0) as double) as value_win_rate,
    cast(rolled.amount_won / nullif(rolled.won_with_amount, 0) as double) as avg_won_amount,
    rolled.cycle_days_won_sum / nullif(rolled.won, 0) as mean_won_cycle_days,
    velocity.open_opportunities,
    velocity.velocity_per_day
from rolled
full join marts.velocity_monthly as velocity using (month, segment_type, segment_value)
