-- Every stalled open deal of a team's ($team) current reps, largest first. Grain: deal.
select
    deals.deal_id,
    deals.deal_name,
    deals.account_name,
    reps.rep_name,
    deals.current_stage,
    transitions.days_in_stage,
    deals.amount,
    deals.expected_close_date,
    coalesce(deals.expected_close_date < cast($as_of as date), false) as is_overdue,
    deals.lead_type
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
left join core.fact_stage_transition as transitions
    on transitions.deal_id = deals.deal_id and transitions.entered_at = deals.current_stage_entered_at
where reps.team = $team and deals.status = 'open' and deals.is_stalled
order by deals.amount desc nulls last, deals.deal_id
