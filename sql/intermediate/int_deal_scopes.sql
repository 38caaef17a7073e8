/*
description: The report scopes each deal of core.fact_deal counts in: the company (every deal),
  the team of its rep and the rep itself, both from the rep's current row of core.dim_rep. A deal
  whose rep has no current row counts in the company only; one whose rep has no team counts in
  the company and the rep. Grain: deal, scope.
columns:
  deal_id: The deal.
  scope_type: company, team or rep.
  team: The team of the deal's rep (NULL for the company row).
  rep_id: The deal's rep for the rep row; NULL for the company and team rows.
*/
select deal_id, 'company' as scope_type, cast(null as varchar) as team, cast(null as varchar) as rep_id
from core.fact_deal

union all

select deals.deal_id, 'team', reps.team, null
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
where reps.team is not null

union all

select deals.deal_id, 'rep', reps.team, reps.rep_id
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
