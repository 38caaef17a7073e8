/*
description: Sales velocity (METRICS.md section 5) per point in time t, scope (int_scopes) and
  segment, the one computation behind marts.velocity, marts.velocity_monthly and
  marts.velocity_by_scope: open opportunities at t, and the win rate, average won amount and
  average won cycle of the deals closed in [t - 365 days, t). A deal's state at t is its
  timeline's before t: a deal closed then and reopened later counts as closed at t (with that
  close), one reopened before t does not; at t = T this is core.fact_deal's state. Points: T
  (point as_of) and the end of each of the 24 complete months before T (point month_end); the team
  and rep scopes only at T and the ends of the latest two months (M and the month before), the
  company at all of them. Segments: every type for the company and team scopes (all, and each
  value seen among the scope's deals), all only for the rep scope. Grain: point, month, scope,
  segment.
*/
with params as (
    select as_of_instant, date_trunc('month', as_of_instant) as this_month from run_params
),

points as (
    select 'as_of' as point, cast(null as date) as month, as_of_instant as measured_at, true as all_scopes
    from params
    union all
    select
        'month_end',
        cast(months.month as date),
        months.month + interval '1' month,
        months.month >= params.this_month - interval '2' month
    from params,
        range(params.this_month - interval '24' month, params.this_month, interval '1' month) as months(month)
),

-- Deals are counted per grain first (rep, region, product, size, lead type: far fewer than
-- deals), then each grain's counts are added to every scope and segment it belongs to, which is
-- what int_deal_scopes and int_deal_segments give per deal (the rep scope: segment all only).
deal_grains as (
    select
        deal_id,
        dense_rank() over (order by rep_id, region, product, company_size, lead_type) as grain_id
    from core.fact_deal
),

-- A grain's scopes and segments are those of any of its deals (both follow from the grain's columns).
grain_groups as (
    select distinct grains.grain_id, scopes.scope_type, scopes.scope_id, segments.segment_type, segments.segment_value
    from (select grain_id, any_value(deal_id) as deal_id from deal_grains group by grain_id) as grains
    join int_deal_scopes as scopes using (deal_id)
    join int_deal_segments as segments using (deal_id)
    where scopes.scope_type <> 'rep' or segments.segment_type = 'all'
),

groups as (
    select scope_type, scope_id, 'all' as segment_type, 'all' as segment_value from int_scopes
    union
    select scope_type, scope_id, segment_type, segment_value from grain_groups
),

-- The entry a deal was in at each point, with the highest order it had reached by then.
entries as (
    select
        deal_id,
        entered_at,
        coalesce(exited_at, timestamp 'infinity') as exited_at,
        stage in ('closed_won', 'closed_lost') as is_terminal,
        max_stage_order as highest_order
    from core.fact_stage_transition
),

open_opportunities as (
    select points.point, points.measured_at, points.all_scopes, entries.deal_id
    from points
    join entries on entries.entered_at < points.measured_at and entries.exited_at >= points.measured_at
    where not entries.is_terminal and entries.highest_order >= 4
),

open_by_grain as (
    select
        open_opportunities.point,
        open_opportunities.measured_at,
        open_opportunities.all_scopes,
        grains.grain_id,
        count(*) as open_opportunities
    from open_opportunities
    join deal_grains as grains using (deal_id)
    group by all
),

open_counts as (
    select
        open_by_grain.point,
        open_by_grain.measured_at,
        groups.scope_type,
        groups.scope_id,
        groups.segment_type,
        groups.segment_value,
        sum(open_by_grain.open_opportunities) as open_opportunities
    from open_by_grain
    join grain_groups as groups using (grain_id)
    where open_by_grain.all_scopes or groups.scope_type = 'company'
    group by all
),

-- Closes that were never reopened (the closed deals of core.fact_deal) per group and day first
-- (additive), so each point's 365-day window is a sum of days (every point is a midnight); cycles
-- in whole microseconds, so the mean does not depend on the order of the sum.
closes_by_day as (
    select
        grains.grain_id,
        cast(deals.closed_at as date) as day,
        count(*) as closed,
        count(*) filter (where deals.status = 'won') as won,
        sum(deals.amount) filter (where deals.status = 'won') as amount_won,
        count(deals.amount) filter (where deals.status = 'won') as won_with_amount,
        sum(epoch_us(deals.closed_at) - epoch_us(deals.start_at)) filter (where deals.status = 'won') as cycle_us_won
    from core.fact_deal as deals
    join deal_grains as grains using (deal_id)
    where deals.status in ('won', 'lost')
    group by all
),

