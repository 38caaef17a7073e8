/*
description: Early warnings (METRICS.md section 6) within each team, flagged rows only: the
  checks of marts.segment_warnings over the deals of reps whose current team (core.dim_rep) it is,
  for each segment seen among them (a deal whose rep has no current row is in no team). For each segment, the
  latest complete month M against the 6 months before it, pooled. Stage conversion (stages 1-8)
  and win rate by a two-proportion z-test (evaluated when n1 >= 20 and n0 >= 60; z <= -2 warning,
  z <= -3 critical); pipeline creation against the baseline monthly mean (evaluated when the mean
  >= 10; below 0.7x warning, below 0.5x critical); median won cycle against the baseline median
  (evaluated when n1 >= 10, n0 >= 30 and the baseline median > 0; ratio >= 1.25 warning, >= 1.5
  critical). The team rows of int_warnings.
  Grain: team, segment_type, segment_value, metric, stage.
columns:
  team: The team (core.dim_rep.team of the deals' reps, current version).
  as_of: The run's as-of date.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  metric: stage_conversion, win_rate, pipeline_creation or cycle_time.
  stage: The canonical stage of a stage_conversion row; NULL otherwise.
  month: M, the latest complete month before T (first day).
  current_n: In M: exits (stage_conversion), closed deals (win_rate), deals created (pipeline_creation) or won deals (cycle_time).
  current_value: In M: the conversion, the win rate, the count of new pipeline deals, or the median won cycle in days.
  baseline_n: In the 6 baseline months: exits, closed deals, the 6-month total of new pipeline deals, or won deals.
  baseline_value: In the baseline: the pooled conversion, the pooled win rate, the monthly mean of new pipeline deals, or the median won cycle.
  z_score: The two-proportion z (0 when the pooled proportion is 0 or 1); NULL for pipeline_creation and cycle_time.
  severity: warning or critical (the worst the row reaches).
*/
select
    team,
    as_of,
    segment_type,
    segment_value,
    metric,
    stage,
    month,
    current_n,
    current_value,
    baseline_n,
    baseline_value,
    z_score,
    severity
from int_warnings
where scope_type = 'team'
order by team, severity, z_score nulls last, segment_type, segment_value, metric, stage_order
