-- The largest stalled open deals ($limit of them): every team's, or those of a team's ($team, ''
-- for all) current reps. Grain: deal.
select
    deals.deal_id,
    deals.deal_name,
    deals.account_name,
    reps.rep_name,
    reps.team,
    deals.current_stage,
    transitions.days_in_stage,
    deals.amount,
    deals.expected_close_date
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
left join core.fact_stage_transition as transitions
    on transitions.deal_id = deals.deal_id and transitions.entered_at = deals.current_stage_entered_at
where deals.status = 'open' and deals.is_stalled and (cast($team as varchar) = '' or reps.team = $team)
order by deals.amount desc nulls last, deals.deal_id
limit $limit