-- Each point's 365-day window, per grain: a sum of days (every point is a midnight).
closes_by_grain as (
    select
        points.point,
        points.measured_at,
        points.all_scopes,
        closes.grain_id,
        sum(closes.closed) as closed,
        sum(closes.won) as won,
        sum(closes.amount_won) as amount_won,
        sum(closes.won_with_amount) as won_with_amount,
        sum(closes.cycle_us_won) as cycle_us_won
    from points
    join closes_by_day as closes
        on closes.day >= points.measured_at - interval '365' day and closes.day < points.measured_at
    group by all
),

-- A close that was reopened later (a terminal entry that is not the deal's last: few of them) still
-- counts at every point t in its window that is not after the reopening (exited_at >= t). At T
-- there is none: every exit is before T.
reopened_closes as (
    select
        points.point,
        points.measured_at,
        groups.scope_type,
        groups.scope_id,
        groups.segment_type,
        groups.segment_value,
        count(*) as closed,
        count(*) filter (where transitions.stage = 'closed_won') as won,
        sum(deals.amount) filter (where transitions.stage = 'closed_won') as amount_won,
        count(deals.amount) filter (where transitions.stage = 'closed_won') as won_with_amount,
        sum(epoch_us(transitions.entered_at) - epoch_us(deals.start_at)) filter (where transitions.stage = 'closed_won') as cycle_us_won
    from core.fact_stage_transition as transitions
    join points
        on transitions.entered_at >= points.measured_at - interval '365' day
        and transitions.entered_at < points.measured_at
        and transitions.exited_at >= points.measured_at
    join core.fact_deal as deals using (deal_id)
    join deal_grains as grains using (deal_id)
    join grain_groups as groups using (grain_id)
    where transitions.stage in ('closed_won', 'closed_lost') and transitions.exited_at is not null
        and (points.all_scopes or groups.scope_type = 'company')
    group by all
),

closes_in_window as (
    select
        closes.point, closes.measured_at, groups.scope_type, groups.scope_id, groups.segment_type, groups.segment_value,
        closes.closed, closes.won, closes.amount_won, closes.won_with_amount, closes.cycle_us_won
    from closes_by_grain as closes
    join grain_groups as groups using (grain_id)
    where closes.all_scopes or groups.scope_type = 'company'
    union all
    select point, measured_at, scope_type, scope_id, segment_type, segment_value, closed, won, amount_won, won_with_amount, cycle_us_won
    from reopened_closes
),

closed as (
    select
        point,
        measured_at,
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        sum(closed) as closed,
        sum(won) as won,
        sum(amount_won) / nullif(sum(won_with_amount), 0) as avg_won_amount,
        sum(cycle_us_won) / nullif(sum(won), 0) / 86400e6 as avg_cycle_days
    from closes_in_window
    group by all
),

final as (
    select
        points.point,
        points.month,
        points.measured_at,
        groups.scope_type,
        groups.scope_id,
        groups.segment_type,
        groups.segment_value,
        cast(coalesce(open_counts.open_opportunities, 0) as bigint) as open_opportunities,
        cast(coalesce(closed.closed, 0) as bigint) as closed_in_window,
        cast(coalesce(closed.won, 0) as bigint) as won_in_window,
        closed.won / nullif(closed.closed, 0) as win_rate,
        cast(closed.avg_won_amount as double) as avg_won_amount,
        closed.avg_cycle_days
    from points
    join groups on points.all_scopes or groups.scope_type = 'company'
    left join open_counts
        on open_counts.point = points.point
        and open_counts.measured_at = points.measured_at
        and open_counts.scope_type = groups.scope_type
        and open_counts.scope_id = groups.scope_id
        and open_counts.segment_type = groups.segment_type
        and open_counts.segment_value = groups.segment_value
    left join closed
        on closed.point = points.point
        and closed.measured_at = points.measured_at
        and closed.scope_type = groups.scope_type
        and closed.scope_id = groups.scope_id
        and closed.segment_type = groups.segment_type
        and closed.segment_value = groups.segment_value
)

select
    final.point,
    final.month,
    final.measured_at,
    final.scope_type,
    scopes.team,
    scopes.rep_id,
    final.segment_type,
    final.segment_value,
    final.open_opportunities,
    final.closed_in_window,
    final.won_in_window,
    final.win_rate,
    final.avg_won_amount,
    final.avg_cycle_days,
    case when final.avg_cycle_days > 0 then final.open_opportunities * final.win_rate * final.avg_won_amount / final.avg_cycle_days end as velocity_per_day
from final
join int_scopes as scopes using (scope_type, scope_id)
