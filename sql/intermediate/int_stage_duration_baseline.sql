/*
description: Per stage, the durations of timeline entries whose next entry falls in the window
  W = [T - 365 days, T): their count and median (interpolated). The stalled-deal rule uses the
  median when the count is at least 10. Grain: stage.
*/
select
    timeline.stage,
    count(*) as entries,
    quantile_cont(timeline.days_in_stage, 0.5) as median_days
from core.fact_stage_transition as timeline
cross join run_params as params
where timeline.exited_at >= params.as_of_instant - interval '365' day
    and timeline.exited_at < params.as_of_instant
group by timeline.stage
