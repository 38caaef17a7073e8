/*
description: Stage exits counted at the finest grain (METRICS.md section 4): month of the exit,
  stage, rep, region, product, company size and lead type. Every funnel figure is a sum of these
  counts; stage conversion over any set of rows = sum(advanced) / sum(exited). Skipped stages
  count as reached, so the conversion of a used stage (core.dim_stage.is_used) is exactly the
  conversion to its core.dim_stage.next_used_stage. Grain: month,
  stage, rep_id, region, product, company_size, lead_type.
columns:
  month: First day of the UTC month in which the exits happened (exit_time).
  stage: The canonical stage exited.
  stage_order: The stage's order, 1-8.
  rep_id: The deal's owner (core.fact_deal.rep_id).
  region: The deal's region.
  product: The deal's product.
  company_size: The deal's company size.
  lead_type: The deal's lead type.
  exited: Deals that exited the stage in the month: reached it and then reached a later stage or closed.
  advanced: Of those, the deals that reached the next stage (closed_won counts as stage 9).
*/
select
    cast(date_trunc('month', exits.exit_at) as date) as month,
    stages.stage,
    exits.stage_order,
    deals.rep_id,
    deals.region,
    deals.product,
    deals.company_size,
    deals.lead_type,
    count(*) as exited,
    count(*) filter (where exits.advanced) as advanced
from int_stage_exits as exits
join core.fact_deal as deals using (deal_id)
join core.dim_stage as stages on stages.stage_order = exits.stage_order
group by all
order by all
