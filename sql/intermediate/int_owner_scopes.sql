/*
description: The report scopes that count each owner's deals (int_deal_scopes): a deal's scopes
  follow from its owner alone (core.fact_deal.rep_id), so one deal of each owner gives them. Models
  that sum deals per scope sum them per owner first (far fewer rows than deals), then add each
  owner's sums to its scopes. Grain: owner and scope.
columns:
  owner_id: The owner (core.fact_deal.rep_id).
  scope_type: company, team or rep.
  scope_id: As int_deal_scopes.
*/
select owners.owner_id, scopes.scope_type, scopes.scope_id
from (select rep_id as owner_id, any_value(deal_id) as deal_id from core.fact_deal group by rep_id) as owners
join int_deal_scopes as scopes using (deal_id)
