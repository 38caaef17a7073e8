-- In marts.funnel_windows the company's exits and advances are the teams' plus those of deals whose
-- rep has no current core.dim_rep row (counted from int_stage_exits in the row's window).
with unassigned as (
    select
        windows.stage_order,
        windows.window_name,
        count(exits.deal_id) as exited,
        count(exits.deal_id) filter (where exits.advanced) as advanced
    from (select distinct stage_order, window_name, window_start, window_end from marts.funnel_windows) as windows
    left join (
        select exits.*
        from int_stage_exits as exits
        join core.fact_deal as deals using (deal_id)
        where not exists (select 1 from core.dim_rep as reps where reps.rep_id = deals.rep_id and reps.is_current)
    ) as exits
        on exits.stage_order = windows.stage_order
        and exits.exit_at >= windows.window_start and exits.exit_at < windows.window_end
    group by all
),

team_sums as (
    select stage_order, window_name, sum(exited) as exited, sum(advanced) as advanced
    from marts.funnel_windows
    where scope_type = 'team'
    group by all
),

company as (
    select * from marts.funnel_windows where scope_type = 'company'
)

select company.stage_order, company.window_name, company.exited, company.advanced,
    team_sums.exited as teams_exited, unassigned.exited as unassigned_exited
from company
full join unassigned using (stage_order, window_name)
left join team_sums using (stage_order, window_name)
where company.exited is distinct from coalesce(team_sums.exited, 0) + unassigned.exited
    or company.advanced is distinct from coalesce(team_sums.advanced, 0) + unassigned.advanced
