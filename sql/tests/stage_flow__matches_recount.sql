-- marts.stage_flow's counts equal a recount from core.fact_stage_transition done another way:
-- per deal and stage k, reached = some entry of order >= k; exit time = the first entry of
-- order > k, else closed_at for a closed deal; advanced = some entry of order > k.
with per_deal as (
    select
        deal_id,
        max(stage_order) as highest,
        min(entered_at) filter (where stage_order > 1) as beyond_1,
        min(entered_at) filter (where stage_order > 2) as beyond_2,
        min(entered_at) filter (where stage_order > 3) as beyond_3,
        min(entered_at) filter (where stage_order > 4) as beyond_4,
        min(entered_at) filter (where stage_order > 5) as beyond_5,
        min(entered_at) filter (where stage_order > 6) as beyond_6,
        min(entered_at) filter (where stage_order > 7) as beyond_7,
        min(entered_at) filter (where stage_order > 8) as beyond_8
    from core.fact_stage_transition
    group by deal_id
),

per_stage as (
    select deal_id, highest, cast(right(stage_name, 1) as integer) as k, first_beyond
    from per_deal
    unpivot include nulls (first_beyond for stage_name in (beyond_1, beyond_2, beyond_3, beyond_4, beyond_5, beyond_6, beyond_7, beyond_8))
),

recount as (
    select
        cast(date_trunc('month', coalesce(per_stage.first_beyond, deals.closed_at)) as date) as month,
        per_stage.k as stage_order,
        count(*) as exited,
        count(*) filter (where per_stage.first_beyond is not null) as advanced
    from per_stage
    join core.fact_deal as deals using (deal_id)
    where per_stage.highest >= per_stage.k and (per_stage.first_beyond is not null or deals.status in ('won', 'lost'))
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
