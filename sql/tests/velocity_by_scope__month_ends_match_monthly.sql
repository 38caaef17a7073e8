-- The company rows of marts.velocity_by_scope at the end of M and of the month before are
-- marts.velocity_monthly's rows for those two months, segment by segment.
with scoped as (
    select *, cast(measured_at - interval 1 month as date) as month
    from marts.velocity_by_scope
    where scope_type = 'company' and point in ('latest_month_end', 'prior_month_end')
),

monthly as (
    select monthly.*
    from marts.velocity_monthly as monthly
    cross join run_params as params
    where monthly.month >= date_trunc('month', params.as_of_instant) - interval 2 month
)

select *
from scoped
full join monthly using (month, segment_type, segment_value)
where scoped.point is null or monthly.open_opportunities is null
    or scoped.point <> case when scoped.month = (select max(month) from monthly) then 'latest_month_end' else 'prior_month_end' end
    or scoped.open_opportunities is distinct from monthly.open_opportunities
    or scoped.win_rate is distinct from monthly.win_rate
    or scoped.avg_won_amount is distinct from monthly.avg_won_amount
    or scoped.avg_cycle_days is distinct from monthly.avg_cycle_days
    or scoped.velocity_per_day is distinct from monthly.velocity_per_day
