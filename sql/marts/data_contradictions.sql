/*
description: Input that loaded although its dates or references contradict each other, so the
  operator sees it (INPUTS.md "Bad input"): a deal closed before it was created, a deal with stage
  history from before its creation, a rep whose manager_id names no rep of reps.csv, a deal whose
  forecast category is none the warehouse knows (core.fact_deal.forecast_category). Such rows are
  kept (the export may be right about everything else) and counted and listed on the data-quality
  page of the health report. Grain: contradiction (kind and deal or rep).
columns:
  kind: closed_before_created (core.fact_deal closed_at before created_at), history_before_created (stage history from the export entered before created_at), unknown_manager (core.dim_rep manager_id that is no rep_id) or unknown_forecast_category (a deal whose exported forecast category is not empty and none of pipeline, best case, commit, closed, omitted in any spelling core.fact_deal knows; the deal is kept with forecast_category NULL).
  deal_id: The deal, for the deal kinds; NULL for unknown_manager.
  rep_id: The deal's owner, or the rep whose manager is unknown.
  created_at: The deal's created_at; NULL for unknown_manager.
  contradicting_at: closed_at for closed_before_created; the earliest history entry before created_at for history_before_created; NULL for unknown_manager.
  history_rows: For history_before_created, how many of the deal's timeline entries from exported history (core.fact_stage_transition, not synthesized) begin before created_at; NULL otherwise.
  manager_id: For unknown_manager, the manager_id that names nobody; NULL otherwise.
  exported_value: For unknown_forecast_category, the forecast category as exported (core.fact_deal.forecast_category_label); NULL otherwise.
*/
with deals as (
    select deal_id, rep_id, created_at, closed_at from core.fact_deal
),

closed_before_created as (
    select 'closed_before_created' as kind, deal_id, rep_id, created_at, closed_at as contradicting_at,
        cast(null as bigint) as history_rows, cast(null as varchar) as manager_id, cast(null as varchar) as exported_value
    from deals
    where closed_at < created_at
),

history_before_created as (
    select 'history_before_created' as kind, deals.deal_id, deals.rep_id, deals.created_at,
        min(transitions.entered_at) as contradicting_at, count(*) as history_rows, cast(null as varchar) as manager_id,
        cast(null as varchar) as exported_value
    from deals
    join core.fact_stage_transition as transitions
        on transitions.deal_id = deals.deal_id and not transitions.is_synthesized and transitions.entered_at < deals.created_at
    group by deals.deal_id, deals.rep_id, deals.created_at
),

unknown_manager as (
    select distinct 'unknown_manager' as kind, cast(null as varchar) as deal_id, reps.rep_id, cast(null as timestamp) as created_at,
        cast(null as timestamp) as contradicting_at, cast(null as bigint) as history_rows, reps.manager_id,
        cast(null as varchar) as exported_value
    from core.dim_rep as reps
    where reps.is_current
        and reps.manager_id is not null
        and reps.manager_id not in (select rep_id from core.dim_rep where is_current)
),

unknown_forecast_category as (
    select 'unknown_forecast_category' as kind, deal_id, rep_id, created_at, cast(null as timestamp) as contradicting_at,
        cast(null as bigint) as history_rows, cast(null as varchar) as manager_id, forecast_category_label as exported_value
    from core.fact_deal
    where forecast_category is null and forecast_category_label is not null
)

select * from closed_before_created
union all
select * from history_before_created
union all
select * from unknown_manager
union all
select * from unknown_forecast_category
order by kind, deal_id, rep_id
