-- marts.open_pipeline_by_close_month: each team's rows equal the sums of its reps' rows, and the company
-- rows equal the sums of the team rows plus the open deals of rep ids with no current rep row
-- (marts.open_deals with team NULL).
with reps as (
    select team, close_month, is_overdue, sum(deals) as deals, sum(amount) as amount
    from marts.open_pipeline_by_close_month where scope_type = 'rep'
    group by all
),

teams as (
    select team, close_month, is_overdue, deals, amount
    from marts.open_pipeline_by_close_month where scope_type = 'team'
),

teams_and_unassigned as (
    select close_month, is_overdue, sum(deals) as deals, sum(amount) as amount
    from (
        select close_month, is_overdue, deals, amount from teams
        union all
        select cast(date_trunc('month', expected_close_date) as date) as close_month, coalesce(date_trunc('month', expected_close_date) < date_trunc('month', as_of), false) as is_overdue, count(*) as deals, coalesce(sum(amount), 0) as amount
        from marts.open_deals where team is null
        group by all
    )
    group by all
),

company as (
    select close_month, is_overdue, deals, amount
    from marts.open_pipeline_by_close_month where scope_type = 'company'
)

select 'team' as scope_type, coalesce(a.team, b.team) as team, coalesce(a.close_month, b.close_month) as close_month
from teams as a
full join reps as b on a.team = b.team and a.close_month is not distinct from b.close_month
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.is_overdue is distinct from b.is_overdue
union all
select 'company', null, coalesce(a.close_month, b.close_month)
from company as a
full join teams_and_unassigned as b on a.close_month is not distinct from b.close_month
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.is_overdue is distinct from b.is_overdue
