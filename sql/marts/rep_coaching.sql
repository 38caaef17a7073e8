/*
description: Rep coaching flags (METRICS.md section 6), flagged rows only: for each rep and stage
  1-8, the rep's stage conversion over the exits of its deals in the 180 days before T against the
  pooled conversion of the other reps of its current team; evaluated when the rep has >= 10 exits
  and the peers >= 30; z <= -2 flags a weak point. Grain: rep_id, stage.
columns:
  as_of: The run's as-of date.
  rep_id: The rep (owner of the deals, core.fact_deal.rep_id).
  team: The rep's current team (core.dim_rep).
  stage: The canonical stage.
  rep_exits: Exits of the stage by the rep's deals in [T - 180 days, T).
  rep_conversion: Advanced / exited for the rep.
  peer_exits: Exits by the deals of the other reps of the same team in the window.
  peer_conversion: Their pooled advanced / exited.
  z_score: Two-proportion z of the rep against the peers (0 when the pooled proportion is 0 or 1).
*/
with params as (
    select as_of, as_of_instant - interval 180 days as window_start from run_params
),

rep_stage as (
    select
        reps.team,
        deals.rep_id,
        exits.stage_order,
        count(*) as exited,
        count(*) filter (where exits.advanced) as advanced
    from int_stage_exits as exits
    join core.fact_deal as deals using (deal_id)
    join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
    cross join params
    where exits.exit_at >= params.window_start
    group by all
),

team_stage as (
    select team, stage_order, sum(exited) as exited, sum(advanced) as advanced
    from rep_stage
    group by all
),

compared as (
    select
        rep_stage.rep_id,
        rep_stage.team,
        rep_stage.stage_order,
        rep_stage.exited as rep_exits,
        rep_stage.advanced / rep_stage.exited as rep_conversion,
        team_stage.exited - rep_stage.exited as peer_exits,
        (team_stage.advanced - rep_stage.advanced) / (team_stage.exited - rep_stage.exited) as peer_conversion,
        cast(rep_stage.exited as hugeint) as n1,
        cast(rep_stage.advanced as hugeint) as x1,
        cast(team_stage.exited - rep_stage.exited as hugeint) as n0,
        cast(team_stage.advanced - rep_stage.advanced as hugeint) as x0
    from rep_stage
    join team_stage using (team, stage_order)
    where rep_stage.exited >= 10 and team_stage.exited - rep_stage.exited >= 30
),

-- z from its square, a ratio of integers (as in marts.segment_warnings): with d = x1 n0 - x0 n1,
-- N = n1 + n0 and x = x1 + x0, z^2 = d^2 N / (n1 n0 x (N - x)), so a z of exactly -2 is -2 in
-- doubles too and flags; the root is 0 when x is 0 or N: z = 0.
final as (
    select
        *,
        case
            when x1 + x0 = 0 or x1 + x0 = n1 + n0 then 0.0
            else sign(x1 * n0 - x0 * n1) * sqrt(
                cast((x1 * n0 - x0 * n1) * (x1 * n0 - x0 * n1) * (n1 + n0) as double)
                / cast(n1 * n0 * (x1 + x0) * (n1 + n0 - x1 - x0) as double))
        end as z_score
    from compared
)

select
    params.as_of,
    final.rep_id,
    final.team,
    stages.stage,
    final.rep_exits,
    final.rep_conversion,
    final.peer_exits,
    final.peer_conversion,
    final.z_score
from final
cross join params
join core.dim_stage as stages on stages.stage_order = final.stage_order
where final.z_score <= -2
order by final.z_score, final.rep_id, final.stage_order
