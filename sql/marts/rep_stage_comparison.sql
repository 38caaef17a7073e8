/*
description: Every current rep against its peers, stage by stage (METRICS.md section 6, rep
  coaching), over the coaching window [T - 180 days, T): the rep's stage conversion over the exits
  of its deals against the pooled conversion of the other reps of its current team, with a verdict.
  The rep's figures are marts.funnel_windows' last_180_days rep rows; the peers' are the team row
  minus the rep's. marts.rep_coaching is the weaker rows. Grain: rep_id, stage.
columns:
  as_of: The run's as-of date.
  rep_id: The rep (a current rep of core.dim_rep; owner of the deals, core.fact_deal.rep_id).
  team: The rep's current team (core.dim_rep).
  stage: The canonical stage.
  stage_order: The stage's order, 1-8.
  rep_exits: Exits of the stage by the rep's deals in [T - 180 days, T).
  rep_advanced: Of those, the deals that reached the next stage.
  rep_conversion: rep_advanced / rep_exits; NULL when the rep has no exits.
  peer_exits: Exits of the stage in the window by the deals of the other current reps of the same team, pooled.
  peer_advanced: Of those, the deals that reached the next stage.
  peer_conversion: peer_advanced / peer_exits; NULL when the peers have no exits.
  z_score: Two-proportion z of the rep against the peers (0 when the pooled proportion is 0 or 1); NULL when either side has no exits.
  verdict: weaker (rep_exits >= 10, peer_exits >= 30 and z <= -2: the coaching flag of marts.rep_coaching), stronger (same gates, z >= 2), about the same (gates met, -2 < z < 2), or too few exits (rep_exits < 10 or peer_exits < 30).
*/
with windowed as (
    select * from marts.funnel_windows where window_name = 'last_180_days'
),

compared as (
    select
        reps.as_of,
        reps.rep_id,
        reps.team,
        reps.stage,
        reps.stage_order,
        reps.exited as rep_exits,
        reps.advanced as rep_advanced,
        teams.exited - reps.exited as peer_exits,
        teams.advanced - reps.advanced as peer_advanced,
        cast(reps.exited as hugeint) as n1,
        cast(reps.advanced as hugeint) as x1,
        cast(teams.exited - reps.exited as hugeint) as n0,
        cast(teams.advanced - reps.advanced as hugeint) as x0
    from windowed as reps
    join windowed as teams
        on teams.scope_type = 'team' and teams.team = reps.team and teams.stage_order = reps.stage_order
    where reps.scope_type = 'rep'
),

-- z from its square, a ratio of integers (as in int_warnings): with d = x1 n0 - x0 n1,
-- N = n1 + n0 and x = x1 + x0, z^2 = d^2 N / (n1 n0 x (N - x)), so a z of exactly -2 is -2 in
-- doubles too and flags; the root is 0 when x is 0 or N: z = 0.
scored as (
    select
        *,
        case
            when n1 = 0 or n0 = 0 then null
            when x1 + x0 = 0 or x1 + x0 = n1 + n0 then 0.0
            else sign(x1 * n0 - x0 * n1) * sqrt(
                cast((x1 * n0 - x0 * n1) * (x1 * n0 - x0 * n1) * (n1 + n0) as double)
                / cast(n1 * n0 * (x1 + x0) * (n1 + n0 - x1 - x0) as double))
        end as z_score
    from compared
)

select
    as_of,
    rep_id,
    team,
    stage,
    stage_order,
    rep_exits,
    rep_advanced,
    rep_advanced / nullif(rep_exits, 0) as rep_conversion,
    peer_exits,
    peer_advanced,
    peer_advanced / nullif(peer_exits, 0) as peer_conversion,
    z_score,
    case
        when rep_exits < 10 or peer_exits < 30 then 'too few exits'
        when z_score <= -2 then 'weaker'
        when z_score >= 2 then 'stronger'
        else 'about the same'
    end as verdict
from scored
order by rep_id, stage_order
