-- The end of the current month and quarter is tonight's open pipeline expected in the period:
-- the deals of marts.open_deals (open at T, any stage) with an expected close date in
-- [P.start, P.end), overdue ones of P included, by their current team. (period_attainment's
-- open_in_period is the part of it that reached opportunity and is expected from the as-of date.)
with current_periods as (
    select distinct period_type, period_start, period_end
    from marts.pipeline_waterfall
    where period = 'current'
),

in_period as (
    select periods.period_type, periods.period_start, open_deals.team, open_deals.amount
    from current_periods as periods
    join marts.open_deals
        on open_deals.expected_close_date >= periods.period_start
        and open_deals.expected_close_date < periods.period_end
),

expected as (
    select period_type, period_start, 'company' as scope_type, 'company' as scope, count(*) as deals, coalesce(sum(amount), 0) as amount
    from in_period
    group by all
    union all
    select period_type, period_start, 'team', team, count(*), coalesce(sum(amount), 0)
    from in_period
    where team is not null
    group by all
),

ends as (
    select period_type, period_start, scope_type, scope, deals, amount
    from marts.pipeline_waterfall
    where period = 'current' and movement = 'end'
)

select ends.*, expected.deals as open_deals, expected.amount as open_amount
from ends
full join expected using (period_type, period_start, scope_type, scope)
where coalesce(ends.deals, 0) <> coalesce(expected.deals, 0)
    or coalesce(ends.amount, 0) <> coalesce(expected.amount, 0)
