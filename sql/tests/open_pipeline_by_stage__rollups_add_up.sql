-- marts.open_pipeline_by_stage: each team's rows equal the sums of its reps' rows, and the company
-- rows equal the sums of the team rows plus the open deals of rep ids with no current rep row
-- (marts.open_deals with team NULL).
with reps as (
    select team, stage, stage_order, sum(deals) as deals, sum(amount) as amount, sum(stalled) as stalled, sum(overdue) as overdue
    from marts.open_pipeline_by_stage where scope_type = 'rep'
    group by all
),

teams as (
    select team, stage, stage_order, deals, amount, stalled, overdue
    from marts.open_pipeline_by_stage where scope_type = 'team'
),

teams_and_unassigned as (
    select stage, stage_order, sum(deals) as deals, sum(amount) as amount, sum(stalled) as stalled, sum(overdue) as overdue
    from (
        select stage, stage_order, deals, amount, stalled, overdue from teams
        union all
        select stage, stage_order, count(*) as deals, coalesce(sum(amount), 0) as amount, count(*) filter (where is_stalled) as stalled, count(*) filter (where is_overdue) as overdue
        from marts.open_deals where team is null
        group by all
    )
    group by all
),

company as (
    select stage, stage_order, deals, amount, stalled, overdue
    from marts.open_pipeline_by_stage where scope_type = 'company'
)

select 'team' as scope_type, coalesce(a.team, b.team) as team, coalesce(a.stage, b.stage) as stage
from teams as a
full join reps as b on a.team = b.team and a.stage is not distinct from b.stage
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.stage_order is distinct from b.stage_order or a.stalled is distinct from b.stalled or a.overdue is distinct from b.overdue
union all
select 'company', null, coalesce(a.stage, b.stage)
from company as a
full join teams_and_unassigned as b on a.stage is not distinct from b.stage
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.stage_order is distinct from b.stage_order or a.stalled is distinct from b.stalled or a.overdue is distinct from b.overdue
