/*
description: The funnel by month and segment: marts.stage_flow rolled up to each segment type
  (all, region, product, company_size, lead_type), with the stage conversion. Sum exited and
  advanced over any months before dividing; never average conversions. Grain: month,
  segment_type, segment_value, stage.
columns:
  month: First day of the month of the exits.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  stage: The canonical stage exited.
  stage_order: The stage's order, 1-8.
  exited: Deals that exited the stage in the month.
  advanced: Of those, deals that reached the next stage.
  conversion: advanced / exited; NULL when none exited.
*/
with flows as (
    select month, 'all' as segment_type, 'all' as segment_value, stage, stage_order, exited, advanced from marts.stage_flow
    union all select month, 'region', region, stage, stage_order, exited, advanced from marts.stage_flow
    union all select month, 'product', product, stage, stage_order, exited, advanced from marts.stage_flow
    union all select month, 'company_size', company_size, stage, stage_order, exited, advanced from marts.stage_flow
    union all select month, 'lead_type', lead_type, stage, stage_order, exited, advanced from marts.stage_flow
)

select
    month,
    segment_type,
    segment_value,
    stage,
    stage_order,
    sum(exited) as exited,
    sum(advanced) as advanced,
    sum(advanced) / nullif(sum(exited), 0) as conversion
from flows
group by all
