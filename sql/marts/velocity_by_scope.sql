/*
description: Sales velocity (METRICS.md section 5) per reader's scope and segment at three points:
  T, the end of M (the latest complete month) and the end of the month before M; at a month end t
  the definition of marts.velocity_monthly (a deal's state at t from its timeline, closes in
  [t - 365 days, t)). Scopes: the company, each current team (deals of its reps' current team in
  core.dim_rep) and each current rep; a deal whose rep has no current core.dim_rep row counts in
  the company rows only. The company and team scopes have every segment type (all, and each value
  seen among the scope's deals), the rep scope segment all only. The company rows at T are
  marts.velocity, those at the month ends marts.velocity_monthly's.
  Grain: scope_type, team, rep_id, segment_type, segment_value, point.
columns:
  as_of: The run's as-of date.
  scope_type: company, team or rep.
  team: The team (scope team), or the rep's current team (scope rep); NULL for the company.
  rep_id: The rep (scope rep); NULL for the company and team scopes.
  segment_type: all, region, product, company_size or lead_type (all only for scope rep).
  segment_value: The segment (all for type all).
  point: as_of (at T), latest_month_end (at the end of M) or prior_month_end (at the end of the month before M).
  measured_at: The instant t the row is as of (UTC): T, or the first instant after the month.
  open_opportunities: Deals open at t that had reached opportunity by then.
  win_rate: Won / closed over the deals closed at t whose close is in [t - 365 days, t); NULL when none closed.
  avg_won_amount: Mean amount of the deals won in that window (deals without an amount left out); NULL when none.
  avg_cycle_days: Mean sales cycle (close - start) of the deals won in that window; NULL when none.
  velocity_per_day: open_opportunities * win_rate * avg_won_amount / avg_cycle_days (currency per day); NULL where a factor is NULL or the cycle is 0.
  closed_in_window: Deals closed in the window (the win rate's denominator).
  won_in_window: Deals won in the window.
*/
with params as (
    select as_of, cast(date_trunc('month', as_of_instant) as date) as this_month from run_params
),

chosen as (
    select
        points.*,
        case
            when points.point = 'as_of' then 'as_of'
            when points.month = params.this_month - interval '1' month then 'latest_month_end'
            when points.month = params.this_month - interval '2' month then 'prior_month_end'
        end as chosen_point
    from int_velocity_points as points
    cross join params
)

select
    params.as_of,
    chosen.scope_type,
    chosen.team,
    chosen.rep_id,
    chosen.segment_type,
    chosen.segment_value,
    chosen.chosen_point as point,
    chosen.measured_at,
    chosen.open_opportunities,
    chosen.win_rate,
    chosen.avg_won_amount,
    chosen.avg_cycle_days,
    chosen.velocity_per_day,
    chosen.closed_in_window,
    chosen.won_in_window
from chosen
cross join params
where chosen.chosen_point is not null
order by
    case chosen.scope_type when 'company' then 0 when 'team' then 1 else 2 end, chosen.team, chosen.rep_id,
    case chosen.segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end,
    chosen.segment_value,
    case chosen.chosen_point when 'as_of' then 0 when 'latest_month_end' then 1 else 2 end
