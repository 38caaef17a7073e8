/*
description: One row per deal created before the as-of instant T, as known at T (an accumulating
  snapshot). Amount and expected close date are as known at T (int_deal_known_values); owner and
  segment are as exported; status, stage and dates come from
  the deal's timeline (core.fact_stage_transition). Grain: deal.
columns:
  deal_id: The deal's id, as exported.
  deal_name: The deal's name, as exported.
  rep_id: The owning rep (core.dim_rep), as exported.
  segment_key: The deal's segment (core.dim_segment).
  region: Sales region, as exported.
  product: Product, as exported.
  company_size: smb, mid_market, enterprise or unknown (from a label or an employee count: < 100 smb, 100-999 mid_market, >= 1000 enterprise).
  lead_type: Canonical lead type (core.dim_lead_type); unknown when missing or not in the lead-type map.
  amount: Amount in the reporting currency as known at T, DECIMAL(18,2): from the latest stage-history row before T that carries one (converted with the deal's rate), else as exported (amount_source says which); NULL when neither has one.
  created_at: When the deal was created in the CRM (UTC); an estimate when created_at_is_estimated.
  start_at: Start of the deal: the earlier of created_at and its first timeline entry.
  expected_close_date: Expected close date as known at T: from the latest stage-history row before T that carries one, else as exported (expected_close_date_source says which).
  status: won or lost when the last timeline entry is closed_won or closed_lost; otherwise open (a reopened deal is open).
  closed_at: When the last, terminal entry began; NULL for open deals.
  current_stage: Stage of the last timeline entry.
  current_stage_entered_at: When the last timeline entry began.
  max_stage_order: Highest stage order the timeline reached (closed_won counts as 9; closed_lost never counts); NULL if only closed_lost.
  is_stalled: True for an open deal whose age in its current stage exceeds twice the median duration of that stage over entries whose next entry falls in the 365 days before T, when at least 10 such entries exist.
  cycle_days: Sales cycle of a closed deal in days: closed_at - start_at; NULL for open deals.
  load_id: The run that built this row (meta.etl_run).
  account_name: The customer account, as exported.
  amount_original: Amount in the exported currency.
  currency: Currency of amount_original (the reporting currency when the export left it empty).
  loss_reason: Loss reason, as exported.
  lead_type_label: The lead-type text as exported, before mapping.
  company_size_label: The company-size text as exported, before mapping.
  created_at_is_estimated: True when the export gave no creation date and a mapping's createdAtFallback estimated created_at: from another date column, or as the night the deal was first seen (the as-of date of the first run that loaded it).
  amount_source: stage_history or export: where amount comes from (NULL when there is none).
  expected_close_date_source: stage_history or export: where expected_close_date comes from.
  amount_as_exported: The deals file's amount in the reporting currency, whatever the history says.
  expected_close_date_as_exported: The deals file's expected close date.
  created_at_estimated_from: Where an estimated created_at comes from: the export's column (its header), or 'first seen'; NULL when created_at is the export's own.
  forecast_category: The CRM's forecast category as exported, normalized: pipeline, best_case, commit, closed or omitted (Salesforce's Pipeline, Best Case, Commit, Closed, Omitted; HubSpot's PIPELINE, BEST_CASE, COMMIT, CLOSED, OMIT and their labels); NULL when the export has none or a value none of these (listed in marts.data_contradictions as unknown_forecast_category).
  forecast_category_label: The forecast category text as exported, before normalizing; NULL when empty or not exported.
*/
with deals as (
    select * from int_deals where not is_after_as_of
),

timelines as (
    select
        deal_id,
        min(entered_at) as first_entered_at,
        max(stage_order) as max_stage_order,
        arg_max(stage, seq) as current_stage,
        arg_max(entered_at, seq) as current_stage_entered_at,
        -- (a struct, because arg_max skips a NULL value: a closed deal's last entry has no duration)
        arg_max({'days': days_in_stage}, seq).days as current_stage_days
    from core.fact_stage_transition
    group by deal_id
),

final as (
    select
        deals.deal_id,
        deals.deal_name,
        deals.rep_id,
        segments.segment_key,
        deals.region,
        deals.product,
        deals.company_size,
        deals.lead_type,
        known.amount,
        deals.created_at,
        least(deals.created_at, timelines.first_entered_at) as start_at,
        known.expected_close_date,
        case timelines.current_stage when 'closed_won' then 'won' when 'closed_lost' then 'lost' else 'open' end as status,
        case when timelines.current_stage in ('closed_won', 'closed_lost') then timelines.current_stage_entered_at end as closed_at,
        timelines.current_stage,
        timelines.current_stage_entered_at,
        timelines.max_stage_order,
        coalesce(
            timelines.current_stage not in ('closed_won', 'closed_lost')
                and baseline.entries >= 10
                and timelines.current_stage_days > 2 * baseline.median_days,
            false) as is_stalled,
        case
            when timelines.current_stage in ('closed_won', 'closed_lost')
            then (epoch(timelines.current_stage_entered_at) - epoch(least(deals.created_at, timelines.first_entered_at))) / 86400
        end as cycle_days,
        params.load_id,
        deals.account_name,
        deals.amount_original,
        deals.currency,
        deals.loss_reason,
        deals.lead_type_text as lead_type_label,
        deals.company_size_text as company_size_label,
        deals.created_at_is_estimated,
        deals.created_at_estimated_from,
        known.amount_source,
        known.expected_close_date_source,
        deals.amount as amount_as_exported,
        deals.expected_close_date as expected_close_date_as_exported,
        deals.forecast_category,
        deals.forecast_category_text as forecast_category_label
    from deals
    cross join run_params as params
    join timelines using (deal_id)
    join int_deal_known_values as known using (deal_id)
    join core.dim_segment as segments using (region, product, company_size)
    left join int_stage_duration_baseline as baseline on baseline.stage = timelines.current_stage
)

select * from final
order by deal_id
