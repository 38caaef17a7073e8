-- Headline KPIs of a health report for the latest complete month M before T ($as_of + 1 day)
-- ('current') and the month before it ('prior'): bookings (amount won) and win rate over the deals
-- closed in the month, median won sales cycle, new pipeline (deals whose first entry of order >= 4
-- falls in the month), open pipeline at the month's end (deals in a non-terminal entry then), and
-- the quota still to win at the month's end (quota periods holding the next day, less the amount
-- won in them by then). $team: the deals of a team's current reps, or '' for every deal.
-- Grain: period.
with params as (
    select cast($as_of as date) + interval 1 day as as_of_instant, cast($team as varchar) as team
),

months as (
    select 'current' as period, cast(date_trunc('month', as_of_instant) - interval 1 month as timestamp) as month_start from params
    union all
    select 'prior', cast(date_trunc('month', as_of_instant) - interval 2 month as timestamp) from params
),

team_reps as (
    select reps.rep_id
    from core.dim_rep as reps
    cross join params
    where reps.is_current and reps.team = params.team
),

scope as (
    select deals.*
    from core.fact_deal as deals
    cross join params
    where params.team = '' or deals.rep_id in (select rep_id from team_reps)
),

closed as (
    select
        months.period,
        count(*) as closed_count,
        count(*) filter (where scope.status = 'won') as won_count,
        coalesce(sum(scope.amount) filter (where scope.status = 'won'), 0) as won_amount,
        median(scope.cycle_days) filter (where scope.status = 'won') as median_cycle_days
    from months
    join scope on scope.closed_at >= months.month_start and scope.closed_at < months.month_start + interval 1 month
    where scope.status in ('won', 'lost')
    group by months.period
),

opportunity_starts as (
    select transitions.deal_id, min(transitions.entered_at) as opportunity_at
    from core.fact_stage_transition as transitions
    where transitions.stage_order >= 4
    group by transitions.deal_id
),

new_pipeline as (
    select months.period, count(*) as new_count, coalesce(sum(scope.amount), 0) as new_amount
    from months
    join opportunity_starts
        on opportunity_starts.opportunity_at >= months.month_start
        and opportunity_starts.opportunity_at < months.month_start + interval 1 month
    join scope using (deal_id)
    group by months.period
),

open_at_end as (
    select months.period, count(*) as open_count, coalesce(sum(scope.amount), 0) as open_amount
    from months
    join core.fact_stage_transition as transitions
        on transitions.entered_at < months.month_start + interval 1 month
        and coalesce(transitions.exited_at, timestamp 'infinity') >= months.month_start + interval 1 month
        and transitions.stage not in ('closed_won', 'closed_lost')
    join scope on scope.deal_id = transitions.deal_id
    group by months.period
),

quota_periods as (
    select months.period, quotas.rep_id, quotas.quota, cast(quotas.period_start as timestamp) as period_start
    from months
    join core.fact_quota as quotas
        on quotas.period_start <= cast(months.month_start + interval 1 month as date)
        and quotas.period_end >= cast(months.month_start + interval 1 month as date)
    cross join params
    where params.team = '' or quotas.rep_id in (select rep_id from team_reps)
),

quota_left as (
    select
        quota_periods.period,
        sum(quota_periods.quota) as quota,
        sum(quota_periods.quota) - coalesce(sum((
            select sum(deals.amount)
            from core.fact_deal as deals
            where deals.rep_id = quota_periods.rep_id
                and deals.status = 'won'
                and deals.closed_at >= quota_periods.period_start
                and deals.closed_at < months.month_start + interval 1 month
        )), 0) as quota_remaining
    from quota_periods
    join months using (period)
    group by quota_periods.period
),

final as (
    select
        months.period,
        months.month_start,
        coalesce(closed.closed_count, 0) as closed_count,
        coalesce(closed.won_count, 0) as won_count,
        coalesce(closed.won_amount, 0) as won_amount,
        closed.median_cycle_days,
        coalesce(new_pipeline.new_count, 0) as new_count,
        coalesce(new_pipeline.new_amount, 0) as new_amount,
        coalesce(open_at_end.open_count, 0) as open_count,
        coalesce(open_at_end.open_amount, 0) as open_amount,
        quota_left.quota,
        quota_left.quota_remaining
    from months
    left join closed using (period)
    left join new_pipeline using (period)
    left join open_at_end using (period)
    left join quota_left using (period)
)

select * from final order by month_start desc
