-- In marts.funnel_windows a team's exits and advances are the sums of its current reps' rows
-- (every team has all 8 stages and 4 windows), and conversion is advanced / exited.
with rep_sums as (
    select team, stage_order, window_name, sum(exited) as exited, sum(advanced) as advanced, count(*) as reps
    from marts.funnel_windows
    where scope_type = 'rep'
    group by all
),

teams as (
    select * from marts.funnel_windows where scope_type = 'team'
)

select teams.team, teams.stage_order, teams.window_name, teams.exited, rep_sums.exited as reps_exited,
    teams.advanced, rep_sums.advanced as reps_advanced
from teams
full join rep_sums using (team, stage_order, window_name)
where teams.exited is distinct from rep_sums.exited or teams.advanced is distinct from rep_sums.advanced
union all
select team, stage_order, window_name, exited, null, advanced, null
from marts.funnel_windows
where conversion is distinct from advanced / nullif(exited, 0) or advanced > exited
union all
select scope_type, null, null, count(*), null, null, null
from marts.funnel_windows
group by scope_type, team, rep_id
having count(*) <> 32
