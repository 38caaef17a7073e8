/*
description: Each deal of core.fact_deal once per report scope that counts it (see int_scopes):
  the company (every deal), the current team of the deal's rep (deals.rep_id) and that rep, both
  from the rep's current core.dim_rep row. A deal whose rep has no current row counts in the
  company only; one whose rep has no team in the company and the rep. Grain: deal and scope.
columns:
  deal_id: The deal.
  scope_type: company, team or rep.
  scope_id: The scope within its type: '' for the company, the team, or the rep_id.
  team: The team of the deal's rep; NULL for the company row.
  rep_id: The deal's rep on the rep row; NULL for the company and team rows.
*/
select deal_id, 'company' as scope_type, '' as scope_id, cast(null as varchar) as team, cast(null as varchar) as rep_id
from core.fact_deal

union all

select deals.deal_id, 'team', reps.team, reps.team, null
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
where reps.team is not null

union all

select deals.deal_id, 'rep', reps.rep_id, reps.team, reps.rep_id
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
