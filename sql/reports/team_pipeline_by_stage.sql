-- A team's ($team) open pipeline by current stage: deals, amount and stalled deals. Grain: stage.
select
    deals.current_stage as stage,
    stages.stage_order,
    count(*) as deals,
    coalesce(sum(deals.amount), 0) as amount,
    count(*) filter (where deals.is_stalled) as stalled
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
join core.dim_stage as stages on stages.stage = deals.current_stage
where reps.team = $team and deals.status = 'open'
group by all
order by stages.stage_order
