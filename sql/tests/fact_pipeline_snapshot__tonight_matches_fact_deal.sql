-- Tonight's rows are core.fact_deal's open deals and the deals closed on the as-of date, with
-- their values (plus the deals deleted tonight, which fact_deal no longer holds), once each.
with tonight as (
    select deal_id, rep_id, stage, status, amount, expected_close_date
    from core.fact_pipeline_snapshot
    where snapshot_date = (select as_of from run_params) and status <> 'deleted'
),

expected as (
    select deal_id, rep_id, current_stage as stage, status, amount, expected_close_date
    from core.fact_deal
    where status = 'open' or cast(closed_at as date) = (select as_of from run_params)
)

(select 'missing or different' as problem, * from expected except all select 'missing or different', * from tonight)
union all
(select 'extra or different', * from tonight except all select 'extra or different', * from expected)
union all
select 'deleted deal still in fact_deal', deal_id, rep_id, stage, status, amount, expected_close_date
from core.fact_pipeline_snapshot
where snapshot_date = (select as_of from run_params) and status = 'deleted'
    and deal_id in (select deal_id from core.fact_deal)
