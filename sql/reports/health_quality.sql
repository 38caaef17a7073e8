-- Data-quality counts for a health report: the latest run's message (meta.etl_run) and, among
-- the deals of core.fact_deal, those with an unknown lead type or company size and those whose
-- whole history was synthesized. One row.
select
    (select message from meta.etl_run order by load_id desc limit 1) as run_message,
    (select count(*) from core.fact_deal) as deals,
    (select count(*) from core.fact_deal where lead_type = 'unknown') as unknown_lead_types,
    (select count(*) from core.fact_deal where company_size = 'unknown') as unknown_company_sizes,
    (select count(distinct deal_id) from core.fact_stage_transition where is_synthesized) as synthesized_deals
