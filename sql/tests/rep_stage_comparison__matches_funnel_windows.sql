-- marts.rep_stage_comparison has one row per current rep and stage 1-8; the rep's figures are
-- marts.funnel_windows' last_180_days rep row, and the peers' are its team's row minus the rep's.
with windowed as (
    select * from marts.funnel_windows where window_name = 'last_180_days'
),

expected as (
    select
        reps.rep_id,
        reps.team,
        reps.stage_order,
        reps.exited,
        reps.advanced,
        teams.exited - reps.exited as peer_exits,
        teams.advanced - reps.advanced as peer_advanced
    from windowed as reps
    join windowed as teams on teams.scope_type = 'team' and teams.team = reps.team and teams.stage_order = reps.stage_order
    where reps.scope_type = 'rep'
),

current_reps as (
    select rep_id, team, stage_order
    from core.dim_rep
    cross join range(1, 9) as stages(stage_order)
    where is_current
)

select current_reps.rep_id, current_reps.stage_order, comparison.rep_exits, expected.exited
from current_reps
full join marts.rep_stage_comparison as comparison using (rep_id, stage_order)
left join expected using (rep_id, stage_order)
where comparison.rep_id is null or current_reps.rep_id is null
    or comparison.team is distinct from current_reps.team
    or comparison.rep_exits is distinct from expected.exited
    or comparison.rep_advanced is distinct from expected.advanced
    or comparison.peer_exits is distinct from expected.peer_exits
    or comparison.peer_advanced is distinct from expected.peer_advanced
    or comparison.rep_conversion is distinct from expected.advanced / nullif(expected.exited, 0)
