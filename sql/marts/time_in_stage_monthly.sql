/*
description: Time in stage (METRICS.md section 5) per month and segment: the durations of the
  timeline entries of each stage whose next entry falls in the month, with their count, median
  (interpolated), mean and 75th percentile in days. Medians do not add up: for another period,
  compute them from core.fact_stage_transition. The as-of month is partial. Grain: month,
  segment_type, segment_value, stage.
columns:
  month: First day of the month in which the entries ended (their next entry began).
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  stage: The canonical stage.
  stage_order: The stage's order; NULL for closed_lost.
  entries: Timeline entries of the stage that ended in the month.
  median_days: Median duration in days (mean of the two middle values for an even count).
  mean_days: Mean duration in days.
  p75_days: 75th percentile of the duration in days (interpolated).
*/
-- Means from whole microseconds, so they do not depend on the order of the sum.
-- One aggregate per segment type, one after the other: a median keeps every value of its group,
-- so grouping the five types at once would hold five copies of every duration. Each reads the
-- transitions itself (not materialized: a stored copy of every duration with all five segment
-- columns spills at 10M deals; 72 s -> 49 s there, the same rows).
with durations as not materialized (
    select
        cast(date_trunc('month', transitions.exited_at) as date) as month,
        transitions.stage,
        transitions.stage_order,
        transitions.days_in_stage,
        epoch_us(transitions.exited_at) - epoch_us(transitions.entered_at) as duration_us,
        deals.region,
        deals.product,
        deals.company_size,
        deals.lead_type
    from core.fact_stage_transition as transitions
    join core.fact_deal as deals using (deal_id)
    where transitions.exited_at is not null
),

-- Both quartiles from one sorted state per group.
quartiled as (
    select month, 'all' as segment_type, 'all' as segment_value, stage, stage_order, count(*) as entries,
        quantile_cont(days_in_stage, [0.5, 0.75]) as quartiles, sum(duration_us) / count(*) / 86400e6 as mean_days
    from durations group by all
    union all
    select month, 'region', region, stage, stage_order, count(*),
        quantile_cont(days_in_stage, [0.5, 0.75]), sum(duration_us) / count(*) / 86400e6
    from durations group by all
    union all
    select month, 'product', product, stage, stage_order, count(*),
        quantile_cont(days_in_stage, [0.5, 0.75]), sum(duration_us) / count(*) / 86400e6
    from durations group by all
    union all
    select month, 'company_size', company_size, stage, stage_order, count(*),
        quantile_cont(days_in_stage, [0.5, 0.75]), sum(duration_us) / count(*) / 86400e6
    from durations group by all
    union all
    select month, 'lead_type', lead_type, stage, stage_order, count(*),
        quantile_cont(days_in_stage, [0.5, 0.75]), sum(duration_us) / count(*) / 86400e6
    from durations group by all
)

select month, segment_type, segment_value, stage, stage_order, entries,
    quartiles[1] as median_days, mean_days, quartiles[2] as p75_days
from quartiled
