/*
description: The path of the current month and quarter so far, for the chart beside the forecast:
  per day of the period up to the as-of date, the amount won from P.start through that day, for
  the company and each team (the scopes of marts.forecast), amounts as known at T. The last day's
  value is won_to_date. Grain: period_type, scope_type, scope, day.
columns:
  as_of: The run's as-of date.
  period_type: month or quarter.
  period_start: First day of the current period P.
  period_end: First day after P.
  scope_type: company or team.
  scope: 'company' or the team.
  day: A day of P, from P.start to the as-of date.
  cumulative_won: Amount of the deals won with closed_at in [P.start, day + 1 day), DECIMAL(18,2).
*/
with periods as (
    select period_type, period_start, period_end
    from int_forecast_periods
    where kind = 'forecast' and period = 'current'
),

scopes as (
    select scope_type, scope_id from int_scopes where scope_type in ('company', 'team')
),

days as (
    select periods.period_type, periods.period_start, periods.period_end, cast(days.day as date) as day
    from periods
    cross join run_params as params
    cross join generate_series(cast(periods.period_start as timestamp), cast(params.as_of as timestamp), interval '1' day) as days(day)
),

daily as (
    select
        periods.period_type,
        scopes.scope_type,
        scopes.scope_id,
        cast(deals.closed_at as date) as day,
        sum(deals.amount) as won
    from periods
    join core.fact_deal as deals
        on deals.status = 'won'
        and deals.closed_at >= periods.period_start
        and deals.closed_at < periods.period_end
    join int_deal_scopes as scopes on scopes.deal_id = deals.deal_id and scopes.scope_type in ('company', 'team')
    group by all
)

select
    params.as_of,
    days.period_type,
    days.period_start,
    days.period_end,
    scopes.scope_type,
    case scopes.scope_type when 'company' then 'company' else scopes.scope_id end as scope,
    days.day,
    cast(coalesce(sum(daily.won) over (
        partition by days.period_type, scopes.scope_type, scopes.scope_id
        order by days.day rows between unbounded preceding and current row), 0) as decimal(18, 2)) as cumulative_won
from days
cross join scopes
cross join run_params as params
left join daily
    on daily.period_type = days.period_type
    and daily.scope_type = scopes.scope_type
    and daily.scope_id = scopes.scope_id
    and daily.day = days.day
order by days.period_type, scopes.scope_type, scope, days.day
