/*
description: Each deal of core.fact_deal once per scope that counts it (see int_scopes): the
  company (every deal), the current team of the deal's rep (deals.rep_id) and that rep, when the
  rep has a current core.dim_rep row; a deal whose rep has none is in the company scope only.
  Grain: deal and scope.
*/
select deal_id, 'company' as scope_type, '' as scope_id
from core.fact_deal
union all
select deals.deal_id, 'team', reps.team
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
union all
select deals.deal_id, 'rep', reps.rep_id
from core.fact_deal as deals
join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
