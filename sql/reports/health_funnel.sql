-- Stage conversion per stage (1-8) for the latest complete month M before T ($as_of + 1 day) and
-- the 6 months before it pooled (the baseline), summed from marts.stage_flow. $team: a team's
-- current reps, or '' for all. Only the stages the deals use (core.dim_stage.is_used), under the
-- user's labels, each converting to its next used stage (label -> next_label). Grain: stage.
with params as (
    select
        cast(date_trunc('month', cast($as_of as date) + interval 1 day) - interval 1 month as date) as current_month,
        cast(date_trunc('month', cast($as_of as date) + interval 1 day) - interval 7 month as date) as baseline_start,
        cast($team as varchar) as team
),

final as (
    select
        flow.stage,
        flow.stage_order,
        coalesce(sum(flow.exited) filter (where flow.month = params.current_month), 0) as current_exited,
        coalesce(sum(flow.advanced) filter (where flow.month = params.current_month), 0) as current_advanced,
        coalesce(sum(flow.exited) filter (where flow.month < params.current_month), 0) as baseline_exited,
        coalesce(sum(flow.advanced) filter (where flow.month < params.current_month), 0) as baseline_advanced
    from marts.stage_flow as flow
    cross join params
    where flow.month >= params.baseline_start
        and flow.month <= params.current_month
        and flow.stage_order between 1 and 8
        and (params.team = '' or flow.rep_id in (select rep_id from core.dim_rep where is_current and team = params.team))
    group by flow.stage, flow.stage_order
)

select final.*, stages.label, next_stages.label as next_label
from final
join core.dim_stage as stages using (stage)
join core.dim_stage as next_stages on next_stages.stage = stages.next_used_stage
where stages.is_used
order by final.stage_order
