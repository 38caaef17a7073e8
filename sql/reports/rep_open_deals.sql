-- Every open deal of a rep ($rep_id) with its age in the current stage (days to T) and whether it
-- is stalled or overdue (expected close before $as_of). Grain: deal.
select
    deals.deal_id,
    deals.deal_name,
    deals.account_name,
    deals.current_stage,
    stages.stage_order,
    transitions.days_in_stage,
    deals.amount,
    deals.expected_close_date,
    deals.is_stalled,
    coalesce(deals.expected_close_date < cast($as_of as date), false) as is_overdue,
    deals.lead_type
from core.fact_deal as deals
join core.dim_stage as stages on stages.stage = deals.current_stage
left join core.fact_stage_transition as transitions
    on transitions.deal_id = deals.deal_id and transitions.entered_at = deals.current_stage_entered_at
where deals.rep_id = $rep_id and deals.status = 'open'
order by stages.stage_order desc, deals.amount desc nulls last, deals.deal_id
