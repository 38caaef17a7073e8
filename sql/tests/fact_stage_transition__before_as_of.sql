-- No timeline entry is at or after the as-of instant, and no deal in core.fact_deal was created then.
select 'transition' as kind, deal_id, entered_at as at_time
from core.fact_stage_transition
where entered_at >= (select as_of_instant from run_params)
union all
select 'deal', deal_id, created_at
from core.fact_deal
where created_at >= (select as_of_instant from run_params)
