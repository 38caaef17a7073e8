/*
description: Sales velocity per segment as of the run (METRICS.md section 5): open opportunities
  at T times the win rate, average won amount and average won cycle of the deals closed in the
  365 days before T. One row per segment type and every value seen among the deals.
  Grain: segment_type, segment_value. The company rows of marts.velocity_by_scope at T (int_velocity_points).
columns:
  as_of: The run's as-of date.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  open_opportunities: Open deals at T that reached opportunity (max_stage_order >= 4).
  win_rate: Won / closed over deals closed in [T - 365 days, T); NULL when none closed.
  avg_won_amount: Mean amount of the deals won in the window (deals without an amount left out); NULL when none.
  avg_cycle_days: Mean sales cycle (closed_at - start_at) of the deals won in the window; NULL when none.
  velocity_per_day: open_opportunities * win_rate * avg_won_amount / avg_cycle_days, in currency per day; NULL where a factor is NULL or the cycle is 0.
  closed_in_window: Deals closed in the window (the win rate's denominator).
  won_in_window: Deals won in the window.
*/
select
    params.as_of,
    points.segment_type,
    points.segment_value,
    points.open_opportunities,
    points.win_rate,
    points.avg_won_amount,
    points.avg_cycle_days,
    points.velocity_per_day,
    points.closed_in_window,
    points.won_in_window
from int_velocity_points as points
cross join run_params as params
where points.point = 'as_of' and points.scope_type = 'company'
order by case points.segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end, points.segment_value
