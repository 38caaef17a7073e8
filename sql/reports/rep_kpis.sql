-- Outcome KPIs of every current rep for three periods ending at T ($as_of + 1 day): this month,
-- this quarter and the trailing 12 months (METRICS.md section 5, over deals closed in the period).
-- Quota attainment: the quotas of core.fact_quota whose period starts in the period, against the
-- amount won from the first such start to T (the current quota period counts to date).
-- Grain: rep_id, period.
with params as (
    select cast($as_of as date) as as_of, cast($as_of as date) + interval 1 day as as_of_instant
),

periods as (
    select 1 as period_order, 'this_month' as period, cast(date_trunc('month', as_of) as timestamp) as period_start, as_of_instant as period_end from params
    union all
    select 2, 'this_quarter', cast(date_trunc('quarter', as_of) as timestamp), as_of_instant from params
    union all
    select 3, 'trailing_12_months', as_of_instant - interval 12 month, as_of_instant from params
),

closed as (
    select
        deals.rep_id,
        periods.period,
        count(*) as closed_count,
        count(*) filter (where deals.status = 'won') as won_count,
        coalesce(sum(deals.amount) filter (where deals.status = 'won'), 0) as won_amount,
        avg(deals.amount) filter (where deals.status = 'won') as avg_won_amount,
        median(deals.cycle_days) filter (where deals.status = 'won') as median_cycle_days
    from core.fact_deal as deals
    join periods on deals.closed_at >= periods.period_start and deals.closed_at < periods.period_end
    where deals.status in ('won', 'lost')
    group by all
),

quotas as (
    select
        quotas.rep_id,
        periods.period,
        sum(quotas.quota) as quota,
        cast(min(quotas.period_start) as timestamp) as quota_start
    from core.fact_quota as quotas
    join periods
        on quotas.period_start >= cast(periods.period_start as date)
        and quotas.period_start < periods.period_end
    group by all
),

quota_won as (
    select
        quotas.rep_id,
        quotas.period,
        coalesce(sum(deals.amount), 0) as quota_won_amount
    from quotas
    cross join params
    left join core.fact_deal as deals
        on deals.rep_id = quotas.rep_id
        and deals.status = 'won'
        and deals.closed_at >= quotas.quota_start
        and deals.closed_at < params.as_of_instant
    group by all
),

final as (
    select
        reps.rep_id,
        reps.team,
        periods.period,
        periods.period_order,
        cast(periods.period_start as date) as period_start,
        coalesce(closed.closed_count, 0) as closed_count,
        coalesce(closed.won_count, 0) as won_count,
        coalesce(closed.won_amount, 0) as won_amount,
        closed.won_count / nullif(closed.closed_count, 0) as win_rate,
        closed.avg_won_amount,
        closed.median_cycle_days,
        quotas.quota,
        quota_won.quota_won_amount / nullif(quotas.quota, 0) as attainment
    from core.dim_rep as reps
    cross join periods
    left join closed on closed.rep_id = reps.rep_id and closed.period = periods.period
    left join quotas on quotas.rep_id = reps.rep_id and quotas.period = periods.period
    left join quota_won on quota_won.rep_id = reps.rep_id and quota_won.period = periods.period
    where reps.is_current
)

select * from final order by rep_id, period_order
