-- The company row of marts.period_attainment equals the sum of its team rows plus what belongs to
-- rep ids with no current core.dim_rep row (recounted here from core.fact_deal and core.fact_quota).
with periods as (
    select distinct period_type, period, period_start, period_end from marts.period_attainment
),

unassigned_deals as (
    select
        periods.period_type,
        periods.period,
        coalesce(sum(deals.amount) filter (where deals.status = 'won' and deals.closed_at >= periods.period_start
            and deals.closed_at < least(params.as_of_instant, periods.period_end)), 0) as won_to_date,
        count(*) filter (where deals.status = 'won' and deals.closed_at >= periods.period_start
            and deals.closed_at < least(params.as_of_instant, periods.period_end)) as won_deals,
        coalesce(sum(deals.amount) filter (where deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date >= greatest(params.as_of, periods.period_start)
            and deals.expected_close_date < periods.period_end), 0) as open_in_period,
        count(*) filter (where deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date >= greatest(params.as_of, periods.period_start)
            and deals.expected_close_date < periods.period_end) as open_in_period_deals,
        coalesce(sum(deals.amount) filter (where deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date < params.as_of), 0) as overdue_open,
        count(*) filter (where deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date < params.as_of) as overdue_deals,
        count(*) filter (where deals.status = 'open' and deals.is_stalled) as stalled_deals,
        count(*) filter (where deals.status = 'open') as open_deals,
        coalesce(sum(deals.amount) filter (where deals.status = 'open'), 0) as open_amount
    from periods
    cross join run_params as params
    left join core.fact_deal as deals
        on deals.rep_id not in (select rep_id from core.dim_rep where is_current)
    group by all
),

unassigned_quota as (
    select periods.period_type, periods.period, sum(quotas.quota) as quota
    from periods
    join (
        select
            periods.period_type,
            periods.period,
            fact_quota.rep_id,
            cast(sum(cast(fact_quota.quota as double)
                * datediff('day', greatest(fact_quota.period_start, periods.period_start), least(fact_quota.period_end + 1, periods.period_end))
                / datediff('day', fact_quota.period_start, fact_quota.period_end + 1)) as decimal(18, 2)) as quota
        from core.fact_quota
        join periods on fact_quota.period_start < periods.period_end and fact_quota.period_end >= periods.period_start
        where fact_quota.rep_id not in (select rep_id from core.dim_rep where is_current)
        group by all
    ) as quotas using (period_type, period)
    group by all
),

teams as (
    select
        period_type, period,
        sum(quota) as quota,
        sum(won_to_date) as won_to_date,
        sum(won_deals) as won_deals,
        sum(open_in_period) as open_in_period,
        sum(open_in_period_deals) as open_in_period_deals,
        sum(overdue_open) as overdue_open,
        sum(overdue_deals) as overdue_deals,
        sum(stalled_deals) as stalled_deals,
        sum(open_deals) as open_deals,
        sum(open_amount) as open_amount
    from marts.period_attainment
    where scope_type = 'team'
    group by all
),

expected as (
    select
        periods.period_type,
        periods.period,
        case when teams.quota is null and unassigned_quota.quota is null then null
            else coalesce(teams.quota, 0) + coalesce(unassigned_quota.quota, 0) end as quota,
        coalesce(teams.won_to_date, 0) + unassigned_deals.won_to_date as won_to_date,
        coalesce(teams.won_deals, 0) + unassigned_deals.won_deals as won_deals,
        coalesce(teams.open_in_period, 0) + unassigned_deals.open_in_period as open_in_period,
        coalesce(teams.open_in_period_deals, 0) + unassigned_deals.open_in_period_deals as open_in_period_deals,
        coalesce(teams.overdue_open, 0) + unassigned_deals.overdue_open as overdue_open,
        coalesce(teams.overdue_deals, 0) + unassigned_deals.overdue_deals as overdue_deals,
        coalesce(teams.stalled_deals, 0) + unassigned_deals.stalled_deals as stalled_deals,
        coalesce(teams.open_deals, 0) + unassigned_deals.open_deals as open_deals,
        coalesce(teams.open_amount, 0) + unassigned_deals.open_amount as open_amount
    from periods
    join unassigned_deals using (period_type, period)
    left join unassigned_quota using (period_type, period)
    left join teams using (period_type, period)
),

company as (
    select * from marts.period_attainment where scope_type = 'company'
)

select expected.period_type, expected.period, company.period_type as company_period_type
from expected
full join company using (period_type, period)
where expected.period_type is null or company.period_type is null
    or company.quota is distinct from expected.quota
    or company.won_to_date is distinct from expected.won_to_date
    or company.won_deals is distinct from expected.won_deals
    or company.open_in_period is distinct from expected.open_in_period
    or company.open_in_period_deals is distinct from expected.open_in_period_deals
    or company.overdue_open is distinct from expected.overdue_open
    or company.overdue_deals is distinct from expected.overdue_deals
    or company.stalled_deals is distinct from expected.stalled_deals
    or company.open_deals is distinct from expected.open_deals
    or company.open_amount is distinct from expected.open_amount
