/*
description: Every deal open at the as-of instant T (status open in core.fact_deal), with its
  owner's current name and team, its current stage and age in it, and the flags the open-pipeline
  pages filter on (METRICS.md sections 5 and 8). Reports select from it with a filter, an order and
  a limit. Amounts and expected close dates are core.fact_deal's: as known at T (the latest
  stage-history row that carries one, else the export's). Grain: deal.
columns:
  as_of: The run's as-of date.
  deal_id: The deal's id, as exported.
  deal_name: The deal's name, as exported.
  account_name: The customer account, as exported.
  rep_id: The owning rep, as exported (core.fact_deal.rep_id).
  rep_name: The rep's name from its current core.dim_rep row; NULL when the rep has no current row.
  team: The rep's current team (core.dim_rep, is_current); NULL when the rep has no current row (such deals count in the company figures only).
  is_active_rep: core.dim_rep.is_active of the rep's current row: false when reps.csv marks the rep inactive, NULL when it does not say or the rep has no current row.
  stage: The deal's current canonical stage (core.fact_deal.current_stage).
  stage_order: The stage's order, 1-8 (core.dim_stage).
  entered_stage_at: When the deal entered its current stage (UTC).
  days_in_stage: Age in the current stage in days, T - entered_stage_at, fractional (core.fact_stage_transition.days_in_stage of the deal's last entry).
  amount: Amount in the reporting currency, DECIMAL(18,2); NULL when not exported.
  expected_close_date: Expected close date as known at T (core.fact_deal); NULL when neither the history nor the export has one.
  reached_opportunity: True when the deal's timeline reached opportunity (core.fact_deal.max_stage_order >= 4); only such deals count as open in period or overdue.
  is_stalled: core.fact_deal.is_stalled: age in the current stage above twice the stage's median duration over W (METRICS.md section 5).
  is_overdue: Reached opportunity and expected_close_date before the as-of date (METRICS.md section 8); false without an expected close date.
  in_current_month: Counted in open_in_period of the current month in marts.period_attainment: reached opportunity and expected_close_date in [as-of date, first day of the next month).
  in_current_quarter: Counted in open_in_period of the current quarter: reached opportunity and expected_close_date in [as-of date, first day of the next quarter).
  region: Sales region, as exported.
  product: Product, as exported.
  company_size: smb, mid_market, enterprise or unknown (core.fact_deal).
  lead_type: Canonical lead type (core.dim_lead_type).
*/
with params as (
    select
        as_of,
        cast(date_trunc('month', as_of) + interval '1' month as date) as month_end,
        cast(date_trunc('quarter', as_of) + interval '3' month as date) as quarter_end
    from run_params
),

last_entries as (
    select deal_id, days_in_stage
    from core.fact_stage_transition
    qualify seq = max(seq) over (partition by deal_id)
),

deals as (
    select
        deals.*,
        coalesce(deals.max_stage_order >= 4, false) as reached_opportunity
    from core.fact_deal as deals
    where deals.status = 'open'
)

select
    params.as_of,
    deals.deal_id,
    deals.deal_name,
    deals.account_name,
    deals.rep_id,
    reps.rep_name,
    reps.team,
    reps.is_active as is_active_rep,
    deals.current_stage as stage,
    stages.stage_order,
    deals.current_stage_entered_at as entered_stage_at,
    last_entries.days_in_stage,
    deals.amount,
    deals.expected_close_date,
    deals.reached_opportunity,
    deals.is_stalled,
    coalesce(deals.reached_opportunity and deals.expected_close_date < params.as_of, false) as is_overdue,
    coalesce(deals.reached_opportunity and deals.expected_close_date >= params.as_of
        and deals.expected_close_date < params.month_end, false) as in_current_month,
    coalesce(deals.reached_opportunity and deals.expected_close_date >= params.as_of
        and deals.expected_close_date < params.quarter_end, false) as in_current_quarter,
    deals.region,
    deals.product,
    deals.company_size,
    deals.lead_type
from deals
cross join params
join core.dim_stage as stages on stages.stage = deals.current_stage
left join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
left join last_entries using (deal_id)
order by deals.deal_id
