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
  snapshot_nights: Nights the warehouse remembers (distinct snapshot dates of core.fact_pipeline_snapshot, tonight's included).
  first_snapshot_date: The first night it remembers; figures for an instant before that night's T use values from the stage history or the export (METRICS.md section 9 "Known then").
  deleted_deals: Deals deleted in the CRM and not back (core.deleted_deal): in no figure of tonight, kept in the snapshots.
  deleted_tonight: Of those, the deals tonight's export no longer holds although the night before did.
  inferred_deals: Deals with a stage change inferred from two nights' snapshots because the export has no stage history for them (core.fact_stage_transition.is_inferred).
  backtest_origins_before_first_snapshot: Backtest origins (marts.forecast_backtest) before the first night's T: their deals are priced with amounts and close dates from the stage history or from tonight's export, which may know more than was known then.
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
    (select count(*) from marts.data_contradictions where kind = 'unknown_forecast_category') as unknown_forecast_categories,
    (select count(distinct snapshot_date) from core.fact_pipeline_snapshot) as snapshot_nights,
    (select min(snapshot_date) from core.fact_pipeline_snapshot) as first_snapshot_date,
    (select count(*) from core.deleted_deal) as deleted_deals,
    (select count(*) from core.deleted_deal where deleted_on = run_params.as_of) as deleted_tonight,
    (select count(distinct deal_id) from core.fact_stage_transition where is_inferred) as inferred_deals,
    (select count(distinct as_of) from marts.forecast_backtest
        where as_of < coalesce((select min(snapshot_date) from core.fact_pipeline_snapshot), run_params.as_of)) as backtest_origins_before_first_snapshot
from run_params
