-- marts.stage_flow's counts equal a recount from core.fact_stage_transition done another way:
-- per deal and stage k, reached = some entry of order >= k; exit time = the first entry of
-- order > k, else closed_at for a closed deal; advanced = some entry of order > k.
with stages as (
    select unnest(range(1, 9)) as k
),

per_deal as (
    select
        transitions.deal_id,
        stages.k,
        max(transitions.stage_order) >= stages.k as reached,
        min(transitions.entered_at) filter (where transitions.stage_order > stages.k) as first_beyond
    from core.fact_stage_transition as transitions
    cross join stages
    group by transitions.deal_id, stages.k
),

recount as (
    select
        cast(date_trunc('month', coalesce(per_deal.first_beyond, deals.closed_at)) as date) as month,
        per_deal.k as stage_order,
        count(*) as exited,
        count(*) filter (where per_deal.first_beyond is not null) as advanced
    from per_deal
    join core.fact_deal as deals using (deal_id)
    where per_deal.reached and (per_deal.first_beyond is not null or deals.status in ('won', 'lost'))
    group by all
),

flow as (
    select month, stage_order, sum(exited) as exited, sum(advanced) as advanced
    from marts.stage_flow
    group by all
)

select *
from recount
full join flow using (month, stage_order)
where recount.exited is distinct from flow.exited or recount.advanced is distinct from flow.advanced
