/*
description: Stage exits and advances (METRICS.md section 4) per reader's scope, stage 1-8 and
  time window, so that every figure of a report comes from one window. Scopes: the company, each
  current team (the deals of reps whose current team in core.dim_rep it is) and each current rep
  (the deals it owns, core.fact_deal.rep_id); a deal whose rep has no current core.dim_rep row
  counts in the company rows only. Windows: latest_month (M, exits attributed to the month as in
  marts.stage_flow), baseline_6_months (the 6 months before M, pooled), last_180_days (exit time
  in [T - 180 days, T): the coaching window of section 6) and last_365_days (W, [T - 365 days, T)).
  One row per scope, stage and window, with zeros where nothing exited.
  Grain: scope_type, team, rep_id, stage, window_name.
columns:
  as_of: The run's as-of date.
  scope_type: company, team or rep.
  team: The team (scope team), or the rep's current team (scope rep); NULL for the company.
  rep_id: The rep (scope rep); NULL for the company and team scopes.
  stage: The canonical stage exited.
  stage_order: The stage's order, 1-8.
  window_name: latest_month, baseline_6_months, last_180_days or last_365_days.
  window_start: First instant of the window (UTC, inclusive).
  window_end: End of the window (UTC, exclusive).
  exited: Deals of the scope whose exit of the stage (exit_time) falls in the window: they reached it and then reached a later stage or closed.
  advanced: Of those, the deals that reached the next stage (closed_won counts as stage 9).
  conversion: advanced / exited; NULL when none exited.
*/
with params as (
    select
        as_of,
        as_of_instant,
        date_trunc('month', as_of_instant) - interval '1' month as current_month
    from run_params
),

windows as (
    select 'latest_month' as window_name, 0 as window_order, current_month as window_start, current_month + interval '1' month as window_end from params
    union all select 'baseline_6_months', 1, current_month - interval '6' month, current_month from params
    union all select 'last_180_days', 2, as_of_instant - interval '180' day, as_of_instant from params
    union all select 'last_365_days', 3, as_of_instant - interval '365' day, as_of_instant from params
),

-- Exits are counted per window, owner and stage first (far fewer rows than exits), then added to
-- every scope the owner's deals count in (int_owner_scopes).
owner_counts as (
    select
        windows.window_name,
        deals.rep_id,
        exits.stage_order,
        count(*) as exited,
        count(*) filter (where exits.advanced) as advanced
    from int_stage_exits as exits
    join windows on exits.exit_at >= windows.window_start and exits.exit_at < windows.window_end
    join core.fact_deal as deals using (deal_id)
    group by all
),

owner_scopes as (
    select owner_id as rep_id, scope_type, scope_id from int_owner_scopes
),

counts as (
    select
        owner_counts.window_name,
        owner_scopes.scope_type,
        owner_scopes.scope_id,
        owner_counts.stage_order,
        cast(sum(owner_counts.exited) as bigint) as exited,
        cast(sum(owner_counts.advanced) as bigint) as advanced
    from owner_counts
    join owner_scopes using (rep_id)
    group by all
),

grid as (
    select scopes.scope_type, scopes.scope_id, scopes.team, scopes.rep_id, stages.stage, stages.stage_order, windows.*
    from int_scopes as scopes
    cross join core.dim_stage as stages
    cross join windows
    where stages.stage_order between 1 and 8
)

select
    params.as_of,
    grid.scope_type,
    grid.team,
    grid.rep_id,
    grid.stage,
    grid.stage_order,
    grid.window_name,
    grid.window_start,
    grid.window_end,
    coalesce(counts.exited, 0) as exited,
    coalesce(counts.advanced, 0) as advanced,
    counts.advanced / counts.exited as conversion
from grid
cross join params
left join counts using (window_name, scope_type, scope_id, stage_order)
order by
    case grid.scope_type when 'company' then 0 when 'team' then 1 else 2 end, grid.team, grid.rep_id,
    grid.window_order, grid.stage_order
