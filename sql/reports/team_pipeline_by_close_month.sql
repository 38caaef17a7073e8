-- A team's ($team) open pipeline by expected close month; NULL month: no expected close date.
-- is_overdue: the month is before the as-of month ($as_of). Grain: month.
select
    cast(date_trunc('month', deals.expected_close_date) as date) as close_month,
    coalesce(date_trunc('month', deals.expected_close_date) < date_trunc('month', cast($as_of as date)), false) as is_overdue,
    count(*) as deals,
    coalesce(sum(deals.amount), 0) as amount
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
where reps.team = $team and deals.status = 'open'
group by all
order by close_month nulls last
