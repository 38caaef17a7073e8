/*
description: Sales velocity as of the end of each of the last 24 complete months, per segment:
  the definition of marts.velocity (METRICS.md section 5) with T replaced by the month's end t:
  open opportunities at t, and the win rate, average won amount and average won cycle of the deals
  closed in the 365 days before t. A deal's state at t is its timeline's before t: a deal closed
  then and reopened later counts as closed at t (with that close), one reopened before t does not.
  Grain: month, segment_type, segment_value.
columns:
  month: First day of the month whose end t the row is as of.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  open_opportunities: Deals open at t that had reached opportunity by then.
  win_rate: Won / closed over deals closed at t whose close is in [t - 365 days, t); NULL when none closed.
  avg_won_amount: Mean amount of the deals won in that window; NULL when none.
  avg_cycle_days: Mean sales cycle of the deals won in that window; NULL when none.
  velocity_per_day: open_opportunities * win_rate * avg_won_amount / avg_cycle_days (currency per day); NULL where a factor is NULL or the cycle is 0.
*/
with month_ends as (
    select
        cast(month as date) as month,
        month + interval 1 month as month_end
    from run_params,
        range(date_trunc('month', as_of_instant) - interval 24 month, date_trunc('month', as_of_instant), interval 1 month) as months(month)
),

-- The entry a deal was in at each month end, with the highest order it had reached by then.
entries as (
    select
        deal_id,
        entered_at,
        coalesce(exited_at, timestamp 'infinity') as exited_at,
        stage in ('closed_won', 'closed_lost') as is_terminal,
        max(stage_order) over (partition by deal_id order by seq rows between unbounded preceding and current row) as highest_order
    from core.fact_stage_transition
),

open_opportunities as (
    select month_ends.month, entries.deal_id
    from month_ends
    join entries on entries.entered_at < month_ends.month_end and entries.exited_at >= month_ends.month_end
    where not entries.is_terminal and entries.highest_order >= 4
),

open_counts as (
    select open_opportunities.month, segments.segment_type, segments.segment_value, count(*) as open_opportunities
    from open_opportunities
    join int_deal_segments as segments using (deal_id)
    group by all
),

-- Closes that were never reopened (the closed deals of core.fact_deal) per segment and day first
-- (additive), so each month end's 365-day window is a sum of days; cycles in whole microseconds, so
-- the mean does not depend on the order of the sum.
closes_by_day as (
    select
        segments.segment_type,
        segments.segment_value,
        cast(deals.closed_at as date) as day,
        count(*) as closed,
        count(*) filter (where deals.status = 'won') as won,
        sum(deals.amount) filter (where deals.status = 'won') as amount_won,
        count(deals.amount) filter (where deals.status = 'won') as won_with_amount,
        sum(epoch_us(deals.closed_at) - epoch_us(deals.start_at)) filter (where deals.status = 'won') as cycle_us_won
    from core.fact_deal as deals
    join int_deal_segments as segments using (deal_id)
    where deals.status in ('won', 'lost')
    group by all
),

-- A close that was reopened later (a terminal entry that is not the deal's last: few of them) still
-- counts at every month end t in its window that is not after the reopening (exited_at >= t).
reopened_closes as (
    select
        month_ends.month,
        segments.segment_type,
        segments.segment_value,
        count(*) as closed,
        count(*) filter (where transitions.stage = 'closed_won') as won,
        sum(deals.amount) filter (where transitions.stage = 'closed_won') as amount_won,
        count(deals.amount) filter (where transitions.stage = 'closed_won') as won_with_amount,
        sum(epoch_us(transitions.entered_at) - epoch_us(deals.start_at)) filter (where transitions.stage = 'closed_won') as cycle_us_won
    from core.fact_stage_transition as transitions
    join month_ends
        on transitions.entered_at >= month_ends.month_end - interval 365 days
        and transitions.entered_at < month_ends.month_end
        and transitions.exited_at >= month_ends.month_end
    join core.fact_deal as deals using (deal_id)
    join int_deal_segments as segments using (deal_id)
    where transitions.stage in ('closed_won', 'closed_lost') and transitions.exited_at is not null
    group by all
),

closes_in_window as (
    select month_ends.month, closes.segment_type, closes.segment_value, closes.closed, closes.won, closes.amount_won, closes.won_with_amount, closes.cycle_us_won
    from month_ends
    join closes_by_day as closes
        on closes.day >= month_ends.month_end - interval 365 days and closes.day < month_ends.month_end
    union all
    select month, segment_type, segment_value, closed, won, amount_won, won_with_amount, cycle_us_won
    from reopened_closes
),

closed as (
    select
        month,
        segment_type,
        segment_value,
        sum(closed) as closed,
        sum(won) as won,
        sum(amount_won) / nullif(sum(won_with_amount), 0) as avg_won_amount,
        sum(cycle_us_won) / nullif(sum(won), 0) / 86400e6 as avg_cycle_days
    from closes_in_window
    group by all
),

segments as (
    select 'all' as segment_type, 'all' as segment_value
    union
    select segment_type, segment_value from int_deal_segments
),

final as (
    select
        month_ends.month,
        segments.segment_type,
        segments.segment_value,
        coalesce(open_counts.open_opportunities, 0) as open_opportunities,
        closed.won / closed.closed as win_rate,
        cast(closed.avg_won_amount as double) as avg_won_amount,
        closed.avg_cycle_days
    from month_ends
    cross join segments
    left join open_counts using (month, segment_type, segment_value)
    left join closed using (month, segment_type, segment_value)
)

select
    *,
    case when avg_cycle_days > 0 then open_opportunities * win_rate * avg_won_amount / avg_cycle_days end as velocity_per_day
from final
order by month, segment_type, segment_value
