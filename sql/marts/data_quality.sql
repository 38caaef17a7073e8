/*
description: What the health report's data-quality page counts, one row: among the deals of
  core.fact_deal, those with an unknown lead type or company size and those whose whole history
  was synthesized from the export row, and the contradictions of marts.data_contradictions per
  kind (an unknown forecast category among them). Grain: one row per run.
columns:
  as_of: The run's as-of date.
  deals: Deals in core.fact_deal.
  unknown_lead_types: Deals whose lead type is unknown (missing or not in the lead-type map).
  unknown_company_sizes: Deals whose company size is unknown.
  synthesized_deals: Deals with a synthesized timeline entry (no usable stage history).
  closed_before_created: Deals closed before they were created (marts.data_contradictions).
  history_before_created: Deals with stage history before their creation.
  unknown_managers: Reps whose manager id is the rep_id of no rep.
  unknown_forecast_categories: Deals kept although their exported forecast category is none the warehouse knows (marts.data_contradictions kind unknown_forecast_category; forecast_category NULL).
*/
select
    run_params.as_of,
    (select count(*) from core.fact_deal) as deals,
    (select count(*) from core.fact_deal where lead_type = 'unknown') as unknown_lead_types,
    (select count(*) from core.fact_deal where company_size = 'unknown') as unknown_company_sizes,
    (select count(distinct deal_id) from core.fact_stage_transition where is_synthesized) as synthesized_deals,
    (select count(*) from marts.data_contradictions where kind = 'closed_before_created') as closed_before_created,
    (select count(*) from marts.data_contradictions where kind = 'history_before_created') as history_before_created,
    (select count(*) from marts.data_contradictions where kind = 'unknown_manager') as unknown_managers,
    (select count(*) from marts.data_contradictions where kind = 'unknown_forecast_category') as unknown_forecast_categories
from run_params
