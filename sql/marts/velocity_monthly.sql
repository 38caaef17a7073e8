/*
description: Sales velocity as of the end of each of the last 24 complete months, per segment:
  the definition of marts.velocity (METRICS.md section 5) with T replaced by the month's end t:
  open opportunities at t, and the win rate, average won amount and average won cycle of the deals
  closed in the 365 days before t. A deal's state at t is its timeline's before t: a deal closed
  then and reopened later counts as closed at t (with that close), one reopened before t does not.
  Grain: month, segment_type, segment_value. The company rows of int_velocity_points at the month ends.
columns:
  month: First day of the month whose end t the row is as of.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  open_opportunities: Deals open at t that had reached opportunity by then.
  win_rate: Won / closed over deals closed at t whose close is in [t - 365 days, t); NULL when none closed.
  avg_won_amount: Mean amount of the deals won in that window; NULL when none.
  avg_cycle_days: Mean sales cycle of the deals won in that window; NULL when none.
  velocity_per_day: open_opportunities * win_rate * avg_won_amount / avg_cycle_days (currency per day); NULL where a factor is NULL or the cycle is 0.
*/
select
    month,
    segment_type,
    segment_value,
    open_opportunities,
    win_rate,
    avg_won_amount,
    avg_cycle_days,
    velocity_per_day
from int_velocity_points
where point = 'month_end' and scope_type = 'company'
order by month, segment_type, segment_value
